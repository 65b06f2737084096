package chat.actors;

import org.apache.pekko.actor.typed.RecipientRef;

/**
 * Where to send a room's requests, by its folded name: the room's Cluster Sharding entity, on
 * whichever node it lives now. A node-local handle, like {@link ConnectionOutlet}.
 */
@FunctionalInterface
public interface RoomRefs {

    RecipientRef<RoomActor.Command> room(String key);
}
