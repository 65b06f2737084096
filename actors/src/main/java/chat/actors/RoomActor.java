package chat.actors;

import chat.actors.room.GroupCommit;
import chat.actors.room.Identity;
import chat.actors.room.RecentMessages;
import chat.actors.room.RoomDirectory;
import chat.actors.room.RoomEvent;
import chat.actors.room.RoomFanOut;
import chat.actors.room.RoomJournal;
import chat.actors.room.RoomMembers;
import chat.actors.room.RoomModeration;
import chat.actors.room.RoomRules;
import chat.actors.room.StoreQueries;
import chat.protocol.ErrorCode;
import chat.protocol.Names;
import chat.protocol.PresenceEvent;
import chat.protocol.ProtocolLimits;
import chat.protocol.ServerFrame;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.RecipientRef;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One room: its members, {@code seq}, recent history and topic. Its facts are stored by its
 * {@link RoomJournal} child before anyone sees them: a line is answered and delivered only once it
 * is durable. Lines said while a write is on its way are stored together with the next write
 * (group commit), so storing costs a busy room one round trip per group, not per line, and the
 * group leaves together as soon as it is stored. The room sends each group of events once to
 * the {@link NodeFanOut} of every node that has members, never once per member; each fan-out
 * encodes it once and writes the same bytes to its members' connections, in {@code seq} order. A
 * join is handled as one message, and the newcomer's {@code joined} snapshot goes to its fan-out
 * before anything else the room sends there, so the snapshot and the messages after it fit
 * together without gap or overlap.
 *
 * <p>A room starts by coming back from the store ({@link Opening}); requests wait meanwhile. If
 * the store fails later, {@code say} and {@code topic} are answered {@code unavailable} until the
 * journal has recovered, and nobody is disconnected. A room without members stops; the next join
 * brings it back from the store.
 */
public final class RoomActor extends AbstractBehavior<RoomActor.Command> {

    public sealed interface Command extends CborSerializable {}

    /** Rooms are Cluster Sharding entities of this type, one per folded room name. */
    public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "room");

    /**
     * {@code room} is the room's name as the joiner spelled it, which a new room takes. {@code fanOut}
     * writes to the session's connection: the room sends its snapshot and then its events there.
     */
    public record Join(ActorRef<SessionActor.Reply> session, String nick, Identity identity, String room,
                       ActorRef<NodeFanOut.Command> fanOut, Long since, String re)
            implements Command {}

    /** The member logged in to an account after it joined (it registered its nick). */
    public record Identify(ActorRef<SessionActor.Reply> session, Identity identity) implements Command {}

    /** A request of the room's owners and ops, from the member {@code session}, answered with its {@code re}. */
    public sealed interface Moderation extends Command {
        ActorRef<SessionActor.Reply> session();

        String re();
    }

    /** {@code op}: makes the member {@code nick} an op; otherwise a plain member. */
    public record SetRole(ActorRef<SessionActor.Reply> session, String nick, boolean op, String re) implements Moderation {}

    public record Kick(ActorRef<SessionActor.Reply> session, String nick, String reason, String re) implements Moderation {}

    /** {@code ban}: bans {@code nick} (its account when logged in); otherwise lifts its bans. */
    public record SetBan(ActorRef<SessionActor.Reply> session, String nick, boolean ban, String re) implements Moderation {}

    /** Each flag null when left as it is. */
    public record SetMode(ActorRef<SessionActor.Reply> session, Boolean invite, Boolean moderated, Boolean secret,
                          String re) implements Moderation {}

    public record Invite(ActorRef<SessionActor.Reply> session, String nick, String re) implements Moderation {}

    public record Claim(ActorRef<SessionActor.Reply> session, String re) implements Moderation {}

    /** Answered with {@code left}, after the directory has the room's new member count. */
    public record Leave(ActorRef<SessionActor.Reply> session, String re) implements Command {}

    /** The session is going away; co-members see {@code presence quit} with the reason. */
    public record Quit(ActorRef<SessionActor.Reply> session, String reason) implements Command {}

    public record Say(ActorRef<SessionActor.Reply> session, String text, String re) implements Command {}

    public record Rename(ActorRef<SessionActor.Reply> session, String nick) implements Command {}

    public record SetTopic(ActorRef<SessionActor.Reply> session, String topic, String re) implements Command {}

    /** {@code room}: the name as the asker spelled it, for a room nobody has created. */
    public record Who(ActorRef<SessionActor.Reply> replyTo, String room, String re) implements Command {}

    /** {@code room}: the name as the asker spelled it, for a room nobody has created. */
    public record History(ActorRef<SessionActor.Reply> replyTo, String room, Long before, int limit, String re)
            implements Command {}

    /**
     * Cluster Sharding stops the room with this once the room has asked to be passivated (it had
     * nobody left), or when its shard moves to another node.
     */
    public record Stop() implements Command {}

    /**
     * Members an earlier actor of this room had, for this one: sharding stopped that actor while
     * people were in it (its shard moving to another node), or it died with its node and a fan-out
     * hands over the members of its own node. They stay members without a word to anyone: their
     * snapshots have reached them already. A fan-out gives {@code lastSeq}, the last line it
     * delivered, and gets the lines stored after it, and {@code expected}, every member's nick as
     * that node last heard: a member that no node hands back within {@code chat.handover-retry} left
     * with the dead node, and the others hear it quit.
     */
    public record Handover(String room, String epoch, List<Returning> members, Long lastSeq, List<String> expected)
            implements Command {
        public Handover {
            // A node of an earlier version sends none.
            expected = expected == null ? List.of() : List.copyOf(expected);
        }
    }

    /** A member handed over: its session, nick and the fan-out of its node. */
    public record Returning(ActorRef<SessionActor.Reply> session, String nick, ActorRef<NodeFanOut.Command> fanOut,
                            Identity identity) {
        public Returning {
            // A node of an earlier version sends none.
            identity = identity == null ? Identity.GUEST : identity;
        }
    }

    /**
     * The member's session ended without a goodbye; its node's fan-out says so, after anything the
     * session itself sent, so a {@link Quit} with its reason comes first.
     */
    public record MemberLost(ActorRef<SessionActor.Reply> session) implements Command {}

    /** A node's fan-out stopped: its node left the cluster or died, and its members with it. */
    private record FanOutGone(ActorRef<NodeFanOut.Command> fanOut) implements Command, LocalOnly {}

    private record FromJournal(RoomJournal.Report report) implements Command, LocalOnly {}

    /** The journal stopped (a rejected write does that): the room starts another, which recovers. */
    private enum JournalStopped implements Command, LocalOnly { INSTANCE }

    private record WindowLoaded(RoomJournal.State state, List<RoomEvent.MessagePosted> messages)
            implements Command, LocalOnly {}

    private record WindowFailed(RoomJournal.State state, String cause) implements Command, LocalOnly {}

    /** The room is running with whatever was waiting for it handled: time to see whether anyone is in it. */
    private enum CheckIdle implements Command, LocalOnly { INSTANCE }

    private enum OpenTimedOut implements Command, LocalOnly { INSTANCE }

    private enum WriteTimedOut implements Command, LocalOnly { INSTANCE }

    /** The members' nodes have had their time to hand them back after the room's last actor died. */
    private enum HandoversDue implements Command, LocalOnly { INSTANCE }

    private enum Timer { OPEN, WRITE, RETRY_WINDOW, STRAY, HANDOVERS }

    private static final Logger LOG = LoggerFactory.getLogger(RoomActor.class);
    private static final String CONNECTION_LOST = "connection lost";
    private static final String LINE_NOT_SENT = "your line was not sent";
    private static final String TOPIC_NOT_CHANGED = "the topic was not changed";
    private static final String RULES_NOT_CHANGED = "the room's roles, bans and modes were not changed";
    /** A write that timed out may still reach the store, and its lines the room: resending could say them twice. */
    private static final String TOO_SLOW = "the chat store is unavailable or too slow: your line or topic may not have "
            + "been stored; if it does not show in the room within a minute, send it again";
    /** Requests that may wait for a room to come back from the store; a join storm on a cold room fits. */
    private static final int OPENING_STASH_CAPACITY = 100_000;
    /** Status versions start from the clock, so a room's next actor, started later, outnumbers this one. */
    private static final long VERSIONS_PER_MILLISECOND = 1_000;

    private final String key;
    private final ActorRef<ClusterSharding.ShardCommand> shard;
    /** Where this room's next actor will be: the room's entity, which sharding starts after this one ends. */
    private final RecipientRef<Command> successor;
    private final RoomDirectory.Readers directory;
    /** This node's address, which the directory keeps with the room's status. */
    private final String node;
    private ActorRef<RoomJournal.Command> journal;
    private final StoreQueries queries;
    private final ChatSettings settings;
    private final TimerScheduler<Command> timers;
    private final RoomMembers members = new RoomMembers();
    private final RecentMessages recent;
    /** Null only for a room the store does not hold until its first request names it. */
    private String name;
    /** Only a room the store does not hold yet may take its earlier actor's, with its members. */
    private String epoch;
    /** What the store holds, as far as this room knows: seq, topic, where messages are. */
    private RoomJournal.State stored;
    private final GroupCommit writes = new GroupCommit();
    /** Between a failed or overdue write and the journal's recovery: lines are refused, not gathered. */
    private boolean storeDown;
    /** Sharding stopped this room while a write was on its way: it stops once the write is answered. */
    private boolean stopWhenWritten;
    private boolean passivating;
    /**
     * Another actor of this room wrote first (a split brain): this one writes nothing more and
     * waits to be stopped; its members' nodes then hand them to its next actor, which starts from
     * the store.
     */
    private boolean outdated;
    private final List<Command> heldForSuccessor = new ArrayList<>();
    /** The version of the last status: later than any earlier actor of this room gave, one more for each. */
    private long statusVersion;
    /** What the directory was last told: whether the room is in use. */
    private boolean listedInUse;
    /** Nicks the last actor had, which no node has handed back yet. */
    private final Set<String> expectedBack = new HashSet<>();
    /** Nicks announced gone with a dead node: one handed back later after all is announced again. */
    private final Set<String> announcedGone = new HashSet<>();
    /** The account that created this room, its owner until that is stored with the room's first write; else null. */
    private String unstoredOwner;
    /** Folded nicks invited into this invite-only room, each let in once; kept in memory only. */
    private final Set<String> invited = new HashSet<>();
    private final ClusterSharding sharding;
    /** The room everyone joins on hello: the server's own, which nobody owns by creating it. */
    private final boolean isDefaultRoom;

    /**
     * A room keeps serving its members when one message makes it fail: it resumes with its
     * state, so no member is forgotten and none is left behind as a ghost.
     */
    public static Behavior<Command> create(String key, ActorRef<ClusterSharding.ShardCommand> shard,
                                           RecipientRef<Command> successor, RoomDirectory.Readers directory, StoreQueries queries,
                                           ChatSettings settings) {
        return Behaviors.supervise(Behaviors.<Command>setup(context -> Behaviors.<Command>withStash(OPENING_STASH_CAPACITY,
                        stash -> Behaviors.<Command>withTimers(timers ->
                                new Opening(context, stash, timers, key, shard, successor, directory, queries, settings).start()))))
                .onFailure(SupervisorStrategy.resume().withLoggingEnabled(true));
    }

    /**
     * A room coming back from the store: its journal recovers, then the newest messages are read
     * into memory. Requests wait in the stash; past {@code chat.store.open-timeout} they are
     * answered {@code unavailable} instead, until the store answers.
     */
    private static final class Opening {
        private final ActorContext<Command> context;
        private final StashBuffer<Command> stash;
        private final TimerScheduler<Command> timers;
        private final String key;
        private final ActorRef<ClusterSharding.ShardCommand> shard;
        private final RecipientRef<Command> successor;
        private final RoomDirectory.Readers directory;
        private final StoreQueries queries;
        private final ChatSettings settings;
        private ActorRef<RoomJournal.Command> journal;
        /** The name as the first request spelled it: a room the store does not hold yet takes it. */
        private String name;
        private boolean late;

        Opening(ActorContext<Command> context, StashBuffer<Command> stash, TimerScheduler<Command> timers, String key,
                ActorRef<ClusterSharding.ShardCommand> shard, RecipientRef<Command> successor,
                RoomDirectory.Readers directory, StoreQueries queries, ChatSettings settings) {
            this.context = context;
            this.stash = stash;
            this.timers = timers;
            this.key = key;
            this.shard = shard;
            this.successor = successor;
            this.directory = directory;
            this.queries = queries;
            this.settings = settings;
        }

        Behavior<Command> start() {
            journal = startJournal(context, key, settings);
            timers.startSingleTimer(Timer.OPEN, OpenTimedOut.INSTANCE, settings.store().openTimeout());
            return waiting();
        }

        private Behavior<Command> waiting() {
            return Behaviors.receive(Command.class)
                    .onMessage(FromJournal.class, this::onJournal)
                    .onMessage(WindowLoaded.class, loaded -> running(loaded.state(), loaded.messages()))
                    .onMessage(WindowFailed.class, failed -> {
                        LOG.warn("room {}: cannot read its recent messages ({}); trying again", key, failed.cause());
                        timers.startSingleTimer(Timer.RETRY_WINDOW, new FromJournal(new RoomJournal.Recovered(failed.state())),
                                settings.store().restartMinBackoff());
                        return Behaviors.same();
                    })
                    .onMessageEquals(OpenTimedOut.INSTANCE, () -> {
                        late = true;
                        return stash.unstashAll(waiting());
                    })
                    .onMessage(Stop.class, stop -> {
                        // What waited for the room goes to its next actor, in the order it came.
                        if (!ShuttingDown.of(context.getSystem())) {
                            stash.forEach(successor::tell);
                        }
                        return Behaviors.stopped();
                    })
                    .onMessageEquals(JournalStopped.INSTANCE, () -> {
                        journal = startJournal(context, key, settings);
                        return Behaviors.same();
                    })
                    .onMessage(Command.class, this::onRequest)
                    .build();
        }

        private Behavior<Command> onJournal(FromJournal report) {
            if (report.report() instanceof RoomJournal.Recovered recovered) {
                RoomJournal.State state = recovered.state();
                long from = Math.max(1, state.seq() - RecentMessages.capacity(settings.history().retainMessages()) + 1);
                context.pipeToSelf(queries.messages(key, state.positions(), from, state.seq()),
                        (messages, failure) -> failure == null ? new WindowLoaded(state, messages)
                                : new WindowFailed(state, failure.toString()));
            } else if (report.report() instanceof RoomJournal.RecoveryFailedReport failed) {
                LOG.warn("room {}: the store cannot be read ({}); trying again", key, failed.cause());
            }
            return Behaviors.same();
        }

        private Behavior<Command> onRequest(Command request) {
            if (name == null) {
                name = spelledName(request);
            }
            if (!late) {
                stash.stash(request);
                return Behaviors.same();
            }
            ActorRef<SessionActor.Reply> asking = requester(request);
            if (asking != null) {
                String room = spelledName(request) != null ? spelledName(request) : name;
                asking.tell(new SessionActor.Answer(new ServerFrame.Error(ErrorCode.UNAVAILABLE,
                        (room == null ? "the room" : "room \"" + room + "\"") + " cannot be opened: the chat store is "
                                + "unavailable; try again in a moment",
                        requestId(request))));
            }
            return Behaviors.same();
        }

        private Behavior<Command> running(RoomJournal.State state, List<RoomEvent.MessagePosted> messages) {
            timers.cancel(Timer.OPEN);
            // A retry of an earlier read, still pending, would bring back that read's older state.
            timers.cancel(Timer.RETRY_WINDOW);
            RoomActor room = new RoomActor(context, timers, key, name, shard, successor, directory, journal,
                    queries, settings, state,
                    new RecentMessages(RecentMessages.capacity(settings.history().retainMessages()), messages));
            if (!stash.isEmpty() || late) {
                // Once what waited is handled (or was refused), the room sees whether anyone is in it.
                context.getSelf().tell(CheckIdle.INSTANCE);
            }
            return stash.unstashAll(room);
        }

        private static String spelledName(Command request) {
            if (request instanceof Join join) {
                return join.room();
            } else if (request instanceof Who who) {
                return who.room();
            } else if (request instanceof History history) {
                return history.room();
            } else if (request instanceof Handover handover) {
                return handover.room();
            }
            return null;
        }
    }

    /** Who asked, for the requests that are answered; null for the others. */
    private static ActorRef<SessionActor.Reply> requester(Command request) {
        if (request instanceof Join join) {
            return join.session();
        } else if (request instanceof Who who) {
            return who.replyTo();
        } else if (request instanceof History history) {
            return history.replyTo();
        } else if (request instanceof Moderation moderation) {
            return moderation.session();
        }
        return null;
    }

    private static String requestId(Command request) {
        if (request instanceof Join join) {
            return join.re();
        } else if (request instanceof Who who) {
            return who.re();
        } else if (request instanceof History history) {
            return history.re();
        } else if (request instanceof Moderation moderation) {
            return moderation.re();
        }
        return null;
    }

    private RoomActor(ActorContext<Command> context, TimerScheduler<Command> timers, String key, String name,
                      ActorRef<ClusterSharding.ShardCommand> shard, RecipientRef<Command> successor,
                      RoomDirectory.Readers directory,
                      ActorRef<RoomJournal.Command> journal, StoreQueries queries, ChatSettings settings,
                      RoomJournal.State stored, RecentMessages recent) {
        super(context);
        this.timers = timers;
        this.key = key;
        this.shard = shard;
        this.successor = successor;
        this.directory = directory;
        this.node = context.getSystem().address().toString();
        this.sharding = ClusterSharding.get(context.getSystem());
        this.isDefaultRoom = settings.defaultRoom().map(Names::key).map(key::equals).orElse(false);
        this.journal = journal;
        this.queries = queries;
        this.settings = settings;
        this.stored = stored;
        this.recent = recent;
        // A room keeps the name it was created with; a new room takes the spelling of whoever creates it.
        this.name = stored.isEmpty() ? name : stored.name();
        this.epoch = stored.isEmpty() ? newEpoch() : stored.epoch();
        reportStatus();
    }

    /** The room's journal, watched: one that stops is replaced, and the new one recovers from the store. */
    private static ActorRef<RoomJournal.Command> startJournal(ActorContext<Command> context, String key, ChatSettings settings) {
        ChatSettings.Store store = settings.store();
        ActorRef<RoomJournal.Command> journal = context.spawnAnonymous(RoomJournal.create(key,
                context.messageAdapter(RoomJournal.Report.class, FromJournal::new),
                RoomJournal.Retention.of(store.snapshotEvery(), settings.history().retainMessages()),
                store.restartMinBackoff(), store.restartMaxBackoff()));
        context.watchWith(journal, JournalStopped.INSTANCE);
        return journal;
    }

    /** A fresh history's name: random, so a store started over never repeats one. */
    private static String newEpoch() {
        return Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, Character.MAX_RADIX);
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Say.class, this::onSay)
                .onMessage(FromJournal.class, this::onJournal)
                .onMessage(Join.class, join -> passivating ? holdForSuccessor(join) : onJoin(join))
                .onMessage(Leave.class, this::onLeave)
                .onMessage(Quit.class, quit -> removeMember(quit.session(), PresenceEvent.QUIT, quit.reason()))
                .onMessage(MemberLost.class, lost -> removeMember(lost.session(), PresenceEvent.QUIT, CONNECTION_LOST))
                .onMessage(FanOutGone.class, this::onFanOutGone)
                .onMessageEquals(WriteTimedOut.INSTANCE, this::onWriteTimedOut)
                .onMessageEquals(JournalStopped.INSTANCE, () -> {
                    goDown();
                    journal = startJournal(getContext(), key, settings);
                    return this;
                })
                .onMessageEquals(CheckIdle.INSTANCE, () -> {
                    reportIfIdle();
                    return this;
                })
                .onMessageEquals(HandoversDue.INSTANCE, this::onHandoversDue)
                .onMessage(Command.class, this::onOther)
                .onSignal(PostStop.class, stopped -> onStopped())
                .build();
    }

    private Behavior<Command> onOther(Command command) {
        if (command instanceof Rename rename) {
            return onRename(rename);
        } else if (command instanceof Identify identify) {
            members.identify(identify.session(), identify.identity());
            return this;
        } else if (command instanceof Moderation moderation) {
            return onModeration(moderation);
        } else if (command instanceof SetTopic set) {
            return onSetTopic(set);
        } else if (passivating && (command instanceof Who || command instanceof History || command instanceof Handover)) {
            return holdForSuccessor(command);
        } else if (command instanceof Who who) {
            return onWho(who);
        } else if (command instanceof History request) {
            return onHistory(request);
        } else if (command instanceof Handover handover) {
            return onHandover(handover);
        } else if (command instanceof Stop) {
            if (!outdated) {
                handOverMembers();
            }
            if (!ShuttingDown.of(getContext().getSystem())) {
                heldForSuccessor.forEach(successor::tell);
            }
            // A write on its way (retention restating the room's opening) is finished first:
            // sharding starts no other actor of this room before this one ended.
            stopWhenWritten = true;
            return stopIfDone();
        }
        // Late answers of an opening that already finished (a window read retried, its timeout).
        return this;
    }

    // ---- members ----

    /**
     * The newcomer becomes a member at the point of its snapshot, and the snapshot goes to its
     * fan-out before anything else the room sends there: it has every line up to the snapshot and
     * every line after it, each once.
     */
    private Behavior<Command> onJoin(Join join) {
        adoptName(join.room());
        if (!members.contains(join.session())) {
            RoomRules rules = rules();
            Optional<ServerFrame.Error> refusal = refusalToEnter(join, rules);
            if (refusal.isPresent()) {
                join.session().tell(new SessionActor.Answer(refusal.get()));
                checkIdleLater();
                return this;
            }
            if (isCreatedBy(join)) {
                // Stored with the room's first line, topic or rule: a room nobody said anything in is
                // forgotten once empty, whoever created it.
                unstoredOwner = join.identity().account();
            }
            if (!members.serves(join.fanOut())) {
                // The room watches each node with members, not each member: a node that dies takes its members along.
                getContext().watchWith(join.fanOut(), new FanOutGone(join.fanOut()));
            }
            members.add(join.session(), join.nick(), join.identity(), join.fanOut());
            reportStatus();
            broadcast(new ServerFrame.Presence(name, join.nick(), PresenceEvent.JOIN, null, null), join.session());
        }
        List<RoomEvent.MessagePosted> history = join.since() == null
                ? recent.latest(settings.history().onJoin())
                : recent.after(join.since(), ProtocolLimits.MAX_SINCE_MESSAGES);
        RoomRules rules = rules();
        join.fanOut().tell(new NodeFanOut.Admit(key, getContext().getSelf(), join.session(), join.nick(), join.identity(),
                stored.seq(),
                new ServerFrame.Joined(name, stored.topic(), members.nicks(), frames(history), epoch,
                        members.roles(rules), rules.mode(), join.re())));
        return this;
    }

    /**
     * Bans and invite-only keep people out, but never the room's owners and ops (who are deopped
     * first if they are to be kept out) nor server operators.
     */
    private Optional<ServerFrame.Error> refusalToEnter(Join join, RoomRules rules) {
        if (rules.roleOf(join.identity()).moderates()) {
            return Optional.empty();
        }
        if (rules.bans(join.identity(), join.nick())) {
            return Optional.of(new ServerFrame.Error(ErrorCode.BANNED, "you are banned from room \"" + name + "\"",
                    join.re()));
        }
        if (rules.mode().invite() && !invited.remove(Names.key(join.nick()))) {
            return Optional.of(new ServerFrame.Error(ErrorCode.INVITE_ONLY, "room \"" + name
                    + "\" is invite-only: one of its owners or ops must invite you first", join.re()));
        }
        return Optional.empty();
    }

    /**
     * The account that creates a room owns it. The default room, which the server creates for
     * everyone, belongs to nobody.
     */
    private boolean isCreatedBy(Join join) {
        return join.identity().account() != null && members.isEmpty() && stored.isEmpty() && !rules().hasOwner()
                && !isDefaultRoom;
    }

    /** The rules as they are once what is on its way to the store is stored: requests are judged by them. */
    private RoomRules rules() {
        RoomRules rules = writes.rulesAfterPending(stored.rules());
        return unstoredOwner != null && !rules.hasOwner() ? rules.withOwner(unstoredOwner) : rules;
    }

    /** A request for the next write; the first one carries the creator's ownership along, ahead of it. */
    private void gather(GroupCommit.Request request) {
        if (unstoredOwner != null) {
            String owner = unstoredOwner;
            unstoredOwner = null;
            writes.gather(new GroupCommit.RulesChange(null, rules -> rules.hasOwner() ? rules : rules.withOwner(owner),
                    null, null, null, null));
        }
        writes.gather(request);
        startWrite();
    }

    /** {@code left} follows the room's last lines to the leaver, through its node's fan-out. */
    private Behavior<Command> onLeave(Leave leave) {
        ActorRef<NodeFanOut.Command> fanOut = members.fanOutOf(leave.session());
        removeMember(leave.session(), PresenceEvent.LEAVE, null);
        ServerFrame.Left left = new ServerFrame.Left(name, leave.re());
        if (fanOut != null) {
            fanOut.tell(new NodeFanOut.WriteTo(leave.session(), left, true));
        } else {
            leave.session().tell(new SessionActor.Answer(left));
        }
        return this;
    }

    /**
     * The directory hears of a change before any member does, so whoever reacts to this change
     * by asking for {@code rooms} already sees it.
     */
    private Behavior<Command> removeMember(ActorRef<SessionActor.Reply> session, PresenceEvent event, String reason) {
        String nick = members.nickOf(session);
        if (nick == null) {
            // A late word from someone already gone, which may have woken a room nobody is in.
            checkIdleLater();
            return this;
        }
        takeOut(session, new ServerFrame.Presence(name, nick, event, null, reason), null);
        return this;
    }

    /** {@code session} is no member any more; everyone left but {@code except} (or null) sees {@code presence}. */
    private void takeOut(ActorRef<SessionActor.Reply> session, ServerFrame.Presence presence,
                         ActorRef<SessionActor.Reply> except) {
        ActorRef<NodeFanOut.Command> fanOut = members.remove(session);
        fanOut.tell(new NodeFanOut.Remove(key, session));
        if (!members.serves(fanOut)) {
            getContext().unwatch(fanOut);
        }
        reportStatus();
        reportIfIdle();
        broadcast(presence, except);
    }

    private Behavior<Command> onHandover(Handover handover) {
        adoptName(handover.room());
        if (stored.isEmpty()) {
            // The members' snapshots named the history by this epoch; nothing is stored to contradict it.
            epoch = handover.epoch();
        }
        boolean newcomers = false;
        for (Returning returning : handover.members()) {
            if (!members.contains(returning.session())) {
                if (!members.serves(returning.fanOut())) {
                    getContext().watchWith(returning.fanOut(), new FanOutGone(returning.fanOut()));
                }
                members.add(returning.session(), returning.nick(), returning.identity(), returning.fanOut());
                newcomers = true;
                if (announcedGone.remove(returning.nick())) {
                    broadcast(new ServerFrame.Presence(name, returning.nick(), PresenceEvent.JOIN, null, null),
                            returning.session());
                }
            }
        }
        expectBack(handover.expected(), newcomers);
        reportStatus();
        if (handover.lastSeq() != null && !handover.members().isEmpty()) {
            List<RoomFanOut.Event> missed = new ArrayList<>();
            recent.after(handover.lastSeq(), ProtocolLimits.MAX_SINCE_MESSAGES)
                    .forEach(posted -> missed.add(RoomFanOut.Event.toAll(frame(posted))));
            handover.members().get(0).fanOut().tell(new NodeFanOut.Resume(key, getContext().getSelf(), missed));
        }
        return this;
    }

    /**
     * Each node hears of the room's death at its own moment, when its view of the cluster drops the
     * dead node: the clock runs from the last handover that brought someone back, so the nodes
     * still to come get {@code chat.handover-retry} after it. A repeated handover brings nobody new.
     * Nicks already announced gone are not expected again: a node without members in the room did
     * not hear them quit.
     */
    private void expectBack(List<String> nicks, boolean broughtSomeoneBack) {
        for (String nick : nicks) {
            if (!announcedGone.contains(nick)) {
                expectedBack.add(nick);
            }
        }
        if (!expectedBack.isEmpty() && (broughtSomeoneBack || !timers.isTimerActive(Timer.HANDOVERS))) {
            timers.startSingleTimer(Timer.HANDOVERS, HandoversDue.INSTANCE, settings.handoverRetry());
        }
    }

    /** Members no node handed back left with the dead node: the others hear them quit, as if their fan-out had gone. */
    private Behavior<Command> onHandoversDue() {
        List<String> present = members.nicks();
        for (String nick : expectedBack) {
            if (!present.contains(nick)) {
                announcedGone.add(nick);
                broadcast(new ServerFrame.Presence(name, nick, PresenceEvent.QUIT, null, CONNECTION_LOST), null);
            }
        }
        expectedBack.clear();
        return this;
    }

    /**
     * Once the room has asked to be passivated, sharding stops it soon: a request that reached it
     * meanwhile (sharding delivered it before it took the request to passivate) is kept for the
     * room's next actor, which it goes to, in order, when this one stops.
     */
    private Behavior<Command> holdForSuccessor(Command request) {
        heldForSuccessor.add(request);
        return this;
    }

    /**
     * A request from someone the room does not count may come ahead of the handover that brings
     * them back (the room moved nodes): the room gives the handover a moment before it rests.
     */
    private void checkIdleLater() {
        timers.startSingleTimer(Timer.STRAY, CheckIdle.INSTANCE, settings.strayRequestGrace());
    }

    /** A room stopped with members in it passes them to its next actor, through sharding, which holds them until it runs. */
    private void handOverMembers() {
        if (!members.isEmpty() && !ShuttingDown.of(getContext().getSystem())) {
            successor.tell(new Handover(name, epoch, members.returning(), null, List.of()));
        }
    }

    private Behavior<Command> onFanOutGone(FanOutGone gone) {
        for (ActorRef<SessionActor.Reply> session : members.membersServedBy(gone.fanOut())) {
            removeMember(session, PresenceEvent.QUIT, CONNECTION_LOST);
        }
        return this;
    }

    private Behavior<Command> onRename(Rename rename) {
        String old = members.nickOf(rename.session());
        if (old != null) {
            members.rename(rename.session(), rename.nick());
            broadcast(new ServerFrame.Presence(name, rename.nick(), PresenceEvent.RENAME, old, null),
                    rename.session());
        }
        return this;
    }

    // ---- moderation ----

    private Behavior<Command> onModeration(Moderation request) {
        ActorRef<SessionActor.Reply> session = request.session();
        String re = request.re();
        if (!members.contains(session)) {
            session.tell(notInRoom(re));
            checkIdleLater();
            return this;
        }
        RoomModeration moderation = new RoomModeration(name, rules(), members, session);
        RoomModeration.Decision decision;
        if (request instanceof SetRole role) {
            decision = moderation.setRole(role.nick(), role.op(), re);
        } else if (request instanceof Kick kick) {
            decision = moderation.kick(kick.nick());
        } else if (request instanceof SetBan ban) {
            decision = ban.ban() ? moderation.ban(ban.nick(), re) : moderation.unban(ban.nick(), re);
        } else if (request instanceof SetMode mode) {
            decision = moderation.mode(mode.invite(), mode.moderated(), mode.secret(), re);
        } else if (request instanceof Invite invite) {
            decision = moderation.invite(invite.nick());
        } else {
            decision = moderation.claim(isDefaultRoom, re);
        }
        return carryOut(decision, request, session, re);
    }

    private Behavior<Command> carryOut(RoomModeration.Decision decision, Moderation request,
                                       ActorRef<SessionActor.Reply> session, String re) {
        if (decision instanceof RoomModeration.Refusal refusal) {
            session.tell(new SessionActor.Answer(new ServerFrame.Error(refusal.code(), refusal.message(), re)));
        } else if (decision instanceof RoomModeration.Change change) {
            if (storeDown || outdated) {
                session.tell(unavailable(RULES_NOT_CHANGED, re));
            } else {
                gather(new GroupCommit.RulesChange(session, change.change(), change.announcement(),
                        change.requestersCopy(), change.answer(), re));
            }
        } else if (decision instanceof RoomModeration.KickOut kickOut) {
            kickOut(kickOut, ((Kick) request).reason(), session, re);
        } else if (decision instanceof RoomModeration.LetIn letIn) {
            String by = members.nickOf(session);
            invited.add(Names.key(letIn.nick()));
            NickActor.of(sharding, Names.key(letIn.nick())).tell(new NickActor.Notify(
                    new ServerFrame.Invited(name, letIn.nick(), by, null)));
            answerInPlace(session, new ServerFrame.Invited(name, letIn.nick(), by, re));
        }
        return this;
    }

    /** The kicked member hears why and is out; the others, the kicker among them, see it go. */
    private void kickOut(RoomModeration.KickOut kickOut, String reason, ActorRef<SessionActor.Reply> kicker, String re) {
        String by = members.nickOf(kicker);
        ActorRef<NodeFanOut.Command> fanOut = members.fanOutOf(kickOut.target());
        fanOut.tell(new NodeFanOut.WriteTo(kickOut.target(), new ServerFrame.Kicked(name, by, reason, null), false));
        kickOut.target().tell(new SessionActor.RoomLeft(key));
        ServerFrame.Presence kicked = new ServerFrame.Presence(name, kickOut.nick(), PresenceEvent.KICK, null, reason, by,
                null);
        takeOut(kickOut.target(), kicked, kicker);
        answerInPlace(kicker, new ServerFrame.Presence(name, kickOut.nick(), PresenceEvent.KICK, null, reason, by, re));
    }

    // ---- what is stored: lines and topics ----

    private Behavior<Command> onSay(Say say) {
        String from = members.nickOf(say.session());
        if (from == null) {
            say.session().tell(notInRoom(say.re()));
            checkIdleLater();
        } else if (isSilenced(say.session())) {
            say.session().tell(new SessionActor.Answer(new ServerFrame.Error(ErrorCode.MODERATED,
                    "room \"" + name + "\" is moderated: only its owners and ops speak", say.re())));
        } else if (storeDown || outdated) {
            say.session().tell(unavailable(LINE_NOT_SENT, say.re()));
        } else {
            gather(new GroupCommit.Line(say.session(), from, say.text(), say.re()));
        }
        return this;
    }

    private Behavior<Command> onSetTopic(SetTopic set) {
        String by = members.nickOf(set.session());
        if (by == null) {
            set.session().tell(notInRoom(set.re()));
            checkIdleLater();
        } else if (storeDown || outdated) {
            set.session().tell(unavailable(TOPIC_NOT_CHANGED, set.re()));
        } else {
            gather(new GroupCommit.TopicChange(set.session(), by, set.topic(), set.re()));
        }
        return this;
    }

    /** Sends what has gathered to the journal as one write, unless a write is on its way already. */
    private void startWrite() {
        if (outdated) {
            return;
        }
        List<RoomEvent> events = writes.startWrite(stored, name, epoch);
        if (!events.isEmpty()) {
            journal.tell(new RoomJournal.Append(events));
            timers.startSingleTimer(Timer.WRITE, WriteTimedOut.INSTANCE, settings.store().writeTimeout());
        }
    }

    private Behavior<Command> onJournal(FromJournal fromJournal) {
        RoomJournal.Report report = fromJournal.report();
        if (report instanceof RoomJournal.Appended appended) {
            if (writes.isWriting()) {
                acknowledge(appended.state());
            }
        } else if (report instanceof RoomJournal.WriteFailed failed) {
            LOG.warn("room {}: the store failed to take {} event(s): {}", key, writes.eventsWriting(), failed.cause());
            goDown();
        } else if (report instanceof RoomJournal.WriteRefused refused) {
            return onWriteRefused(refused);
        } else if (report instanceof RoomJournal.Recovered recovered) {
            onJournalRecovered(recovered.state());
        } else if (report instanceof RoomJournal.RecoveryFailedReport failed) {
            LOG.warn("room {}: the store cannot be read ({}); trying again", key, failed.cause());
        } else if (report instanceof RoomJournal.OldEventsDeleted) {
            writes.restateDirectoryFacts();
        }
        startWrite();
        reportIfIdle();
        return stopIfDone();
    }

    private Behavior<Command> stopIfDone() {
        return stopWhenWritten && !writes.isWriting() ? Behaviors.stopped() : this;
    }

    /**
     * The journal came back after a failure. The write that was on its way either reached the store
     * (the recovered state has its events) or not; only what reached it is answered and delivered.
     */
    private void onJournalRecovered(RoomJournal.State recovered) {
        storeDown = false;
        if (writes.isWriting() && recovered.events() >= stored.events() + writes.eventsWriting()) {
            acknowledge(recovered);
            return;
        }
        if (writes.isWriting()) {
            List<GroupCommit.Request> lost = writes.lost();
            LOG.warn("room {}: the last write did not reach the store", key);
            answerUnavailable(lost);
            timers.cancel(Timer.WRITE);
        }
        stored = recovered;
    }

    /**
     * Another actor of this room wrote first (a split brain): its lines are in the store, and this
     * actor's picture of the room is out of date. Waiting for the journal's recovery would take the
     * other's events for this one's, so the writes on their way are refused, and the room asks to
     * be passivated. Until it stops, lines and topics are refused, and joins and questions are kept
     * for its next actor; it hands nobody over: the members' nodes do, with the last line they
     * have, so the next actor, which starts from the store, gives them the other writer's lines.
     */
    private Behavior<Command> onWriteRefused(RoomJournal.WriteRefused refused) {
        LOG.warn("room {}: the store refused {} event(s), another actor of the room wrote first ({}); "
                + "the room starts again from the store", key, writes.eventsWriting(), refused.cause());
        timers.cancel(Timer.WRITE);
        answerUnavailable(writes.lost());
        answerUnavailable(writes.refuseGathered());
        outdated = true;
        if (!passivating) {
            askToBePassivated();
        }
        return this;
    }

    private Behavior<Command> onWriteTimedOut() {
        List<GroupCommit.Request> waiting = writes.giveUpWaiting();
        if (!waiting.isEmpty()) {
            LOG.warn("room {}: the store took longer than {} to take a write", key, settings.store().writeTimeout());
            goDown();
            // The write may still succeed: its lines are then delivered, but their senders had this answer.
            for (GroupCommit.Request request : waiting) {
                if (request.session() == null) {
                    continue;
                }
                request.session().tell(new SessionActor.Answer(
                        new ServerFrame.Error(ErrorCode.UNAVAILABLE, TOO_SLOW, request.re())));
            }
        }
        return this;
    }

    private void goDown() {
        storeDown = true;
        answerUnavailable(writes.refuseGathered());
    }

    /**
     * The write on its way is durable: its lines and topics go to the members at once, in order,
     * as one offer per member. Whatever was said while it was being written is in the next write
     * and leaves together with it, so a quiet room delivers each line as soon as it is stored and
     * a busy one many lines per offer and per socket write.
     */
    private void acknowledge(RoomJournal.State after) {
        timers.cancel(Timer.WRITE);
        boolean answered = writes.writingAnswered();
        // The directory keeps a room the store holds after its node is gone: it hears of the first write.
        boolean firstStored = stored.isEmpty() && !after.isEmpty();
        stored = after;
        storeDown = false;
        List<RoomFanOut.Event> events = new ArrayList<>();
        boolean topicChanged = false;
        for (GroupCommit.Written written : writes.written()) {
            GroupCommit.Request request = written.request();
            // The room's own events (its opening, its creator's ownership) are in its first write, which
            // the directory hears of anyway, and answer nobody.
            if (request == null || request.session() == null) {
                continue;
            }
            boolean unanswered = !answered;
            ActorRef<SessionActor.Reply> owner = unanswered && members.contains(request.session()) ? request.session() : null;
            String re = request.re();
            ServerFrame frame;
            ServerFrame requestersCopy;
            if (written.event() instanceof RoomEvent.MessagePosted posted) {
                recent.append(posted);
                ServerFrame.Message message = frame(posted);
                frame = message;
                requestersCopy = message.answering(re);
            } else if (request instanceof GroupCommit.RulesChange change) {
                topicChanged = true;
                frame = change.announcement();
                requestersCopy = change.announcement() == null ? change.answer() : change.requestersCopy();
                if (change.announcement() == null) {
                    if (unanswered) {
                        answerInPlace(change.session(), change.answer());
                    }
                    continue;
                }
            } else {
                RoomEvent.TopicSet set = (RoomEvent.TopicSet) written.event();
                topicChanged = true;
                frame = new ServerFrame.Topic(name, set.topic(), set.by(), null);
                requestersCopy = new ServerFrame.Topic(name, set.topic(), set.by(), re);
            }
            if (unanswered && owner == null) {
                // Kicked while its request was being stored: its answer goes to it alone.
                request.session().tell(new SessionActor.Answer(requestersCopy));
            }
            events.add(new RoomFanOut.Event(frame, owner, owner == null ? null : requestersCopy));
        }
        if (topicChanged || firstStored) {
            reportStatus();
        }
        if (!events.isEmpty()) {
            NodeFanOut.Deliver delivery = new NodeFanOut.Deliver(key, events);
            members.fanOuts().forEach(fanOut -> fanOut.tell(delivery));
        }
    }

    /** The room's own changes (its creator's ownership) have nobody to tell. */
    private void answerUnavailable(List<GroupCommit.Request> requests) {
        for (GroupCommit.Request request : requests) {
            if (request.session() == null) {
                continue;
            }
            request.session().tell(unavailable(request instanceof GroupCommit.Line ? LINE_NOT_SENT
                    : request instanceof GroupCommit.RulesChange ? RULES_NOT_CHANGED : TOPIC_NOT_CHANGED, request.re()));
        }
    }

    // ---- questions ----

    private Behavior<Command> onWho(Who who) {
        adoptName(who.room());
        if (hiddenFrom(who.replyTo())) {
            who.replyTo().tell(notInRoom(who.re()));
            return this;
        }
        answerInPlace(who.replyTo(), new ServerFrame.Members(name, members.nicks(), who.re()));
        return this;
    }

    /**
     * A member's answer is written by the room itself, in its place among the room's events, so a
     * list of members is never followed by a presence it already includes; anyone else's answer
     * goes back through its session.
     */
    private void answerInPlace(ActorRef<SessionActor.Reply> asker, ServerFrame answer) {
        ActorRef<NodeFanOut.Command> fanOut = members.fanOutOf(asker);
        if (fanOut != null) {
            fanOut.tell(new NodeFanOut.WriteTo(asker, answer, true));
        } else {
            asker.tell(new SessionActor.Answer(answer));
        }
    }

    /** The newest {@code limit} messages before {@code before}: from memory when it holds them, else from the store. */
    private Behavior<Command> onHistory(History request) {
        adoptName(request.room());
        if (hiddenFrom(request.replyTo())) {
            request.replyTo().tell(notInRoom(request.re()));
            return this;
        }
        long newest = request.before() == null ? stored.seq() : Math.min(request.before() - 1, stored.seq());
        long oldest = Math.max(1, newest - request.limit() + 1);
        if (recent.holdsFrom(oldest) || newest < 1) {
            List<RoomEvent.MessagePosted> page = request.before() == null
                    ? recent.latest(request.limit())
                    : recent.before(request.before(), request.limit());
            answerInPlace(request.replyTo(), new ServerFrame.History(name, frames(page), request.re()));
            return this;
        }
        // Bounded like an opening, so a store that hangs answers "unavailable" before the session gives up.
        queries.messages(key, stored.positions(), oldest, newest).toCompletableFuture()
                .orTimeout(settings.store().openTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((page, failure) -> request.replyTo().tell(
                failure == null ? historyAnswer(page, request.re())
                        : unavailable("the history of \"" + name + "\" cannot be read now", request.re())));
        return this;
    }

    private SessionActor.Answer historyAnswer(List<RoomEvent.MessagePosted> page, String re) {
        return new SessionActor.Answer(new ServerFrame.History(name, frames(page), re));
    }

    // ---- helpers ----

    /** In a moderated room only owners and ops speak. */
    private boolean isSilenced(ActorRef<SessionActor.Reply> member) {
        RoomRules rules = rules();
        return rules.mode().moderated() && !rules.roleOf(members.identityOf(member)).moderates();
    }

    /** A secret room shows nothing of itself to anyone outside it. */
    private boolean hiddenFrom(ActorRef<SessionActor.Reply> asker) {
        return rules().mode().secret() && !members.contains(asker);
    }

    /** A room the store does not hold takes the name its first request spelled. */
    private void adoptName(String spelled) {
        if (name == null) {
            name = spelled;
            reportStatus();
            // Whether the request that named the room leaves anyone in it shows once it is handled.
            getContext().getSelf().tell(CheckIdle.INSTANCE);
        }
    }

    /** {@code frame} to every member but {@code except} (or null): one message per node that has members. */
    private void broadcast(ServerFrame frame, ActorRef<SessionActor.Reply> except) {
        NodeFanOut.Broadcast broadcast = new NodeFanOut.Broadcast(key, frame, except);
        members.fanOuts().forEach(fanOut -> fanOut.tell(broadcast));
    }

    private List<ServerFrame.Message> frames(List<RoomEvent.MessagePosted> messages) {
        List<ServerFrame.Message> frames = new ArrayList<>(messages.size());
        messages.forEach(posted -> frames.add(frame(posted)));
        return frames;
    }

    private ServerFrame.Message frame(RoomEvent.MessagePosted posted) {
        return new ServerFrame.Message(name, posted.from(), posted.text(), posted.seq(), posted.ts(), null);
    }

    private SessionActor.Answer notInRoom(String re) {
        return new SessionActor.Answer(new ServerFrame.Error(ErrorCode.NOT_IN_ROOM,
                "you are not in room \"" + name + "\"; join it first", re));
    }

    private SessionActor.Answer unavailable(String what, String re) {
        return new SessionActor.Answer(new ServerFrame.Error(ErrorCode.UNAVAILABLE,
                "the chat store is unavailable, " + what + "; try again in a moment", re));
    }

    private boolean isIdle() {
        return members.isEmpty() && writes.isIdle();
    }

    /**
     * An idle room asks sharding to passivate it. A join already on its way still reaches it before
     * the {@link Stop}; that member's node rejoins it to the room's next actor.
     */
    private void reportIfIdle() {
        if (isIdle() && !passivating) {
            // The directory hears now, before the last member's answer leaves, not once the room has stopped.
            publishStatus(false);
            askToBePassivated();
        }
    }

    /** Sharding stops this actor soon; what reaches it until then is kept for its next actor. */
    private void askToBePassivated() {
        passivating = true;
        shard.tell(new ClusterSharding.Passivate<>(getContext().getSelf()));
    }

    private void reportStatus() {
        publishStatus(true);
    }

    private void publishStatus(boolean inUse) {
        if (name != null) {
            statusVersion = Math.max(statusVersion + 1, System.currentTimeMillis() * VERSIONS_PER_MILLISECOND);
            directory.tell(new RegistryActor.RoomStatus(key, name, members.size(), stored.topic(), inUse,
                    !stored.isEmpty(), statusVersion, node, rules().mode().secret()));
            listedInUse = inUse;
        }
    }

    /** A room that stops says so, with whether the store holds it: the directory keeps or forgets it. */
    private Behavior<Command> onStopped() {
        if (members.isEmpty() && listedInUse) {
            publishStatus(false);
        }
        return this;
    }
}
