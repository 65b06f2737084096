package chat.actors.room;

import chat.actors.RegistryActor;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.pubsub.Topic;

/**
 * The topic rooms publish their {@link RegistryActor.RoomStatus} to, one per node: every node's
 * registry subscribes, so {@code rooms} lists the rooms of the whole cluster. A room publishes to
 * the topic of the node it lives on, which it finds here, whichever registry started first.
 */
public final class RoomDirectory implements Extension {

    private static final String TOPIC = "room-directory";

    private static final ExtensionId<RoomDirectory> ID = new ExtensionId<>() {
        @Override
        public RoomDirectory createExtension(ActorSystem<?> system) {
            return new RoomDirectory(system.systemActorOf(Topic.create(RegistryActor.RoomStatus.class, TOPIC), TOPIC,
                    Props.empty()));
        }
    };

    private final ActorRef<Topic.Command<RegistryActor.RoomStatus>> topic;

    private RoomDirectory(ActorRef<Topic.Command<RegistryActor.RoomStatus>> topic) {
        this.topic = topic;
    }

    /**
     * Who hears a room's status: the registry of its own node, at once, and every registry through
     * the topic, a moment later.
     */
    public record Readers(ActorRef<RegistryActor.RoomStatus> ownRegistry,
                          ActorRef<Topic.Command<RegistryActor.RoomStatus>> topic) {

        public void tell(RegistryActor.RoomStatus status) {
            ownRegistry.tell(status);
            topic.tell(Topic.publish(status));
        }
    }

    public static ActorRef<Topic.Command<RegistryActor.RoomStatus>> topic(ActorSystem<?> system) {
        return system.registerExtension(ID).topic;
    }
}
