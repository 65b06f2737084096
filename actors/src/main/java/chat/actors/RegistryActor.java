package chat.actors;

import chat.actors.history.HistoryStore;
import chat.protocol.ErrorCode;
import chat.protocol.Names;
import chat.protocol.ServerFrame;
import chat.protocol.Timestamps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.MailboxSelector;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * The one owner of nicks and the directory of rooms; it also admits connections and parents
 * their sessions. Because every claim of a nick passes through this one mailbox, two
 * simultaneous {@code hello}s for one nick cannot both win.
 */
public final class RegistryActor extends AbstractBehavior<RegistryActor.Command> {

    public sealed interface Command {}

    /**
     * A new connection asks to be let in; {@code address} is its IP address (counted against the
     * per-address limit), {@code peer} how logs name it.
     */
    public record Admit(String address, String peer, ActorRef<Admission> replyTo) implements Command {}

    public sealed interface Admission {}

    public record Admitted(ActorRef<SessionActor.Command> session) implements Admission {}

    /** The connection gets {@code farewell} and is closed. */
    public record Refused(ServerFrame farewell) implements Admission {}

    /** Claims {@code nick} for a session; {@code previousKey} is released when a rename wins. */
    public record ClaimNick(String nick, String previousKey, ActorRef<SessionActor.Reply> session, String re)
            implements Command {}

    public record ReleaseNick(String key, ActorRef<SessionActor.Reply> session) implements Command {}

    /**
     * A session has said goodbye and only finishes its connection now: its place counts as free,
     * so the next person can come in while the last bytes are still on their way.
     */
    public record SessionClosing(ActorRef<SessionActor.Command> session) implements Command {}

    public record JoinRoom(String room, String nick, Long since, ActorRef<SessionActor.Reply> session, String re)
            implements Command {}

    public record WhoIn(String room, ActorRef<SessionActor.Reply> replyTo, String re) implements Command {}

    public record HistoryOf(String room, Long before, int limit, ActorRef<SessionActor.Reply> replyTo, String re)
            implements Command {}

    public record ListRooms(ActorRef<SessionActor.Reply> replyTo, String re) implements Command {}

    public record Whisper(String from, String to, String text, ActorRef<SessionActor.Reply> sender, String re)
            implements Command {}

    /** Rooms keep the directory's summary current, so {@code rooms} is answered without asking them. */
    public record RoomStatus(String key, String name, int members, String topic) implements Command {}

    /** A room with no members and no history offers to stop; {@code joinsSeen} tells whether a join is on its way. */
    public record RoomIdle(String key, ActorRef<RoomActor.Command> room, long joinsSeen) implements Command {}

    public record GetStats(ActorRef<Stats> replyTo) implements Command {}

    /**
     * What the registry holds now: for operators, and for tests that prove nothing leaks.
     * {@code sessions} counts session actors alive, closing ones included.
     */
    public record Stats(int sessions, int nicks, int rooms) {}

    /** Says goodbye to every session; answers once all are gone or the timeout passed. */
    public record Shutdown(Duration timeout, ActorRef<Done> replyTo) implements Command {}

    private record SessionEnded(ActorRef<SessionActor.Command> session) implements Command {}

    private record RoomEnded(String key, ActorRef<RoomActor.Command> room) implements Command {}

    private record ShutdownTimedOut() implements Command {}

    private record Nick(String display, ActorRef<SessionActor.Reply> session) {}

    private static final class Room {
        final ActorRef<RoomActor.Command> ref;
        String name;
        int members;
        String topic = "";
        long joinsForwarded;

        Room(ActorRef<RoomActor.Command> ref, String name) {
            this.ref = ref;
            this.name = name;
        }
    }

    /**
     * Sessions and rooms have many senders and one reader; this mailbox (Pekko's typed default,
     * which plain spawning does not pick) enqueues faster than the classic one. A room hands one
     * delivery to every member, so this is the hot path.
     */
    private static final MailboxSelector ONE_READER_MAILBOX = MailboxSelector.fromConfig("pekko.actor.typed.default-mailbox");

    private final ChatSettings settings;
    private final HistoryStore historyStore;
    private final TimerScheduler<Command> timers;
    private final Map<String, Nick> nicks = new HashMap<>();
    private final Map<ActorRef<?>, String> nickKeyBySession = new HashMap<>();
    private final Map<String, Room> rooms = new HashMap<>();
    private final Map<String, Integer> sessionsPerAddress = new HashMap<>();
    private final Set<ActorRef<SessionActor.Command>> sessions = new HashSet<>();
    /** The sessions that hold a place (not closing yet), with their address. */
    private final Map<ActorRef<SessionActor.Command>, String> places = new HashMap<>();
    private final List<ActorRef<Done>> shutdownWaiters = new ArrayList<>();
    private long sessionsStarted;
    private long roomsStarted;
    private boolean shuttingDown;

    /**
     * The registry is the guardian: if it stopped, every session and room would stop with it and
     * the server would end. A request it fails on (a history store that cannot open a room) is
     * dropped and logged instead; the session that asked gives up after its answer timeout.
     */
    public static Behavior<Command> create(ChatSettings settings, HistoryStore historyStore) {
        return Behaviors.supervise(Behaviors.<Command>setup(context -> Behaviors.withTimers(
                        timers -> new RegistryActor(context, timers, settings, historyStore))))
                .onFailure(SupervisorStrategy.resume().withLoggingEnabled(true));
    }

    private RegistryActor(ActorContext<Command> context, TimerScheduler<Command> timers, ChatSettings settings,
                          HistoryStore historyStore) {
        super(context);
        this.timers = timers;
        this.settings = settings;
        this.historyStore = historyStore;
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
                .onMessage(JoinRoom.class, this::onJoinRoom)
                .onMessage(WhoIn.class, this::onWhoIn)
                .onMessage(HistoryOf.class, this::onHistoryOf)
                .onMessage(ListRooms.class, this::onListRooms)
                .onMessage(Whisper.class, this::onWhisper)
                .onMessage(RoomStatus.class, this::onRoomStatus)
                .onMessage(RoomIdle.class, this::onRoomIdle)
                .onMessage(RoomEnded.class, this::onRoomEnded)
                .onMessage(GetStats.class, get -> {
                    get.replyTo().tell(new Stats(sessions.size(), nicks.size(), rooms.size()));
                    return this;
                })
                .onMessage(Shutdown.class, this::onShutdown)
                .onMessage(ShutdownTimedOut.class, timedOut -> finishShutdown())
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
                    SessionActor.create(settings, getContext().getSelf(), admit.peer()),
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
        String nickKey = nickKeyBySession.remove(ended.session());
        if (nickKey != null) {
            nicks.remove(nickKey);
        }
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

    private Behavior<Command> onClaimNick(ClaimNick claim) {
        String key = Names.key(claim.nick());
        String display = Names.display(claim.nick());
        Nick holder = nicks.get(key);
        if (holder != null && !holder.session().equals(claim.session())) {
            claim.session().tell(new SessionActor.NickRefused(ErrorCode.NICK_TAKEN,
                    "nick \"" + holder.display() + "\" is taken", claim.re()));
            return this;
        }
        if (claim.previousKey() != null && !claim.previousKey().equals(key)) {
            nicks.remove(claim.previousKey());
        }
        nicks.put(key, new Nick(display, claim.session()));
        nickKeyBySession.put(claim.session(), key);
        claim.session().tell(new SessionActor.NickClaimed(display, key, claim.re()));
        return this;
    }

    private Behavior<Command> onReleaseNick(ReleaseNick release) {
        Nick holder = nicks.get(release.key());
        if (holder != null && holder.session().equals(release.session())) {
            nicks.remove(release.key());
            nickKeyBySession.remove(release.session());
        }
        return this;
    }

    private Behavior<Command> onJoinRoom(JoinRoom join) {
        String key = Names.key(join.room());
        Room room = rooms.get(key);
        if (room == null) {
            if (rooms.size() >= settings.limits().maxRooms()) {
                join.session().tell(new SessionActor.Answer(Wire.bytes(new ServerFrame.Error(ErrorCode.BAD_ROOM,
                        "the server holds its maximum of " + rooms.size() + " rooms; join an existing one", join.re()))));
                return this;
            }
            room = startRoom(key, Names.display(join.room()));
        }
        room.joinsForwarded++;
        room.ref.tell(new RoomActor.Join(join.session(), join.nick(), join.since(), join.re()));
        return this;
    }

    private Room startRoom(String key, String name) {
        ActorRef<RoomActor.Command> ref = getContext().spawn(
                RoomActor.create(key, name, getContext().getSelf(), historyStore.open(key),
                        settings.history().onJoin(), settings.deliveryWindow()),
                "room-" + (++roomsStarted), ONE_READER_MAILBOX);
        getContext().watchWith(ref, new RoomEnded(key, ref));
        Room room = new Room(ref, name);
        rooms.put(key, room);
        return room;
    }

    private Behavior<Command> onWhoIn(WhoIn who) {
        Room room = rooms.get(Names.key(who.room()));
        if (room == null) {
            who.replyTo().tell(answer(new ServerFrame.Members(Names.display(who.room()), List.of(), who.re())));
        } else {
            room.ref.tell(new RoomActor.Who(who.replyTo(), who.re()));
        }
        return this;
    }

    private Behavior<Command> onHistoryOf(HistoryOf request) {
        Room room = rooms.get(Names.key(request.room()));
        if (room == null) {
            request.replyTo().tell(answer(new ServerFrame.History(Names.display(request.room()), List.of(), request.re())));
        } else {
            room.ref.tell(new RoomActor.History(request.replyTo(), request.before(), request.limit(), request.re()));
        }
        return this;
    }

    private Behavior<Command> onListRooms(ListRooms list) {
        List<ServerFrame.RoomSummary> summaries = new ArrayList<>();
        for (Room room : rooms.values()) {
            summaries.add(new ServerFrame.RoomSummary(room.name, room.members, room.topic));
        }
        summaries.sort(Comparator.comparing(ServerFrame.RoomSummary::room, String.CASE_INSENSITIVE_ORDER));
        list.replyTo().tell(answer(new ServerFrame.RoomList(summaries, list.re())));
        return this;
    }

    private Behavior<Command> onWhisper(Whisper whisper) {
        Nick target = nicks.get(Names.key(whisper.to()));
        if (target == null) {
            whisper.sender().tell(answer(new ServerFrame.Error(ErrorCode.NO_SUCH_NICK,
                    "nobody called \"" + whisper.to() + "\" is online", whisper.re())));
            return this;
        }
        ServerFrame.Whisper frame = new ServerFrame.Whisper(whisper.from(), target.display(), whisper.text(),
                Timestamps.now(), null);
        if (!target.session().equals(whisper.sender())) {
            target.session().tell(new SessionActor.Deliver(null, Wire.bytes(frame)));
        }
        whisper.sender().tell(answer(new ServerFrame.Whisper(frame.from(), frame.to(), frame.text(), frame.ts(),
                whisper.re())));
        return this;
    }

    private Behavior<Command> onRoomStatus(RoomStatus status) {
        Room room = rooms.get(status.key());
        if (room != null) {
            room.name = status.name();
            room.members = status.members();
            room.topic = status.topic();
        }
        return this;
    }

    private Behavior<Command> onRoomIdle(RoomIdle idle) {
        Room room = rooms.get(idle.key());
        if (room != null && room.ref.equals(idle.room()) && room.joinsForwarded == idle.joinsSeen()) {
            rooms.remove(idle.key());
            room.ref.tell(new RoomActor.Stop());
        }
        return this;
    }

    private Behavior<Command> onRoomEnded(RoomEnded ended) {
        Room room = rooms.get(ended.key());
        if (room != null && room.ref.equals(ended.room())) {
            rooms.remove(ended.key());
        }
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
        return new SessionActor.Answer(Wire.bytes(frame));
    }
}
