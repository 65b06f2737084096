package chat.actors;

import chat.actors.account.AccountEvent;
import chat.actors.account.LoginThrottle;
import chat.actors.account.PasswordHasher;
import chat.protocol.ErrorCode;
import chat.protocol.Secret;
import chat.protocol.ServerFrame;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.SnapshotSelectionCriteria;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.Effect;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.apache.pekko.persistence.typed.javadsl.Recovery;

/**
 * One account, by the folded key of its nick: a Cluster Sharding entity whose journal holds the
 * account's name and its password's hash (never the password), so an account is the same on every
 * node and survives restarts. A nick without an account has an actor with an empty journal, which
 * answers that the nick is free for guests.
 *
 * <p>Checking and hashing passwords is slow on purpose and runs on the hashing executor; the
 * answer comes back to this actor, which then replies to the session. Wrong passwords are slowed
 * down here for the account ({@link LoginThrottle}); the session's node slows down its address.
 */
public final class AccountActor extends EventSourcedBehavior<AccountActor.Command, AccountEvent, AccountActor.State> {

    public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "account");

    public sealed interface Command {}

    /**
     * May the session use {@code nick}? Without a password: yes unless the nick is an account's.
     * With one: yes when it is this account's password; the session then holds the account.
     */
    public record LogIn(String nick, Secret password, ActorRef<SessionActor.Reply> session, String re)
            implements Command, CborSerializable {}

    /** Makes {@code nick}, which the session holds, this account, unless it is one already. */
    public record Register(String nick, Secret password, ActorRef<SessionActor.Reply> session, String re)
            implements Command, CborSerializable {}

    public record ChangePassword(Secret old, Secret password, ActorRef<SessionActor.Reply> session, String re)
            implements Command, CborSerializable {}

    /** Sharding's stop message, once the account asked to be passivated. */
    public record Stop() implements Command, CborSerializable {}

    private record Checked(boolean matches, LogIn request) implements Command, LocalOnly {}

    private record Hashed(String hash, Register request) implements Command, LocalOnly {}

    private record Replaced(boolean oldMatches, String hash, ChangePassword request) implements Command, LocalOnly {}

    private enum Idle implements Command, LocalOnly { INSTANCE }

    /** {@code name} and {@code hash} are null while the nick is no account. */
    public record State(String name, String hash) implements CborSerializable {

        static final State NONE = new State(null, null);

        boolean exists() {
            return name != null;
        }
    }

    private static final String ENTITY_TYPE = "account";
    private static final double BACKOFF_RANDOM_FACTOR = 0.2;

    private final ActorContext<Command> context;
    private final ActorRef<ClusterSharding.ShardCommand> shard;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final String key;
    private final int maxWaitingChecks;
    /** A password of this account is being checked (or replaced) on the hashing executor. */
    private boolean checking;
    private final Deque<Command> waitingChecks = new ArrayDeque<>();

    public static Behavior<Command> create(String key, ActorRef<ClusterSharding.ShardCommand> shard,
                                           PasswordHasher hasher, ChatSettings settings) {
        return Behaviors.setup(context -> {
            context.setReceiveTimeout(settings.accounts().passivateAfter(), Idle.INSTANCE);
            return new AccountActor(context, key, shard, hasher, settings);
        });
    }

    private AccountActor(ActorContext<Command> context, String key, ActorRef<ClusterSharding.ShardCommand> shard,
                         PasswordHasher hasher, ChatSettings settings) {
        super(PersistenceId.of(ENTITY_TYPE, key), SupervisorStrategy.restartWithBackoff(
                settings.store().restartMinBackoff(), settings.store().restartMaxBackoff(), BACKOFF_RANDOM_FACTOR));
        this.context = context;
        this.key = key;
        this.shard = shard;
        this.hasher = hasher;
        this.throttle = new LoginThrottle(settings.accounts().perAccount());
        this.maxWaitingChecks = settings.accounts().maxWaitingChecks();
    }

    @Override
    public State emptyState() {
        return State.NONE;
    }

    /**
     * An account has a handful of events and never a snapshot: recovery skips the snapshot store,
     * one query to the store fewer for every hello.
     */
    @Override
    public Recovery recovery() {
        return Recovery.withSnapshotSelectionCriteria(SnapshotSelectionCriteria.none());
    }

    @Override
    public CommandHandler<Command, AccountEvent, State> commandHandler() {
        return newCommandHandlerBuilder().forAnyState()
                .onCommand(LogIn.class, this::onLogIn)
                .onCommand(Checked.class, this::onChecked)
                .onCommand(Register.class, this::onRegister)
                .onCommand(Hashed.class, this::onHashed)
                .onCommand(ChangePassword.class, this::onChangePassword)
                .onCommand(Replaced.class, this::onReplaced)
                .onCommand(Idle.class, (state, idle) -> onIdle())
                .onCommand(Stop.class, (state, stop) -> Effect().stop())
                .build();
    }

    @Override
    public EventHandler<State, AccountEvent> eventHandler() {
        return (state, event) -> event instanceof AccountEvent.Registered registered
                ? new State(registered.name(), registered.hash())
                : new State(state.name(), ((AccountEvent.PasswordChanged) event).hash());
    }

    private Effect<AccountEvent, State> onLogIn(State state, LogIn request) {
        if (!state.exists()) {
            if (request.password() != null) {
                return refuse(request.session(), ErrorCode.AUTH_FAILED, "there is no account \"" + request.nick()
                        + "\": say hello without a password, then register the nick", request.re());
            }
            request.session().tell(new SessionActor.LoginChecked(null, request.nick(), request.re()));
            return Effect().none();
        }
        if (request.password() == null) {
            return refuse(request.session(), ErrorCode.AUTH_REQUIRED, "\"" + state.name()
                    + "\" is a registered account: log in with its password, or pick another nick", request.re());
        }
        if (!startCheck(request, request.session(), request.re())) {
            return Effect().none();
        }
        context.pipeToSelf(hasher.matches(request.password(), state.hash()),
                (matches, failure) -> new Checked(failure == null && matches, request));
        return Effect().none();
    }

    /**
     * True when {@code request}'s password may be checked now, which it then is. One password of
     * this account is checked at a time, so every guess meets the lockout its predecessors earned,
     * however many connections guess at once: the rest wait their turn (a few; beyond that they
     * are refused at once), and one that meets a lockout is refused unchecked.
     */
    private boolean startCheck(Command request, ActorRef<SessionActor.Reply> session, String re) {
        if (checking) {
            if (waitingChecks.size() >= maxWaitingChecks) {
                session.tell(new SessionActor.NickRefused(ErrorCode.RATE_LIMITED,
                        "too many logins to this account at once: try again in a moment", re));
            } else {
                waitingChecks.add(request);
            }
            return false;
        }
        if (isLockedOut(session, re)) {
            // The next waiting check, if any, is not held up by this one.
            checkNext();
            return false;
        }
        checking = true;
        return true;
    }

    /** The check in progress has its answer: the next waiting one, if any, is taken up as if it came now. */
    private void checkNext() {
        checking = false;
        Command next = waitingChecks.poll();
        if (next != null) {
            context.getSelf().tell(next);
        }
    }

    private Effect<AccountEvent, State> onChecked(State state, Checked checked) {
        checkNext();
        LogIn request = checked.request();
        if (!checked.matches()) {
            return wrongPassword(request.session(), request.re());
        }
        throttle.succeeded(key);
        request.session().tell(new SessionActor.LoginChecked(state.name(), state.name(), request.re()));
        return Effect().none();
    }

    private Effect<AccountEvent, State> onRegister(State state, Register request) {
        if (state.exists()) {
            return accountExists(state, request);
        }
        context.pipeToSelf(hasher.hash(request.password()), (hash, failure) -> new Hashed(hash, request));
        return Effect().none();
    }

    /** Two sessions may have asked at once (the nick changed hands meanwhile): the first stored wins. */
    private Effect<AccountEvent, State> onHashed(State state, Hashed hashed) {
        Register request = hashed.request();
        if (state.exists()) {
            return accountExists(state, request);
        }
        if (hashed.hash() == null) {
            return refuse(request.session(), ErrorCode.UNAVAILABLE, "the password could not be hashed; try again",
                    request.re());
        }
        return Effect().persist(new AccountEvent.Registered(request.nick(), hashed.hash()))
                .thenRun(stored -> request.session().tell(new SessionActor.AccountRegistered(stored.name(), request.re())));
    }

    private Effect<AccountEvent, State> onChangePassword(State state, ChangePassword request) {
        if (!state.exists()) {
            return refuse(request.session(), ErrorCode.AUTH_REQUIRED, "there is no account \"" + key + "\"", request.re());
        }
        if (!startCheck(request, request.session(), request.re())) {
            return Effect().none();
        }
        String storedHash = state.hash();
        context.pipeToSelf(hasher.matches(request.old(), storedHash).thenCompose(matches -> matches
                        ? hasher.hash(request.password()).handle((hash, failure) -> new Replaced(true, hash, request))
                        : CompletableFuture.completedFuture(new Replaced(false, null, request))),
                (replaced, failure) -> failure == null ? replaced : new Replaced(false, null, request));
        return Effect().none();
    }

    private Effect<AccountEvent, State> onReplaced(State state, Replaced replaced) {
        checkNext();
        ChangePassword request = replaced.request();
        if (replaced.oldMatches() && replaced.hash() == null) {
            return refuse(request.session(), ErrorCode.UNAVAILABLE, "the new password could not be hashed; try again",
                    request.re());
        }
        if (!replaced.oldMatches()) {
            return wrongPassword(request.session(), request.re());
        }
        throttle.succeeded(key);
        return Effect().persist(new AccountEvent.PasswordChanged(replaced.hash()))
                .thenRun(stored -> request.session().tell(new SessionActor.Answer(
                        new ServerFrame.PasswordChanged(request.re()))));
    }

    private boolean isLockedOut(ActorRef<SessionActor.Reply> session, String re) {
        Optional<String> lockout = throttle.lockout(key, "for this account", System.nanoTime());
        lockout.ifPresent(refusal -> session.tell(new SessionActor.NickRefused(ErrorCode.RATE_LIMITED, refusal, re)));
        return lockout.isPresent();
    }

    private Effect<AccountEvent, State> wrongPassword(ActorRef<SessionActor.Reply> session, String re) {
        throttle.failed(key, System.nanoTime());
        session.tell(new SessionActor.WrongPassword(key, "wrong password", re));
        return Effect().none();
    }

    private Effect<AccountEvent, State> accountExists(State state, Register request) {
        return refuse(request.session(), ErrorCode.ACCOUNT_EXISTS, "\"" + state.name() + "\" is an account already",
                request.re());
    }

    private Effect<AccountEvent, State> refuse(ActorRef<SessionActor.Reply> session, ErrorCode code, String message,
                                               String re) {
        session.tell(new SessionActor.NickRefused(code, message, re));
        return Effect().none();
    }

    /** An account nobody used for a while leaves memory, unless it still remembers wrong passwords. */
    private Effect<AccountEvent, State> onIdle() {
        if (throttle.isClear(System.nanoTime())) {
            shard.tell(new ClusterSharding.Passivate<>(context.getSelf()));
        }
        return Effect().none();
    }
}
