package chat.actors;

import chat.actors.room.RoomFanOut;
import chat.protocol.ServerFrame;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The one place on a node where rooms' events become bytes on their members' connections. A
 * room sends each group of events once to every node that has members of it, whatever the number
 * of members there; this actor encodes them once per wire protocol in use and offers the same
 * bytes to each local member's {@link ConnectionOutlet}. Rooms therefore hold no connections:
 * what they send here is plain data that may cross to another node, while the outlets, which
 * stand for sockets, stay on the node that owns them.
 *
 * <p>A room's messages arrive here in the order it sent them, so every local member sees the
 * room's events in {@code seq} order, its {@code joined} snapshot before anything after it, and
 * an answer the room writes in its place among the events. The session whose request an event
 * answers hears so from here, after the bytes are queued, so its next answer cannot overtake
 * them.
 */
public final class NodeFanOut extends AbstractBehavior<NodeFanOut.Command> {

    public sealed interface Command {}

    /**
     * {@code session}'s connection, for the rooms it joins and for whispers to it. Sent by the
     * node's registry, idempotently; local only, as the outlet is.
     */
    public record Attach(ActorRef<SessionActor.Reply> session, ConnectionOutlet outlet) implements Command {}

    /**
     * {@code session} is now a member of {@code roomKey} on this node: its {@code joined} snapshot
     * is written first, then the room's events; the session hears {@code joined} from here.
     */
    public record Admit(String roomKey, ActorRef<RoomActor.Command> room, ActorRef<SessionActor.Reply> session,
                        ServerFrame.Joined snapshot) implements Command {}

    /** {@code session} is no longer a member: nothing more of {@code roomKey} is written to it. */
    public record Remove(String roomKey, ActorRef<SessionActor.Reply> session) implements Command {}

    /** Events that became durable together, to every local member of {@code roomKey}, as one offer each. */
    public record Deliver(String roomKey, List<RoomFanOut.Event> events) implements Command {}

    /** One frame to every local member of {@code roomKey} but {@code except} (or null). */
    public record Broadcast(String roomKey, ServerFrame frame, ActorRef<SessionActor.Reply> except) implements Command {}

    /**
     * {@code frame} to {@code session} alone, behind what was written to it before; when it
     * {@code answers} the session's request, the session hears {@link SessionActor.AnswerWritten}.
     */
    public record WriteTo(ActorRef<SessionActor.Reply> session, ServerFrame frame, boolean answers) implements Command {}

    private record SessionGone(ActorRef<SessionActor.Reply> session) implements Command {}

    private final RoomRefs roomRefs;
    private final Map<ActorRef<SessionActor.Reply>, ConnectionOutlet> outlets = new HashMap<>();
    private final Map<String, RoomFanOut> rooms = new HashMap<>();

    public static Behavior<Command> create(RoomRefs roomRefs) {
        return Behaviors.setup(context -> new NodeFanOut(context, roomRefs));
    }

    private NodeFanOut(ActorContext<Command> context, RoomRefs roomRefs) {
        super(context);
        this.roomRefs = roomRefs;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Deliver.class, this::onDeliver)
                .onMessage(WriteTo.class, this::onWriteTo)
                .onMessage(Broadcast.class, this::onBroadcast)
                .onMessage(Admit.class, this::onAdmit)
                .onMessage(Remove.class, this::onRemove)
                .onMessage(Attach.class, this::onAttach)
                .onMessage(SessionGone.class, this::onSessionGone)
                .build();
    }

    private Behavior<Command> onDeliver(Deliver deliver) {
        RoomFanOut room = rooms.get(deliver.roomKey());
        if (room != null) {
            room.deliver(deliver.events());
            for (RoomFanOut.Event event : deliver.events()) {
                if (event.owner() != null && room.contains(event.owner())) {
                    event.owner().tell(SessionActor.AnswerWritten.INSTANCE);
                }
            }
        }
        return this;
    }

    private Behavior<Command> onWriteTo(WriteTo write) {
        ConnectionOutlet outlet = outlets.get(write.session());
        if (outlet != null) {
            outlet.offer(write.frame());
            if (write.answers()) {
                write.session().tell(SessionActor.AnswerWritten.INSTANCE);
            }
        }
        return this;
    }

    private Behavior<Command> onBroadcast(Broadcast broadcast) {
        RoomFanOut room = rooms.get(broadcast.roomKey());
        if (room != null) {
            room.broadcast(broadcast.frame(), broadcast.except());
        }
        return this;
    }

    private Behavior<Command> onAdmit(Admit admit) {
        ConnectionOutlet outlet = outlets.get(admit.session());
        if (outlet == null) {
            // The session ended before the room let it in.
            roomRefs.room(admit.roomKey()).tell(new RoomActor.MemberLost(admit.session()));
            return this;
        }
        rooms.computeIfAbsent(admit.roomKey(), key -> new RoomFanOut()).add(admit.session(), outlet);
        outlet.offer(admit.snapshot());
        admit.session().tell(new SessionActor.RoomJoined(admit.roomKey()));
        return this;
    }

    private Behavior<Command> onRemove(Remove remove) {
        RoomFanOut room = rooms.get(remove.roomKey());
        if (room != null) {
            room.remove(remove.session());
            if (room.isEmpty()) {
                rooms.remove(remove.roomKey());
            }
        }
        return this;
    }

    private Behavior<Command> onAttach(Attach attach) {
        if (outlets.put(attach.session(), attach.outlet()) == null) {
            getContext().watchWith(attach.session(), new SessionGone(attach.session()));
        }
        return this;
    }

    /**
     * A session that ended is forgotten, and each of its rooms that still counts it hears so. Sent
     * through sharding like the session's own requests, this comes after the session's
     * {@code quit}, whose reason it does not overwrite.
     */
    private Behavior<Command> onSessionGone(SessionGone gone) {
        outlets.remove(gone.session());
        rooms.entrySet().removeIf(room -> {
            if (room.getValue().contains(gone.session())) {
                room.getValue().remove(gone.session());
                roomRefs.room(room.getKey()).tell(new RoomActor.MemberLost(gone.session()));
            }
            return room.getValue().isEmpty();
        });
        return this;
    }
}
