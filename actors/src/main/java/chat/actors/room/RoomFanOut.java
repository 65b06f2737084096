package chat.actors.room;

import chat.actors.ConnectionOutlet;
import chat.actors.SessionActor;
import chat.protocol.ServerFrame;
import chat.protocol.ServerFrameEncoder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.util.ByteString;

/**
 * A room's members on one node and their connections, owned by the node's {@link
 * chat.actors.NodeFanOut}. It is handed each group of the room's events once, encodes it once per
 * wire protocol in use and offers the same bytes straight into every member's {@link
 * ConnectionOutlet}: no message per member per delivery. A member who fell behind is cut by its
 * own outlet; nobody else waits for it.
 */
public final class RoomFanOut {

    /**
     * One event for the members: {@code frame} for everyone, except its {@code owner} (the member
     * whose request it answers, or null), who gets {@code ownersCopy}, the same with its {@code re}.
     */
    public record Event(ServerFrame frame, ActorRef<SessionActor.Reply> owner, ServerFrame ownersCopy) {

        public static Event toAll(ServerFrame frame) {
            return new Event(frame, null, null);
        }
    }

    private static final class Member {
        final ConnectionOutlet outlet;
        /** The number of the last delivery that held an event of this member's own. */
        long ownerInDelivery;

        Member(ConnectionOutlet outlet) {
            this.outlet = outlet;
        }
    }

    private final Map<ActorRef<SessionActor.Reply>, Member> members = new HashMap<>();
    private long deliveries;

    public boolean contains(ActorRef<SessionActor.Reply> session) {
        return members.containsKey(session);
    }

    public boolean isEmpty() {
        return members.isEmpty();
    }

    public void add(ActorRef<SessionActor.Reply> session, ConnectionOutlet outlet) {
        members.put(session, new Member(outlet));
    }

    public void remove(ActorRef<SessionActor.Reply> session) {
        members.remove(session);
    }

    /** {@code frame} to every member but {@code except} (or null), encoded once per wire protocol. */
    public void broadcast(ServerFrame frame, ActorRef<SessionActor.Reply> except) {
        Encodings encodings = new Encodings(List.of(Event.toAll(frame)));
        for (Map.Entry<ActorRef<SessionActor.Reply>, Member> entry : members.entrySet()) {
            if (!entry.getKey().equals(except)) {
                ConnectionOutlet outlet = entry.getValue().outlet;
                outlet.offer(encodings.of(outlet.encoder()).all, 1);
            }
        }
    }

    /**
     * Events that became durable together, in order, as one offer per member: every member gets
     * the same bytes, but an event's owner, whose copy carries its {@code re}.
     */
    public void deliver(List<Event> events) {
        long delivery = ++deliveries;
        boolean anyOwner = false;
        for (Event event : events) {
            Member owner = event.owner() == null ? null : members.get(event.owner());
            if (owner != null) {
                owner.ownerInDelivery = delivery;
                anyOwner = true;
            }
        }
        Encodings encodings = new Encodings(events);
        int count = events.size();
        for (Map.Entry<ActorRef<SessionActor.Reply>, Member> entry : members.entrySet()) {
            Member member = entry.getValue();
            Encoded encoded = encodings.of(member.outlet.encoder());
            ByteString bytes = anyOwner && member.ownerInDelivery == delivery
                    ? encoded.asSeenBy(entry.getKey(), events, member.outlet.encoder())
                    : encoded.all;
            member.outlet.offer(bytes, count);
        }
    }

    /** Some events in one wire protocol: each line, and all of them as one. */
    private static final class Encoded {
        final ByteString[] lines;
        final ByteString all;

        Encoded(List<Event> events, ServerFrameEncoder encoder) {
            lines = new ByteString[events.size()];
            ByteString together = ByteString.emptyByteString();
            for (int line = 0; line < lines.length; line++) {
                lines[line] = ByteString.fromArrayUnsafe(encoder.encode(events.get(line).frame()));
                together = together.concat(lines[line]);
            }
            all = together;
        }

        /** The events with {@code owner}'s own in its copies; the others' bytes are shared. */
        ByteString asSeenBy(ActorRef<SessionActor.Reply> owner, List<Event> events, ServerFrameEncoder encoder) {
            ByteString seen = ByteString.emptyByteString();
            for (int line = 0; line < lines.length; line++) {
                Event event = events.get(line);
                seen = seen.concat(owner.equals(event.owner())
                        ? ByteString.fromArrayUnsafe(encoder.encode(event.ownersCopy()))
                        : lines[line]);
            }
            return seen;
        }
    }

    /** The events encoded once per wire protocol that asks: nearly always one. */
    private static final class Encodings {
        private final List<Event> events;
        private ServerFrameEncoder firstEncoder;
        private Encoded first;
        private Map<ServerFrameEncoder, Encoded> others;

        Encodings(List<Event> events) {
            this.events = events;
        }

        Encoded of(ServerFrameEncoder encoder) {
            if (first == null) {
                firstEncoder = encoder;
                first = new Encoded(events, encoder);
                return first;
            }
            if (encoder == firstEncoder) {
                return first;
            }
            if (others == null) {
                others = new HashMap<>();
            }
            return others.computeIfAbsent(encoder, wire -> new Encoded(events, wire));
        }
    }
}
