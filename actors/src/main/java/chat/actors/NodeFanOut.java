package chat.actors;

import chat.actors.room.Identity;
import chat.actors.room.RoomFanOut;
import chat.protocol.ServerFrame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.Address;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Subscribe;

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
 *
 * <p>It watches the actor of each room it has members of. When that actor ends with members here
 * (its node died, or its shard moved), it hands them to the room's next actor, with the last
 * {@code seq} delivered here, so they stay in the room and miss no line that was stored. Likewise
 * it knows where each local session's nick is kept, and when that node leaves the cluster it claims
 * the nick back from the nick's next actor, so nobody else can take the nick of someone still here.
 */
public final class NodeFanOut extends AbstractBehavior<NodeFanOut.Command> {

    public sealed interface Command extends CborSerializable {}

    /**
     * {@code session}'s connection, for the rooms it joins and for whispers to it. Sent by the
     * node's registry, idempotently; local only, as the outlet is.
     */
    public record Attach(ActorRef<SessionActor.Reply> session, ConnectionOutlet outlet) implements Command, LocalOnly {}

    /**
     * {@code session} is now a member of {@code roomKey} on this node: its {@code joined} snapshot
     * is written first, then the room's events; the session hears {@code joined} from here.
     */
    public record Admit(String roomKey, ActorRef<RoomActor.Command> room, ActorRef<SessionActor.Reply> session,
                        String nick, Identity identity, long seq, ServerFrame.Joined snapshot) implements Command {}

    /**
     * A new actor of {@code roomKey} took over this node's members, which this fan-out handed to it
     * when the last one ended: {@code missed} are the lines stored after the last one delivered here.
     */
    public record Resume(String roomKey, ActorRef<RoomActor.Command> room, List<RoomFanOut.Event> missed)
            implements Command {}

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

    /**
     * {@code session} of this node holds {@code nick}, kept by {@code keeper}, the nick's actor
     * (folded key {@code key}) on whichever node sharding put it.
     */
    public record NickHeld(ActorRef<SessionActor.Reply> session, String nick, String key,
                           ActorRef<NickActor.Command> keeper) implements Command, LocalOnly {}

    private record SessionGone(ActorRef<SessionActor.Reply> session) implements Command, LocalOnly {}

    /** A node left the cluster: downed after it died, or gone after it stopped. */
    private record NodeRemoved(Address node) implements Command, LocalOnly {}

    private record RetryNickClaim(ActorRef<SessionActor.Reply> session) implements Command, LocalOnly {}

    private record RoomGone(String roomKey, ActorRef<RoomActor.Command> room) implements Command, LocalOnly {}

    private record RetryHandover(String roomKey) implements Command, LocalOnly {}

    /** One room as this node serves it: its local members, and which actor of the room they belong to. */
    private static final class LocalRoom {
        final RoomFanOut members = new RoomFanOut();
        final Map<ActorRef<SessionActor.Reply>, String> nicks = new HashMap<>();
        /** Each local member's account, which the room's next actor takes back with it. */
        final Map<ActorRef<SessionActor.Reply>, Identity> identities = new HashMap<>();
        /**
         * Every member's nick, on any node, as this node last heard: the room's next actor learns
         * from it who, not handed back by any node, left with a dead one.
         */
        final Set<String> everyone = new HashSet<>();
        ActorRef<RoomActor.Command> actor;
        String name;
        String epoch;
        long lastSeq;
        /** Members were handed to the room's next actor, which has not answered yet. */
        boolean handingOver;

        void delivered(List<RoomFanOut.Event> events) {
            for (RoomFanOut.Event event : events) {
                if (event.frame() instanceof ServerFrame.Message message) {
                    lastSeq = Math.max(lastSeq, message.seq());
                }
            }
        }
    }

    private final RoomRefs roomRefs;
    private final TimerScheduler<Command> timers;
    private final Duration handoverRetry;
    private final Map<ActorRef<SessionActor.Reply>, ConnectionOutlet> outlets = new HashMap<>();
    private final Map<String, LocalRoom> rooms = new HashMap<>();
    private final ClusterSharding sharding;
    private final Map<ActorRef<SessionActor.Reply>, NickHeld> heldNicks = new HashMap<>();
    /** Nicks claimed back from a node that left, whose next actor has not confirmed yet. */
    private final Map<ActorRef<SessionActor.Reply>, NickHeld> nicksClaimedBack = new HashMap<>();

    /** {@code handoverRetry}: how often members are handed to a room's next actor again until it answers. */
    public static Behavior<Command> create(RoomRefs roomRefs, Duration handoverRetry) {
        return Behaviors.setup(context -> Behaviors.withTimers(
                timers -> new NodeFanOut(context, timers, roomRefs, handoverRetry)));
    }

    private NodeFanOut(ActorContext<Command> context, TimerScheduler<Command> timers, RoomRefs roomRefs,
                       Duration handoverRetry) {
        super(context);
        this.timers = timers;
        this.roomRefs = roomRefs;
        this.handoverRetry = handoverRetry;
        this.sharding = ClusterSharding.get(context.getSystem());
        Cluster.get(context.getSystem()).subscriptions().tell(Subscribe.create(context.messageAdapter(
                ClusterEvent.MemberRemoved.class, removed -> new NodeRemoved(removed.member().address())),
                ClusterEvent.MemberRemoved.class));
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
                .onMessage(RoomGone.class, this::onRoomGone)
                .onMessage(Resume.class, this::onResume)
                .onMessage(NickHeld.class, this::onNickHeld)
                .onMessage(NodeRemoved.class, this::onNodeRemoved)
                .onMessage(RetryNickClaim.class, retry -> {
                    NickHeld held = nicksClaimedBack.get(retry.session());
                    if (held != null) {
                        claimBack(held);
                    }
                    return this;
                })
                .onMessage(RetryHandover.class, retry -> {
                    LocalRoom room = rooms.get(retry.roomKey());
                    if (room != null && room.handingOver) {
                        handOver(retry.roomKey(), room);
                    }
                    return this;
                })
                .build();
    }

    private Behavior<Command> onDeliver(Deliver deliver) {
        LocalRoom room = rooms.get(deliver.roomKey());
        if (room != null) {
            room.members.deliver(deliver.events());
            room.delivered(deliver.events());
            for (RoomFanOut.Event event : deliver.events()) {
                if (event.owner() != null && room.members.contains(event.owner())) {
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

    /**
     * Presences tell this fan-out who is in the room, for a handover. A rename is one that all but
     * the renamed member see; a local member's new nick is noted too.
     */
    private Behavior<Command> onBroadcast(Broadcast broadcast) {
        LocalRoom room = rooms.get(broadcast.roomKey());
        if (room != null) {
            room.members.broadcast(broadcast.frame(), broadcast.except());
            if (broadcast.frame() instanceof ServerFrame.Presence presence) {
                notePresence(room, presence, broadcast.except());
            }
        }
        return this;
    }

    private static void notePresence(LocalRoom room, ServerFrame.Presence presence, ActorRef<SessionActor.Reply> subject) {
        switch (presence.event()) {
            case JOIN -> room.everyone.add(presence.nick());
            case LEAVE, QUIT -> room.everyone.remove(presence.nick());
            case RENAME -> {
                room.everyone.remove(presence.old());
                room.everyone.add(presence.nick());
                if (room.nicks.containsKey(subject)) {
                    room.nicks.put(subject, presence.nick());
                }
            }
        }
    }

    private Behavior<Command> onAdmit(Admit admit) {
        ConnectionOutlet outlet = outlets.get(admit.session());
        if (outlet == null) {
            // The session ended before the room let it in.
            roomRefs.room(admit.roomKey()).tell(new RoomActor.MemberLost(admit.session()));
            return this;
        }
        LocalRoom room = rooms.computeIfAbsent(admit.roomKey(), key -> new LocalRoom());
        follow(admit.roomKey(), room, admit.room());
        room.name = admit.snapshot().room();
        room.epoch = admit.snapshot().epoch();
        // The snapshot holds every line up to the room's seq, whatever its history shows.
        room.lastSeq = Math.max(room.lastSeq, admit.seq());
        room.members.add(admit.session(), outlet);
        room.nicks.put(admit.session(), admit.nick());
        room.identities.put(admit.session(), admit.identity());
        room.everyone.clear();
        room.everyone.addAll(admit.snapshot().members());
        outlet.offer(admit.snapshot());
        admit.session().tell(new SessionActor.RoomJoined(admit.roomKey()));
        return this;
    }

    private Behavior<Command> onResume(Resume resume) {
        LocalRoom room = rooms.get(resume.roomKey());
        if (room != null) {
            room.handingOver = false;
            timers.cancel(resume.roomKey());
            follow(resume.roomKey(), room, resume.room());
            // Repeated handovers bring repeated answers, and lines may have come since: each line goes out once.
            List<RoomFanOut.Event> unseen = new ArrayList<>();
            for (RoomFanOut.Event event : resume.missed()) {
                if (((ServerFrame.Message) event.frame()).seq() > room.lastSeq) {
                    unseen.add(event);
                }
            }
            if (!unseen.isEmpty()) {
                room.members.deliver(unseen);
                room.delivered(unseen);
            }
        }
        return this;
    }

    /** The members here belong to {@code actor} of the room now: its end is watched. */
    private void follow(String roomKey, LocalRoom room, ActorRef<RoomActor.Command> actor) {
        if (!actor.equals(room.actor)) {
            if (room.actor != null) {
                getContext().unwatch(room.actor);
            }
            room.actor = actor;
            getContext().watchWith(actor, new RoomGone(roomKey, actor));
        }
    }

    /**
     * The room's actor ended with members here: they go to its next actor, which sharding starts on
     * a node that lives, with the last line they have, again and again until it answers.
     */
    private Behavior<Command> onRoomGone(RoomGone gone) {
        LocalRoom room = rooms.get(gone.roomKey());
        if (room != null && gone.room().equals(room.actor) && !ShuttingDown.of(getContext().getSystem())) {
            room.actor = null;
            handOver(gone.roomKey(), room);
        }
        return this;
    }

    private void handOver(String roomKey, LocalRoom room) {
        List<RoomActor.Returning> returning = new ArrayList<>();
        room.nicks.forEach((session, nick) -> returning.add(new RoomActor.Returning(session, nick, getContext().getSelf(),
                room.identities.get(session))));
        roomRefs.room(roomKey).tell(new RoomActor.Handover(room.name, room.epoch, returning, room.lastSeq,
                List.copyOf(room.everyone)));
        room.handingOver = true;
        timers.startSingleTimer(roomKey, new RetryHandover(roomKey), handoverRetry);
    }

    private Behavior<Command> onRemove(Remove remove) {
        LocalRoom room = rooms.get(remove.roomKey());
        if (room != null) {
            forget(remove.roomKey(), room, remove.session());
        }
        return this;
    }

    private void forget(String roomKey, LocalRoom room, ActorRef<SessionActor.Reply> session) {
        room.members.remove(session);
        room.nicks.remove(session);
        room.identities.remove(session);
        if (room.members.isEmpty()) {
            rooms.remove(roomKey);
            timers.cancel(roomKey);
            if (room.actor != null) {
                getContext().unwatch(room.actor);
            }
        }
    }

    private Behavior<Command> onNickHeld(NickHeld held) {
        if (outlets.containsKey(held.session())) {
            heldNicks.put(held.session(), held);
            stopClaimingBack(held.session());
        }
        return this;
    }

    /**
     * The nicks kept on a node that left are claimed back from their next actors, again and again
     * until each confirms; a nick actor on a live node (its shard moved) is no reason to claim.
     */
    private Behavior<Command> onNodeRemoved(NodeRemoved removed) {
        for (NickHeld held : heldNicks.values()) {
            if (held.keeper().path().address().equals(removed.node())) {
                claimBack(held);
            }
        }
        return this;
    }

    private void claimBack(NickHeld held) {
        NickActor.of(sharding, held.key()).tell(new NickActor.Handover(held.nick(), held.session(), getContext().getSelf()));
        nicksClaimedBack.put(held.session(), held);
        timers.startSingleTimer(new RetryNickClaim(held.session()), handoverRetry);
    }

    private void stopClaimingBack(ActorRef<SessionActor.Reply> session) {
        if (nicksClaimedBack.remove(session) != null) {
            timers.cancel(new RetryNickClaim(session));
        }
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
        heldNicks.remove(gone.session());
        stopClaimingBack(gone.session());
        for (Map.Entry<String, LocalRoom> room : new ArrayList<>(rooms.entrySet())) {
            if (room.getValue().members.contains(gone.session())) {
                forget(room.getKey(), room.getValue(), gone.session());
                roomRefs.room(room.getKey()).tell(new RoomActor.MemberLost(gone.session()));
            }
        }
        return this;
    }
}
