package chat.actors;

import chat.actors.room.Identity;
import chat.actors.room.RoomDirectory;
import chat.actors.room.RoomJournal;
import chat.actors.room.StoreQueries;
import chat.protocol.ErrorCode;
import chat.protocol.Names;
import chat.protocol.Secret;
import chat.protocol.ServerFrame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.MailboxSelector;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingQuery;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.cluster.typed.SelfUp;
import org.apache.pekko.cluster.typed.Subscribe;

/**
 * A node's front desk: it admits connections and parents their sessions, passes their requests
 * for nicks and rooms on to the nick's or room's Cluster Sharding entity, wherever in the cluster
 * that lives, and holds the node's copy of the directory of rooms. It starts the node's
 * {@link NodeFanOut}, which writes to the sessions' connections, and joins the node to its
 * cluster (a cluster of one by itself, without seed nodes).
 *
 * <p>The directory lists every room in use anywhere in the cluster and every room the store
 * holds: a room without members stops and stays listed (with its name and topic) until the next
 * join brings it back. At start it is filled from the store; rooms keep it current through the
 * {@link RoomDirectory} topic.
 */
public final class RegistryActor extends AbstractBehavior<RegistryActor.Command> {

    /** Requests from the node's own sessions and server: they never cross to another node. */
    public sealed interface Command extends LocalOnly {}

    /**
     * A new connection asks to be let in; {@code address} is its IP address (counted against the
     * per-address limit), {@code peer} how logs name it.
     */
    public record Admit(String address, String peer, ActorRef<Admission> replyTo) implements Command {}

    public sealed interface Admission extends LocalOnly {}

    public record Admitted(ActorRef<SessionActor.Command> session) implements Admission {}

    /** The connection gets {@code farewell} and is closed. */
    public record Refused(ServerFrame farewell) implements Admission {}

    /**
     * Claims {@code nick} for a session; {@code previousKey} is released when a rename wins. Whispers
     * to the nick are written to {@code outlet}, the session's connection, by the node's fan-out.
     */
    public record ClaimNick(String nick, String previousKey, ActorRef<SessionActor.Reply> session,
                            ConnectionOutlet outlet, String re) implements Command {}

    public record ReleaseNick(String key, ActorRef<SessionActor.Reply> session) implements Command {}

    /** May the session use {@code nick}: as a guest ({@code password} null), or logged in to its account? */
    public record LogIn(String nick, Secret password, ActorRef<SessionActor.Reply> session, String re)
            implements Command {}

    /** Makes the session's nick {@code nick} an account. */
    public record Register(String nick, Secret password, ActorRef<SessionActor.Reply> session, String re)
            implements Command {}

    public record ChangePassword(String account, Secret old, Secret password, ActorRef<SessionActor.Reply> session,
                                 String re) implements Command {}

    /** The session gave a wrong password: its address counts one failure more. */
    public record LoginFailed(ActorRef<SessionActor.Reply> session) implements Command {}

    /** Where a session's nick is kept, for the node's fan-out, which claims it back should that node die. */
    public record NickKept(NodeFanOut.NickHeld held) implements Command {}

    /**
     * A session has said goodbye and only finishes its connection now: its place counts as free,
     * so the next person can come in while the last bytes are still on their way.
     */
    public record SessionClosing(ActorRef<SessionActor.Command> session) implements Command {}

    /** {@code outlet}: the joining session's connection, which the node's fan-out writes the room's events to. */
    public record JoinRoom(String room, String nick, Identity identity, Long since, ActorRef<SessionActor.Reply> session,
                           ConnectionOutlet outlet, String re) implements Command {}

    public record WhoIn(String room, ActorRef<SessionActor.Reply> replyTo, String re) implements Command {}

    public record HistoryOf(String room, Long before, int limit, ActorRef<SessionActor.Reply> replyTo, String re)
            implements Command {}

    /** {@code memberOf}: the keys of the asker's rooms, the only secret ones it is shown. */
    public record ListRooms(Set<String> memberOf, ActorRef<SessionActor.Reply> replyTo, String re) implements Command {
        public ListRooms {
            memberOf = Set.copyOf(memberOf);
        }
    }

    /** A server operator's {@code kill}; {@code reason} is the farewell the target gets. */
    public record Kill(String nick, String reason, ActorRef<SessionActor.Reply> operator, String re) implements Command {}

    public record Whisper(String from, String to, String text, ActorRef<SessionActor.Reply> sender, String re)
            implements Command {}

    /**
     * Rooms keep the directory's summary current, so {@code rooms} is answered without asking them.
     * {@code inUse} is false once the room's actor has stopped or is about to: a room the store
     * holds ({@code stored}) then stays listed, resting, and any other is forgotten. A status comes
     * twice, straight from a room of this node and through the {@link RoomDirectory} topic;
     * {@code version} grows with each, so an older one never overwrites a newer. {@code node} is the
     * address of the node the room lives on: a room in use there rests once that node leaves,
     * unless it comes back elsewhere.
     */
    public record RoomStatus(String key, String name, int members, String topic, boolean inUse, boolean stored,
                             long version, String node, boolean secret)
            implements CborSerializable {}

    private record DirectoryChanged(RoomStatus status) implements Command {}

    public record GetStats(ActorRef<Stats> replyTo) implements Command {}

    /**
     * Answered once the store has served the registry's first reads: the rooms it holds, and a
     * room's journal recovered. A server opens its port only then, so the first people in do not
     * wait for the store's first connections and queries.
     */
    public record WhenReady(ActorRef<Done> replyTo) implements Command {}

    /**
     * What the registry holds now: for operators, and for tests that prove nothing leaks.
     * {@code sessions} counts session actors alive, closing ones included; {@code rooms} the rooms
     * in use (resting ones are only a directory entry).
     */
    public record Stats(int sessions, int nicks, int rooms) implements LocalOnly {}

    /** Says goodbye to every session; answers once all are gone or the timeout passed. */
    public record Shutdown(Duration timeout, ActorRef<Done> replyTo) implements Command {}

    private record SessionEnded(ActorRef<SessionActor.Command> session) implements Command {}

    private record ShutdownTimedOut() implements Command {}

    private record StoredRoomsRead(List<StoreQueries.StoredRoom> rooms) implements Command {}

    private record ProbeRecovered() implements Command {}

    /** The probe could not read the store; its journal tries again by itself. */
    private record ProbeFailed() implements Command {}

    private record StoredRoomsFailed(String cause) implements Command {}

    private record RetryStoredRooms() implements Command {}

    /** The rooms in the store take long to read: lists asked for meanwhile are answered without them. */
    private record StoredRoomsLate() implements Command {}


    /** The node has joined its cluster (a cluster of one by itself, without seed nodes). */
    private record NodeUp() implements Command {}

    /** Another node left the cluster: downed after it died, or gone after it stopped. */
    private record NodeRemoved(String node) implements Command {}

    /** A node joined the cluster (this one included). */
    private record NodeJoined(String node) implements Command {}

    /** A node that joined can now hear the directory topic: it is told the rooms in use here. */
    private enum RepublishDirectory implements Command { INSTANCE }

    /** A room of the directory; not {@code inUse} while it rests in the store. */
    private static final class Room {
        String name;
        int members;
        String topic;
        boolean inUse;
        boolean stored;
        /** Listed only for its members. */
        boolean secret;
        /** Where it lives while in use. */
        String node;

        Room(String name, String topic) {
            this.name = name;
            this.topic = topic;
        }
    }

    /** A key no room name folds to (names have no spaces): the probe's journal stays empty. */
    private static final String PROBE_ROOM = " probe";
    private static final String PROBE = "store-probe";
    private static final String FAN_OUT = "fan-out";
    private static final String SEED_NODES = "pekko.cluster.seed-nodes";

    /**
     * Sessions and rooms have many senders and one reader; this mailbox (Pekko's typed default,
     * which plain spawning does not pick) enqueues faster than the classic one. The fan-out takes every
     * room's deliveries, so this is the hot path.
     */
    private static final MailboxSelector ONE_READER_MAILBOX = MailboxSelector.fromConfig("pekko.actor.typed.default-mailbox");

    private final ChatSettings settings;
    private final StoreQueries queries;
    private final TimerScheduler<Command> timers;
    private final ActorRef<NodeFanOut.Command> fanOut;
    private final ClusterSharding sharding;
    private final RoomRefs roomRefs;
    private final AccountDesk accounts;
    private final Map<String, Room> rooms = new HashMap<>();
    /** This node's address, as rooms' statuses name it. */
    private final String node;
    /** The version of the newest status heard from each room, kept after the room is forgotten. */
    private final Map<String, Long> statusVersions = new HashMap<>();
    private final Map<String, Integer> sessionsPerAddress = new HashMap<>();
    private final Set<ActorRef<SessionActor.Command>> sessions = new HashSet<>();
    /** The sessions that hold a place (not closing yet), with their address. */
    private final Map<ActorRef<SessionActor.Command>, String> places = new HashMap<>();
    private final List<ActorRef<Done>> shutdownWaiters = new ArrayList<>();
    private long sessionsStarted;
    /** Rooms with an actor, which max-rooms bounds; resting ones cost nothing but their directory entry. */
    private int roomsInUse;
    private boolean nodeUp;
    /** Requests for the list of rooms that came before the rooms in the store were known; null after. */
    private List<ListRooms> listsWaitingForStore = new ArrayList<>();
    private boolean probeRecovered;
    private final List<ActorRef<Done>> readyWaiters = new ArrayList<>();
    private boolean shuttingDown;

    /**
     * The registry is the guardian: if it stopped, every session and room would stop with it and
     * the server would end. A request it fails on is dropped and logged instead; the session that
     * asked gives up after its answer timeout.
     */
    public static Behavior<Command> create(ChatSettings settings) {
        return Behaviors.supervise(Behaviors.<Command>setup(context -> Behaviors.withTimers(
                        timers -> new RegistryActor(context, timers, settings,
                                StoreQueries.of(context.getSystem(), settings.store().queryPlugin())))))
                .onFailure(SupervisorStrategy.resume().withLoggingEnabled(true));
    }

    private RegistryActor(ActorContext<Command> context, TimerScheduler<Command> timers, ChatSettings settings,
                          StoreQueries queries) {
        super(context);
        this.timers = timers;
        this.settings = settings;
        this.queries = queries;
        this.sharding = ClusterSharding.get(context.getSystem());
        this.node = context.getSystem().address().toString();
        ActorRef<RoomStatus> statuses = context.messageAdapter(RoomStatus.class, DirectoryChanged::new);
        this.roomRefs = startRooms(sharding, context, statuses, settings, queries);
        sharding.init(Entity.of(NickActor.TYPE_KEY, nick -> NickActor.create(nick.getEntityId(), nick.getShard()))
                .withStopMessage(new NickActor.Stop()));
        this.accounts = new AccountDesk(context.getSystem(), sharding, settings);
        this.fanOut = context.spawn(NodeFanOut.create(roomRefs, settings.handoverRetry()), FAN_OUT, ONE_READER_MAILBOX);
        joinCluster(context);
        RoomDirectory.topic(context.getSystem()).tell(Topic.subscribe(statuses));
        RoomJournal.warmUp(context.getSystem());
        recoverProbe(context, settings.store());
        readStoredRooms();
        // No session may wait for the list longer than its answer timeout allows.
        timers.startSingleTimer(new StoredRoomsLate(), settings.store().openTimeout());
    }

    /**
     * Rooms are sharded entities: each lives on one node of the cluster, which sharding picks, and
     * publishes its status to every registry through the {@link RoomDirectory}, and straight to the
     * registry of its node, which so hears of a change before the member who caused it.
     */
    private static RoomRefs startRooms(ClusterSharding sharding, ActorContext<Command> context,
                                       ActorRef<RoomStatus> statuses, ChatSettings settings, StoreQueries queries) {
        sharding.init(Entity.of(RoomActor.TYPE_KEY, room -> RoomActor.create(room.getEntityId(), room.getShard(),
                        sharding.entityRefFor(RoomActor.TYPE_KEY, room.getEntityId()),
                        new RoomDirectory.Readers(statuses, RoomDirectory.topic(context.getSystem())), queries, settings))
                .withStopMessage(new RoomActor.Stop())
                .withEntityProps(ONE_READER_MAILBOX));
        return key -> sharding.entityRefFor(RoomActor.TYPE_KEY, key);
    }

    /**
     * The node joins the cluster of its seed nodes, which Pekko does by itself; without seed nodes it
     * joins itself and is a cluster of one. The registry is ready once the node is up.
     */
    private static void joinCluster(ActorContext<Command> context) {
        Cluster cluster = Cluster.get(context.getSystem());
        cluster.subscriptions().tell(Subscribe.create(context.messageAdapter(SelfUp.class, up -> new NodeUp()),
                SelfUp.class));
        cluster.subscriptions().tell(Subscribe.create(context.messageAdapter(ClusterEvent.MemberRemoved.class,
                removed -> new NodeRemoved(removed.member().address().toString())), ClusterEvent.MemberRemoved.class));
        cluster.subscriptions().tell(Subscribe.create(context.messageAdapter(ClusterEvent.MemberUp.class,
                up -> new NodeJoined(up.member().address().toString())), ClusterEvent.MemberUp.class));
        if (context.getSystem().settings().config().getStringList(SEED_NODES).isEmpty()) {
            cluster.manager().tell(Join.create(cluster.selfMember().address()));
        }
    }

    /** A journal of a room nobody can name, recovered once: the store's first connection and recovery, done before anyone waits. */
    private static void recoverProbe(ActorContext<Command> context, ChatSettings.Store store) {
        ActorRef<RoomJournal.Report> reports = context.messageAdapter(RoomJournal.Report.class,
                report -> report instanceof RoomJournal.Recovered ? new ProbeRecovered() : new ProbeFailed());
        context.spawn(RoomJournal.create(PROBE_ROOM, reports, RoomJournal.Retention.of(store.snapshotEvery(), 0),
                store.restartMinBackoff(), store.restartMaxBackoff()), PROBE);
    }

    private void readStoredRooms() {
        getContext().pipeToSelf(queries.rooms(), (rooms, failure) -> failure == null
                ? new StoredRoomsRead(rooms) : new StoredRoomsFailed(failure.toString()));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Admit.class, this::onAdmit)
                .onMessage(SessionEnded.class, this::onSessionEnded)
                .onMessage(SessionClosing.class, closing -> {
                    freePlace(closing.session());
                    return this;
                })
                .onMessage(ClaimNick.class, this::onClaimNick)
                .onMessage(ReleaseNick.class, this::onReleaseNick)
                .onMessage(LogIn.class, login -> {
                    accounts.logIn(login, places.get(login.session()));
                    return this;
                })
                .onMessage(Register.class, register -> {
                    accounts.register(register);
                    return this;
                })
                .onMessage(ChangePassword.class, change -> {
                    accounts.changePassword(change, places.get(change.session()));
                    return this;
                })
                .onMessage(LoginFailed.class, failed -> {
                    accounts.failedFrom(places.get(failed.session()));
                    return this;
                })
                .onMessage(NickKept.class, kept -> {
                    fanOut.tell(kept.held());
                    return this;
                })
                .onMessage(JoinRoom.class, this::onJoinRoom)
                .onMessage(WhoIn.class, this::onWhoIn)
                .onMessage(HistoryOf.class, this::onHistoryOf)
                .onMessage(ListRooms.class, this::onListRooms)
                .onMessage(Whisper.class, this::onWhisper)
                .onMessage(Kill.class, kill -> {
                    NickActor.of(sharding, Names.key(kill.nick())).tell(new NickActor.Kill(kill.nick(), kill.reason(),
                            kill.operator(), kill.re()));
                    return this;
                })
                .onMessage(DirectoryChanged.class, changed -> onRoomStatus(changed.status()))
                .onMessage(NodeUp.class, up -> {
                    nodeUp = true;
                    answerIfReady();
                    return this;
                })
                .onMessage(NodeRemoved.class, this::onNodeRemoved)
                .onMessage(NodeJoined.class, joined -> {
                    if (!joined.node().equals(node)) {
                        timers.startSingleTimer(RepublishDirectory.INSTANCE, settings.directoryRepublishAfter());
                    }
                    return this;
                })
                .onMessageEquals(RepublishDirectory.INSTANCE, this::republishDirectory)
                .onMessage(WhenReady.class, ready -> {
                    readyWaiters.add(ready.replyTo());
                    answerIfReady();
                    return this;
                })
                .onMessage(ProbeRecovered.class, recovered -> {
                    if (!probeRecovered) {
                        probeRecovered = true;
                        getContext().getChild(PROBE).ifPresent(getContext()::stop);
                        answerIfReady();
                    }
                    return this;
                })
                .onMessage(ProbeFailed.class, failed -> this)
                .onMessage(GetStats.class, get -> {
                    countStats(get.replyTo());
                    return this;
                })
                .onMessage(Shutdown.class, this::onShutdown)
                .onMessage(ShutdownTimedOut.class, timedOut -> finishShutdown())
                .onMessage(StoredRoomsRead.class, this::onStoredRoomsRead)
                .onMessage(StoredRoomsFailed.class, failed -> {
                    getContext().getLog().warn("cannot list the rooms in the store ({}); trying again", failed.cause());
                    answerWaitingLists();
                    timers.startSingleTimer(new RetryStoredRooms(), settings.store().restartMaxBackoff());
                    return this;
                })
                .onMessage(RetryStoredRooms.class, retry -> {
                    readStoredRooms();
                    return this;
                })
                .onMessage(StoredRoomsLate.class, late -> {
                    answerWaitingLists();
                    return this;
                })
                .build();
    }

    private Behavior<Command> onAdmit(Admit admit) {
        int fromAddress = sessionsPerAddress.getOrDefault(admit.address(), 0);
        if (shuttingDown) {
            admit.replyTo().tell(new Refused(new ServerFrame.Bye(SessionActor.SHUTTING_DOWN, null)));
        } else if (places.size() >= settings.limits().maxSessions()) {
            admit.replyTo().tell(refusedAsFull("the server is full: all " + places.size() + " places are taken"));
        } else if (fromAddress >= settings.limits().maxPerAddress()) {
            admit.replyTo().tell(refusedAsFull("too many connections from your address: " + fromAddress));
        } else {
            ActorRef<SessionActor.Command> session = getContext().spawn(
                    SessionActor.create(settings, getContext().getSelf(), roomRefs, admit.peer()),
                    "session-" + (++sessionsStarted), ONE_READER_MAILBOX);
            getContext().watchWith(session, new SessionEnded(session));
            sessions.add(session);
            places.put(session, admit.address());
            sessionsPerAddress.merge(admit.address(), 1, Integer::sum);
            admit.replyTo().tell(new Admitted(session));
        }
        return this;
    }

    private Behavior<Command> onSessionEnded(SessionEnded ended) {
        sessions.remove(ended.session());
        freePlace(ended.session());
        if (shuttingDown && sessions.isEmpty()) {
            return finishShutdown();
        }
        return this;
    }

    private void freePlace(ActorRef<SessionActor.Command> session) {
        String address = places.remove(session);
        if (address != null) {
            sessionsPerAddress.computeIfPresent(address, (ignored, count) -> count > 1 ? count - 1 : null);
        }
    }

    /** Every claim of a nick goes to its one entity in the cluster, which answers the session. */
    private Behavior<Command> onClaimNick(ClaimNick claim) {
        attach(claim.session(), claim.outlet());
        NickActor.of(sharding, Names.key(claim.nick())).tell(new NickActor.Claim(Names.display(claim.nick()),
                claim.previousKey(), claim.session(), fanOut, claim.re()));
        return this;
    }

    /** The node's fan-out writes rooms' events and whispers to the session's connection. */
    private void attach(ActorRef<SessionActor.Reply> session, ConnectionOutlet outlet) {
        if (outlet != null) {
            fanOut.tell(new NodeFanOut.Attach(session, outlet));
        }
    }

    private Behavior<Command> onReleaseNick(ReleaseNick release) {
        NickActor.of(sharding, release.key()).tell(new NickActor.Release(release.session()));
        return this;
    }

    private Behavior<Command> onJoinRoom(JoinRoom join) {
        String key = Names.key(join.room());
        if (!mayUse(key)) {
            join.session().tell(answer(new ServerFrame.Error(ErrorCode.BAD_ROOM,
                    "the server holds its maximum of " + roomsInUse + " rooms in use; join one of them", join.re())));
            return this;
        }
        attach(join.session(), join.outlet());
        roomRefs.room(key).tell(new RoomActor.Join(join.session(), join.nick(), join.identity(), Names.display(join.room()),
                fanOut, join.since(), join.re()));
        return this;
    }

    /** A room in use may be asked; one that rests is brought back only while max-rooms allows. */
    private boolean mayUse(String key) {
        Room room = rooms.get(key);
        return (room != null && room.inUse) || roomsInUse < settings.limits().maxRooms();
    }

    private Behavior<Command> onWhoIn(WhoIn who) {
        Room room = rooms.get(Names.key(who.room()));
        if (room == null || !room.inUse) {
            who.replyTo().tell(answer(new ServerFrame.Members(Names.display(who.room()), List.of(), who.re())));
        } else {
            roomRefs.room(Names.key(who.room())).tell(new RoomActor.Who(who.replyTo(), Names.display(who.room()), who.re()));
        }
        return this;
    }

    /**
     * A room not in use is brought back to answer from the store, even one the directory does not
     * list (yet): only the store knows. Without messages it is forgotten again right after.
     */
    private Behavior<Command> onHistoryOf(HistoryOf request) {
        String key = Names.key(request.room());
        if (!mayUse(key)) {
            request.replyTo().tell(answer(new ServerFrame.Error(ErrorCode.UNAVAILABLE, "the server holds its maximum of "
                    + roomsInUse + " rooms in use; ask again in a moment", request.re())));
        } else {
            roomRefs.room(key).tell(new RoomActor.History(request.replyTo(), Names.display(request.room()),
                    request.before(), request.limit(), request.re()));
        }
        return this;
    }

    /** Rooms the store holds join the directory as resting rooms, unless already known. */
    private Behavior<Command> onStoredRoomsRead(StoredRoomsRead read) {
        for (StoreQueries.StoredRoom stored : read.rooms()) {
            Room room = rooms.computeIfAbsent(stored.key(), key -> {
                Room resting = new Room(stored.name(), stored.topic());
                resting.secret = stored.secret();
                return resting;
            });
            room.stored = true;
        }
        getContext().getLog().info("{} room(s) in the store", read.rooms().size());
        answerWaitingLists();
        return this;
    }

    /** Lists wait for the store's rooms no longer: with them, or (the store failed) without them. */
    private void answerWaitingLists() {
        if (listsWaitingForStore != null) {
            List<ListRooms> waiting = listsWaitingForStore;
            listsWaitingForStore = null;
            waiting.forEach(this::onListRooms);
        }
        answerIfReady();
    }

    private void answerIfReady() {
        if (probeRecovered && nodeUp && listsWaitingForStore == null) {
            readyWaiters.forEach(waiter -> waiter.tell(Done.getInstance()));
            readyWaiters.clear();
        }
    }

    /** Until the rooms in the store are known, a list would miss them: it waits for them. */
    private Behavior<Command> onListRooms(ListRooms list) {
        if (listsWaitingForStore != null) {
            listsWaitingForStore.add(list);
            return this;
        }
        List<ServerFrame.RoomSummary> summaries = new ArrayList<>();
        for (Map.Entry<String, Room> entry : rooms.entrySet()) {
            Room room = entry.getValue();
            if (!room.secret || list.memberOf().contains(entry.getKey())) {
                summaries.add(new ServerFrame.RoomSummary(room.name, room.members, room.topic));
            }
        }
        summaries.sort(Comparator.comparing(ServerFrame.RoomSummary::room, String.CASE_INSENSITIVE_ORDER));
        list.replyTo().tell(answer(new ServerFrame.RoomList(summaries, list.re())));
        return this;
    }

    private Behavior<Command> onWhisper(Whisper whisper) {
        NickActor.of(sharding, Names.key(whisper.to())).tell(new NickActor.Whisper(whisper.from(), whisper.to(),
                whisper.text(), whisper.sender(), whisper.re()));
        return this;
    }

    /**
     * Sessions are counted here; nicks and rooms are the entities of each that live on this node
     * (all of them in a cluster of one), as sharding reports them.
     */
    private void countStats(ActorRef<Stats> replyTo) {
        int sessionsNow = sessions.size();
        entitiesHere(NickActor.TYPE_KEY).thenCombine(entitiesHere(RoomActor.TYPE_KEY),
                        (nicks, rooms) -> new Stats(sessionsNow, nicks, rooms))
                .whenComplete((stats, failure) -> {
                    if (stats != null) {
                        replyTo.tell(stats);
                    }
                });
    }

    private CompletionStage<Integer> entitiesHere(EntityTypeKey<?> type) {
        return AskPattern.<ClusterShardingQuery, ShardRegion.CurrentShardRegionState>ask(sharding.shardState(),
                        replyTo -> new GetShardRegionState(type, replyTo), settings.limits().answerTimeout(),
                        getContext().getSystem().scheduler())
                .thenApply(state -> state.getShards().stream().mapToInt(shard -> shard.getEntityIds().size()).sum());
    }

    /** A room in use is listed with its members; one that stopped rests if the store holds it, else is forgotten. */
    private Behavior<Command> onRoomStatus(RoomStatus status) {
        Long newest = statusVersions.get(status.key());
        if (newest != null && newest >= status.version()) {
            return this;
        }
        statusVersions.put(status.key(), status.version());
        Room room = rooms.get(status.key());
        if (room == null && !status.inUse() && !status.stored()) {
            return this;
        }
        if (room == null) {
            room = new Room(status.name(), status.topic());
            rooms.put(status.key(), room);
        }
        if (room.inUse != status.inUse()) {
            roomsInUse += status.inUse() ? 1 : -1;
        }
        room.inUse = status.inUse();
        room.name = status.name();
        room.members = status.members();
        room.topic = status.topic();
        room.stored = status.stored();
        room.secret = status.secret();
        room.node = status.node();
        if (!status.inUse() && !status.stored()) {
            rooms.remove(status.key());
        }
        return this;
    }

    /**
     * The rooms in use on this node, as they last said, to every registry: only one that missed
     * the status takes it, the others have it (its version) already.
     */
    private Behavior<Command> republishDirectory() {
        ActorRef<Topic.Command<RoomStatus>> topic = RoomDirectory.topic(getContext().getSystem());
        rooms.forEach((key, room) -> {
            if (room.inUse && node.equals(room.node)) {
                topic.tell(Topic.publish(new RoomStatus(key, room.name, room.members, room.topic, true, room.stored,
                        statusVersions.get(key), node, room.secret)));
            }
        });
        return this;
    }

    /**
     * The rooms that lived on a node that left are not in use until they say so from another node:
     * one that kept members elsewhere does at once, as its next actor starts; one whose members
     * all left with the node rests, or is forgotten if the store does not hold it.
     */
    private Behavior<Command> onNodeRemoved(NodeRemoved removed) {
        rooms.values().removeIf(room -> {
            if (!room.inUse || !removed.node().equals(room.node)) {
                return false;
            }
            room.inUse = false;
            room.members = 0;
            roomsInUse--;
            return !room.stored;
        });
        return this;
    }

    private Behavior<Command> onShutdown(Shutdown shutdown) {
        shuttingDown = true;
        shutdownWaiters.add(shutdown.replyTo());
        if (sessions.isEmpty()) {
            return finishShutdown();
        }
        for (ActorRef<SessionActor.Command> session : sessions) {
            session.tell(new SessionActor.ServerShutdown());
        }
        timers.startSingleTimer(new ShutdownTimedOut(), shutdown.timeout());
        return this;
    }

    private Behavior<Command> finishShutdown() {
        shutdownWaiters.forEach(waiter -> waiter.tell(Done.getInstance()));
        shutdownWaiters.clear();
        timers.cancelAll();
        return this;
    }

    private static Refused refusedAsFull(String message) {
        return new Refused(new ServerFrame.Error(ErrorCode.SERVER_FULL, message + "; try again later", null));
    }

    private static SessionActor.Answer answer(ServerFrame frame) {
        return new SessionActor.Answer(frame);
    }
}
