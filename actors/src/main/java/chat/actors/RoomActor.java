package chat.actors;

import chat.actors.history.RoomHistory;
import chat.actors.room.MessageBatch;
import chat.protocol.PresenceEvent;
import chat.protocol.ProtocolLimits;
import chat.protocol.ServerFrame;
import chat.protocol.Timestamps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.util.ByteString;

/**
 * One room: its members, {@code seq}, recent history and topic. Every message is encoded once
 * and the same bytes go to every member, in {@code seq} order. A join is handled as one message,
 * so the {@code joined} snapshot and the messages after it fit together without gap or overlap.
 */
public final class RoomActor extends AbstractBehavior<RoomActor.Command> {

    public sealed interface Command {}

    /** Sent by the registry, which counts these to know when an idle room may stop. */
    public record Join(ActorRef<SessionActor.Reply> session, String nick, Long since, String re) implements Command {}

    /** Answered with {@code left}, after the directory has the room's new member count. */
    public record Leave(ActorRef<SessionActor.Reply> session, String re) implements Command {}

    /** The session is going away; co-members see {@code presence quit} with the reason. */
    public record Quit(ActorRef<SessionActor.Reply> session, String reason) implements Command {}

    public record Say(ActorRef<SessionActor.Reply> session, String text, String re) implements Command {}

    public record Rename(ActorRef<SessionActor.Reply> session, String nick) implements Command {}

    public record SetTopic(ActorRef<SessionActor.Reply> session, String topic, String re) implements Command {}

    public record Who(ActorRef<SessionActor.Reply> replyTo, String re) implements Command {}

    public record History(ActorRef<SessionActor.Reply> replyTo, Long before, int limit, String re) implements Command {}

    /** The registry agrees that this idle room may stop. */
    public record Stop() implements Command {}

    private record MemberGone(ActorRef<SessionActor.Reply> session) implements Command {}

    /** Deliver what was said since the last delivery; sent to itself behind the messages already waiting. */
    /**
     * Delivers batch number {@code batch}. One that arrives after its batch went out early (a
     * rename, topic, who or history delivers first) is ignored, so no timer needs cancelling.
     */
    private record DeliverBatch(long batch) implements Command {}

    private enum DeliveryTimer { KEY }

    private static final String CONNECTION_LOST = "connection lost";

    private final String key;
    private final String name;
    private final ActorRef<RegistryActor.Command> registry;
    private final RoomHistory history;
    private final int historyOnJoin;
    private final Map<ActorRef<SessionActor.Reply>, String> members = new LinkedHashMap<>();
    private String topic = "";
    private long seq;
    private long joinsSeen;
    private final MessageBatch batch = new MessageBatch();
    private final TimerScheduler<Command> timers;
    private final long deliveryWindowNanos;
    private long lastDeliveryNanos;
    private long batchesDelivered;

    /**
     * A room keeps serving its members when one message makes it fail: it resumes with its
     * state, so no member is forgotten and none is left behind as a ghost.
     */
    public static Behavior<Command> create(String key, String name, ActorRef<RegistryActor.Command> registry,
                                           RoomHistory history, int historyOnJoin, Duration deliveryWindow) {
        return Behaviors.supervise(Behaviors.<Command>setup(context -> Behaviors.<Command>withTimers(timers ->
                        new RoomActor(context, timers, key, name, registry, history, historyOnJoin, deliveryWindow))))
                .onFailure(SupervisorStrategy.resume().withLoggingEnabled(true));
    }

    private RoomActor(ActorContext<Command> context, TimerScheduler<Command> timers, String key, String name,
                      ActorRef<RegistryActor.Command> registry, RoomHistory history, int historyOnJoin,
                      Duration deliveryWindow) {
        super(context);
        this.timers = timers;
        this.deliveryWindowNanos = deliveryWindow.toNanos();
        this.lastDeliveryNanos = System.nanoTime() - deliveryWindowNanos;
        this.key = key;
        this.name = name;
        this.registry = registry;
        this.history = history;
        this.historyOnJoin = historyOnJoin;
        this.seq = history.lastSeq();
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Say.class, this::onSay)
                .onMessage(DeliverBatch.class, this::onDeliverBatch)
                // Comings and goings join the batch: a join storm costs one delivery per member per window.
                .onMessage(Join.class, this::onJoin)
                .onMessage(Leave.class, this::onLeave)
                .onMessage(Quit.class, quit -> removeMember(quit.session(), PresenceEvent.QUIT, quit.reason()))
                .onMessage(MemberGone.class, gone -> removeMember(gone.session(), PresenceEvent.QUIT, CONNECTION_LOST))
                // Anything else first delivers what was said before it, so every member sees events in order.
                .onMessage(Command.class, command -> {
                    deliverBatch();
                    return onOther(command);
                })
                .build();
    }

    private Behavior<Command> onOther(Command command) {
        if (command instanceof Rename rename) {
            return onRename(rename);
        } else if (command instanceof SetTopic set) {
            return onSetTopic(set);
        } else if (command instanceof Who who) {
            return onWho(who);
        } else if (command instanceof History request) {
            return onHistory(request);
        } else if (command instanceof Stop) {
            return isIdle() ? Behaviors.stopped() : this;
        }
        throw new IllegalArgumentException("a room has no handler for " + command);
    }

    private Behavior<Command> onJoin(Join join) {
        joinsSeen++;
        if (!members.containsKey(join.session())) {
            ServerFrame.Presence arrival = new ServerFrame.Presence(name, join.nick(), PresenceEvent.JOIN, null, null);
            members.put(join.session(), join.nick());
            getContext().watchWith(join.session(), new MemberGone(join.session()));
            reportStatus();
            addToBatch(Wire.bytes(arrival), join.session());
        } else {
            // Joining again: the new snapshot covers what is pending for it.
            batch.markHasAll(join.session());
        }
        List<ServerFrame.Message> recent = join.since() == null
                ? history.latest(historyOnJoin)
                : history.after(join.since(), ProtocolLimits.MAX_SINCE_MESSAGES);
        ServerFrame.Joined snapshot = new ServerFrame.Joined(name, topic, memberNicks(), recent, join.re());
        join.session().tell(new SessionActor.RoomJoined(key, getContext().getSelf(), Wire.bytes(snapshot)));
        return this;
    }

    private Behavior<Command> onSay(Say say) {
        String from = members.get(say.session());
        if (from == null) {
            return this;
        }
        ServerFrame.Message message = new ServerFrame.Message(name, from, say.text(), seq + 1, Timestamps.now(), null);
        history.append(message);
        // Only a stored message takes its seq: if storing fails, the next message gets it and nobody sees a gap.
        seq = message.seq();
        if (batch.isEmpty()) {
            scheduleDelivery();
        }
        MessageBatch.Lines answer = batch.add(message, say.session(), say.re());
        say.session().tell(new SessionActor.Answer(answer.bytes(), answer.count()));
        return this;
    }

    /**
     * A first line after a quiet window is delivered as soon as the lines already waiting in the
     * mailbox have joined it; otherwise at the end of the window that began with the last delivery.
     */
    private void scheduleDelivery() {
        long wait = lastDeliveryNanos + deliveryWindowNanos - System.nanoTime();
        if (wait <= 0) {
            getContext().getSelf().tell(new DeliverBatch(batchesDelivered));
        } else {
            timers.startSingleTimer(DeliveryTimer.KEY, new DeliverBatch(batchesDelivered), Duration.ofNanos(wait));
        }
    }

    private Behavior<Command> onDeliverBatch(DeliverBatch deliver) {
        return deliver.batch() == batchesDelivered ? deliverBatch() : this;
    }

    /** One delivery per member for everything said since the last one; senders get what their answers lacked. */
    private Behavior<Command> deliverBatch() {
        if (batch.isEmpty()) {
            return this;
        }
        lastDeliveryNanos = System.nanoTime();
        batchesDelivered++;
        try {
            MessageBatch.Lines all = batch.forListeners();
            SessionActor.Deliver delivery = new SessionActor.Deliver(key, all.bytes(), all.count());
            for (ActorRef<SessionActor.Reply> member : members.keySet()) {
                if (!batch.isSender(member)) {
                    member.tell(delivery);
                } else {
                    MessageBatch.Lines rest = batch.restFor(member);
                    if (rest != null) {
                        member.tell(new SessionActor.Deliver(key, rest.bytes(), rest.count()));
                    }
                }
            }
        } finally {
            // Even a delivery that failed half-way starts the next batch clean, so the room resumes.
            batch.clear();
        }
        return this;
    }

    private Behavior<Command> onRename(Rename rename) {
        String old = members.get(rename.session());
        if (old != null) {
            members.put(rename.session(), rename.nick());
            broadcast(new ServerFrame.Presence(name, rename.nick(), PresenceEvent.RENAME, old, null), rename.session());
        }
        return this;
    }

    private Behavior<Command> onSetTopic(SetTopic set) {
        String by = members.get(set.session());
        if (by == null) {
            return this;
        }
        topic = set.topic();
        reportStatus();
        broadcast(new ServerFrame.Topic(name, topic, by, null), set.session());
        set.session().tell(new SessionActor.Answer(Wire.bytes(new ServerFrame.Topic(name, topic, by, set.re()))));
        return this;
    }

    private Behavior<Command> onWho(Who who) {
        who.replyTo().tell(new SessionActor.Answer(Wire.bytes(new ServerFrame.Members(name, memberNicks(), who.re()))));
        return this;
    }

    private Behavior<Command> onHistory(History request) {
        List<ServerFrame.Message> page = request.before() == null
                ? history.latest(request.limit())
                : history.before(request.before(), request.limit());
        request.replyTo().tell(new SessionActor.Answer(Wire.bytes(new ServerFrame.History(name, page, request.re()))));
        return this;
    }

    private Behavior<Command> onLeave(Leave leave) {
        MessageBatch.Lines pending = members.containsKey(leave.session()) ? batch.pendingFor(leave.session()) : null;
        if (pending != null) {
            // What was said before the leave, which the leaver has not had yet, comes before its left.
            leave.session().tell(new SessionActor.Deliver(key, pending.bytes(), pending.count()));
        }
        removeMember(leave.session(), PresenceEvent.LEAVE, null);
        leave.session().tell(new SessionActor.Answer(Wire.bytes(new ServerFrame.Left(name, leave.re()))));
        return this;
    }

    /**
     * The directory hears of a change before any member does, so whoever reacts to this change
     * by asking for {@code rooms} already sees it.
     */
    private Behavior<Command> removeMember(ActorRef<SessionActor.Reply> session, PresenceEvent event, String reason) {
        String nick = members.remove(session);
        if (nick == null) {
            return this;
        }
        getContext().unwatch(session);
        reportStatus();
        if (isIdle()) {
            registry.tell(new RegistryActor.RoomIdle(key, getContext().getSelf(), joinsSeen));
        }
        addToBatch(Wire.bytes(new ServerFrame.Presence(name, nick, event, null, reason)), null);
        return this;
    }

    /** Adds a presence line for everyone but {@code origin} (or null) to the batch. */
    private void addToBatch(ByteString line, ActorRef<SessionActor.Reply> origin) {
        if (batch.isEmpty()) {
            scheduleDelivery();
        }
        batch.addEvent(line, origin);
    }

    /** Encodes once and hands the same delivery to every member but {@code except}. */
    private void broadcast(ServerFrame frame, ActorRef<SessionActor.Reply> except) {
        SessionActor.Deliver delivery = new SessionActor.Deliver(key, Wire.bytes(frame));
        for (ActorRef<SessionActor.Reply> member : members.keySet()) {
            if (!member.equals(except)) {
                member.tell(delivery);
            }
        }
    }

    private List<String> memberNicks() {
        return new ArrayList<>(members.values());
    }

    private boolean isIdle() {
        return members.isEmpty() && history.isEmpty();
    }

    private void reportStatus() {
        registry.tell(new RegistryActor.RoomStatus(key, name, members.size(), topic));
    }
}
