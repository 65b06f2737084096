package chat.actors;

import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Whether this node is shutting down. Sharding then stops every entity here; what an entity would
 * otherwise hand to its next actor (members, a nick's holder) has nobody left to go to, and sending
 * it would only hold up the shutdown.
 */
final class ShuttingDown {

    private ShuttingDown() {}

    static boolean of(ActorSystem<?> system) {
        return CoordinatedShutdown.get(system).getShutdownReason().isPresent();
    }
}
