package chat.actors;

import chat.protocol.Names;
import com.typesafe.config.Config;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code chat.*} settings the actors run by, read once; see conf/application.conf for what each
 * one means. Where and how the server listens is the server process's business (server-app).
 */
public record ChatSettings(
        String serverName,
        Optional<String> defaultRoom,
        String motd,
        Duration heartbeat,
        Limits limits,
        History history,
        Store store,
        Accounts accounts,
        Set<String> operators,
        Duration shutdownTimeout,
        Duration strayRequestGrace,
        Duration handoverRetry,
        Duration directoryRepublishAfter) {

    public record Limits(
            int maxFrameBytes,
            int maxFrameBytesUnregistered,
            int maxText,
            int maxTopic,
            double rate,
            int burst,
            int rateAbuseTolerance,
            int maxSessions,
            int maxPerAddress,
            int maxOutbound,
            long maxOutboundBytes,
            Duration registerTimeout,
            Duration linger,
            Duration answerTimeout,
            int maxRoomsPerSession,
            int maxRooms) {}

    /** {@code retainMessages}: how many messages a room keeps in the store at least (0: all of them). */
    public record History(int onJoin, long retainMessages) {}

    /**
     * How rooms use the store. {@code queryPlugin} is the Pekko Persistence read journal that pages
     * through stored history; {@code writeTimeout} bounds how long a line waits to be stored before its
     * sender is told the store is unavailable; {@code openTimeout} how long a room coming back from the
     * store may take before requests to it are answered unavailable.
     */
    public record Store(String queryPlugin, int snapshotEvery, Duration writeTimeout, Duration openTimeout,
                        Duration restartMinBackoff, Duration restartMaxBackoff, Duration readyTimeout) {}

    /**
     * Accounts: how passwords are hashed (Argon2id: {@code memoryKib} of memory, {@code iterations}
     * passes, {@code parallelism} lanes), how wrong passwords are slowed down, and how long an
     * account's actor stays in memory unused.
     */
    public record Accounts(int memoryKib, int iterations, int parallelism, Throttle perAccount, Throttle perAddress,
                           int maxWaitingChecks, Duration passivateAfter) {}

    /**
     * After {@code freeFailures} wrong passwords, every further one locks the door for
     * {@code firstLockout}, then twice as long each time, up to {@code maxLockout}; a right
     * password (per account) or {@code forgetAfter} without a failure starts over.
     */
    public record Throttle(int freeFailures, Duration firstLockout, Duration maxLockout, Duration forgetAfter) {

        static Throttle from(Config config) {
            return new Throttle(config.getInt("free-failures"), config.getDuration("first-lockout"),
                    config.getDuration("max-lockout"), config.getDuration("forget-after"));
        }
    }

    /** Whether {@code account} (null for a guest) is a server operator's, named in {@code chat.operators}. */
    public boolean isOperator(String account) {
        return account != null && operators.contains(Names.key(account));
    }

    /** Reads {@code chat.*} from a config that already has reference.conf as fallback. */
    public static ChatSettings from(Config root) {
        Config chat = root.getConfig("chat");
        Config limits = chat.getConfig("limits");
        Config history = chat.getConfig("history");
        Config store = chat.getConfig("store");
        Config accounts = chat.getConfig("accounts");
        String defaultRoom = chat.getString("default-room").trim();
        return new ChatSettings(
                chat.getString("server-name"),
                defaultRoom.isEmpty() ? Optional.empty() : Optional.of(defaultRoom),
                chat.getString("motd"),
                chat.getDuration("heartbeat"),
                new Limits(
                        limits.getInt("max-frame-bytes"),
                        limits.getInt("max-frame-bytes-unregistered"),
                        limits.getInt("max-text"),
                        limits.getInt("max-topic"),
                        limits.getDouble("rate"),
                        limits.getInt("burst"),
                        limits.getInt("rate-abuse-tolerance"),
                        limits.getInt("max-sessions"),
                        limits.getInt("max-per-address"),
                        limits.getInt("max-outbound"),
                        limits.getBytes("max-outbound-bytes"),
                        limits.getDuration("register-timeout"),
                        limits.getDuration("linger"),
                        limits.getDuration("answer-timeout"),
                        limits.getInt("max-rooms-per-session"),
                        limits.getInt("max-rooms")),
                new History(history.getInt("on-join"), history.getLong("retention.keep-messages")),
                new Store(store.getString("query-plugin"), store.getInt("snapshot-every"),
                        store.getDuration("write-timeout"), store.getDuration("open-timeout"),
                        store.getDuration("restart-backoff.min"), store.getDuration("restart-backoff.max"),
                        store.getDuration("ready-timeout")),
                new Accounts(accounts.getInt("argon2.memory-kib"), accounts.getInt("argon2.iterations"),
                        accounts.getInt("argon2.parallelism"), Throttle.from(accounts.getConfig("throttle.per-account")),
                        Throttle.from(accounts.getConfig("throttle.per-address")),
                        accounts.getInt("throttle.max-waiting-checks"), accounts.getDuration("passivate-after")),
                chat.getStringList("operators").stream().map(Names::key).collect(Collectors.toUnmodifiableSet()),
                chat.getDuration("shutdown-timeout"),
                chat.getDuration("stray-request-grace"),
                chat.getDuration("handover-retry"),
                chat.getDuration("directory-republish-after"));
    }
}
