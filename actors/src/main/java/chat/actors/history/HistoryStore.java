package chat.actors.history;

/**
 * Where rooms keep their messages: the seam for durable history. Rooms open their history by
 * key when they start and own it from then on; an implementation must not block the caller
 * for long, since rooms call it from inside the actor.
 */
public interface HistoryStore {

    RoomHistory open(String roomKey);
}
