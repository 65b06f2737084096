package chat.actors.room;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.NoOffset;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByTagQuery;
import org.apache.pekko.persistence.query.javadsl.ReadJournal;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * What rooms read back from the store without recovering an actor: older pages of a room's
 * history, and the directory of every room the store holds. Runs Pekko Persistence Query streams
 * on the configured read journal; every answer is a {@link CompletionStage}, so no actor waits.
 */
public final class StoreQueries {

    /** A room the store knows of: its key, its name as created, its last topic, whether it is secret. */
    public record StoredRoom(String key, String name, String topic, boolean secret) {}

    private final ActorSystem<?> system;
    private final CurrentEventsByPersistenceIdQuery byRoom;
    private final CurrentEventsByTagQuery byTag;

    private StoreQueries(ActorSystem<?> system, CurrentEventsByPersistenceIdQuery byRoom, CurrentEventsByTagQuery byTag) {
        this.system = system;
        this.byRoom = byRoom;
        this.byTag = byTag;
    }

    /** Queries through the read journal plugin {@code pluginId} ({@code chat.store.query-plugin}). */
    public static StoreQueries of(ActorSystem<?> system, String pluginId) {
        ReadJournal journal = PersistenceQuery.get(system).getReadJournalFor(ReadJournal.class, pluginId);
        if (!(journal instanceof CurrentEventsByPersistenceIdQuery byRoom) || !(journal instanceof CurrentEventsByTagQuery byTag)) {
            throw new IllegalStateException("the read journal " + pluginId + " (" + journal.getClass().getName()
                    + ") cannot page through a room's events or find rooms by tag");
        }
        return new StoreQueries(system, byRoom, byTag);
    }

    /**
     * The room's messages with {@code from <= seq <= to}, oldest first, as far as the store still
     * holds them; {@code positions} says where in the journal to look.
     */
    public CompletionStage<List<RoomEvent.MessagePosted>> messages(String roomKey, JournalPositions positions,
                                                                   long from, long to) {
        if (from > to) {
            return CompletableFuture.completedFuture(List.of());
        }
        return byRoom.currentEventsByPersistenceId(RoomJournal.persistenceId(roomKey).id(),
                        positions.firstPositionOf(from), positions.lastPositionOf(to))
                .map(EventEnvelope::event)
                .filter(event -> event instanceof RoomEvent.MessagePosted posted && posted.seq() >= from && posted.seq() <= to)
                .map(RoomEvent.MessagePosted.class::cast)
                .runWith(Sink.seq(), system);
    }

    /** Every room the store holds, with the name it was created with and its last topic. */
    public CompletionStage<List<StoredRoom>> rooms() {
        return byTag.currentEventsByTag(RoomJournal.DIRECTORY_TAG, NoOffset.getInstance())
                .runFold(new LinkedHashMap<String, StoredRoom>(), StoreQueries::addToDirectory, system)
                .thenApply(directory -> new ArrayList<>(directory.values()));
    }

    private static LinkedHashMap<String, StoredRoom> addToDirectory(LinkedHashMap<String, StoredRoom> directory,
                                                                    EventEnvelope envelope) {
        String key = PersistenceId.ofUniqueId(envelope.persistenceId()).entityId();
        StoredRoom known = directory.get(key);
        if (envelope.event() instanceof RoomEvent.Opened opened) {
            directory.put(key, new StoredRoom(key, opened.name(), known == null ? "" : known.topic(),
                    known != null && known.secret()));
        } else if (envelope.event() instanceof RoomEvent.TopicSet set && known != null) {
            directory.put(key, new StoredRoom(key, known.name(), set.topic(), known.secret()));
        } else if (envelope.event() instanceof RoomEvent.RulesSet set && known != null) {
            directory.put(key, new StoredRoom(key, known.name(), known.topic(), set.rules().mode().secret()));
        }
        return directory;
    }
}
