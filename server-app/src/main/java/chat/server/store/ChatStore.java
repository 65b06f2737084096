package chat.server.store;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;

/**
 * The database behind the rooms, named by {@code chat.store.url}: an embedded H2 file by default,
 * PostgreSQL by config. A plain URL works as given; what the journal needs of each database (its
 * dialect, driver, URL options) is added here. At start it checks that the store answers and
 * creates the tables on a fresh database, so a store that cannot be used stops the server with one
 * clear line instead of failing the first message.
 */
public final class ChatStore {

    /** The kinds of database the server can store rooms in, by the start of their JDBC URL. */
    enum Kind {
        H2("jdbc:h2:", "slick.jdbc.H2Profile$", "org.h2.Driver", "schema/h2.sql",
                // DB_CLOSE_ON_EXIT: H2's shutdown hook would close the database under Pekko's own
                // shutdown, which may still be writing; the server closes it when the actor system
                // ends. WRITE_DELAY: by default H2 keeps a commit in memory for up to half a second,
                // and a kill -9 in that time lost lines already echoed (CrashRecoveryTest); with 0 a
                // commit is written out before it returns (not synced to the disk: a power cut may
                // still lose the last ones; PostgreSQL is the store for that). MAX_COMPACT_TIME: H2
                // compacts its file when it closes, moving chunks around; the server never lets it
                // close and reopen at once, and does without that compaction (the background one,
                // which keeps the file from growing with every commit, stays).
                Map.of("DB_CLOSE_ON_EXIT", "FALSE", "WRITE_DELAY", "0", "MAX_COMPACT_TIME", "0"), ";", ";"),
        POSTGRES("jdbc:postgresql:", "slick.jdbc.PostgresProfile$", "org.postgresql.Driver", "schema/postgres.sql",
                // The journal writes a group of events as one batch; with this the driver sends it as
                // one multi-row INSERT instead of one statement per event. A connection whose server
                // vanished without a word (a half-open TCP connection) fails after socketTimeout
                // seconds instead of holding a room's write for ever; no statement of ours takes long.
                Map.of("reWriteBatchedInserts", "true", "socketTimeout", "30"), "?", "&");

        final String prefix;
        final String slickProfile;
        final String driver;
        final String schema;
        final Map<String, String> urlOptions;
        final String firstOptionSeparator;
        final String optionSeparator;

        Kind(String prefix, String slickProfile, String driver, String schema, Map<String, String> urlOptions,
             String firstOptionSeparator, String optionSeparator) {
            this.prefix = prefix;
            this.slickProfile = slickProfile;
            this.driver = driver;
            this.schema = schema;
            this.urlOptions = urlOptions;
            this.firstOptionSeparator = firstOptionSeparator;
            this.optionSeparator = optionSeparator;
        }

        /** The URL with the options the journal needs, unless the user set them already. */
        String completeUrl(String url) {
            StringBuilder complete = new StringBuilder(url);
            boolean hasOptions = this == H2 ? url.contains(";") : url.contains("?");
            for (Map.Entry<String, String> option : urlOptions.entrySet()) {
                if (!url.toLowerCase().contains(option.getKey().toLowerCase() + "=")) {
                    complete.append(hasOptions ? optionSeparator : firstOptionSeparator)
                            .append(option.getKey()).append('=').append(option.getValue());
                    hasOptions = true;
                }
            }
            return complete.toString();
        }
    }

    private static final String H2_IN_MEMORY = "jdbc:h2:mem:";

    private final Kind kind;
    private final String url;
    private final String shownUrl;
    private final String user;
    private final String password;
    private final Duration housekeepingInterval;

    private ChatStore(Kind kind, String url, String shownUrl, String user, String password, Duration housekeepingInterval) {
        this.kind = kind;
        this.url = url;
        this.shownUrl = shownUrl;
        this.user = user;
        this.password = password;
        this.housekeepingInterval = housekeepingInterval;
    }

    /** The store that {@code chat.store} names; refuses a URL of a database it cannot store rooms in. */
    public static ChatStore from(Config config) {
        Config store = config.getConfig("chat.store");
        String url = store.getString("url").trim();
        String shown = withoutPassword(url);
        for (Kind kind : Kind.values()) {
            if (url.startsWith(kind.prefix)) {
                return new ChatStore(kind, kind.completeUrl(url), shown, store.getString("user"), store.getString("password"),
                        store.getDuration("h2-housekeeping"));
            }
        }
        throw new StoreUnusable("chat.store.url \"" + shown + "\" names no database the server can use; "
                + "give a jdbc:h2:... or jdbc:postgresql:... URL");
    }

    /** Whether several server processes can use this store at once: PostgreSQL can, an H2 file cannot. */
    public boolean isShared() {
        return kind == Kind.POSTGRES;
    }

    /**
     * Connects, and creates the journal's tables where they are missing. Throws
     * {@link StoreUnusable} naming the store and the cause when it cannot be used. The connection
     * stays open until the caller closes it, once the journal's own connections are up: an embedded
     * database is then opened once, not opened, closed and opened again.
     */
    public Connection prepare() {
        Connection connection = null;
        try {
            connection = connect();
            try (Statement statement = connection.createStatement()) {
                for (String ddl : schemaStatements()) {
                    statement.execute(ddl);
                }
            }
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new StoreUnusable("cannot use the store " + shownUrl + ": " + firstLine(e.getMessage()), e);
        }
    }

    private Connection connect() throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        return DriverManager.getConnection(url, credentials);
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException alsoBroken) {
                // The store is unusable already; this close cannot tell more.
            }
        }
    }

    /**
     * What an embedded H2 file needs while the server runs: the compaction its background thread
     * would do (see {@link H2Housekeeping}); nothing for other stores. Close it after the actor system.
     */
    public AutoCloseable startHousekeeping() {
        if (kind != Kind.H2 || url.startsWith(H2_IN_MEMORY)) {
            return () -> { };
        }
        try {
            return H2Housekeeping.start(connect(), housekeepingInterval);
        } catch (SQLException e) {
            throw new StoreUnusable("cannot use the store " + shownUrl + ": " + firstLine(e.getMessage()), e);
        }
    }

    /** The Pekko Persistence settings for this database, over those in server-defaults.conf. */
    public Config pekkoSettings() {
        return ConfigFactory.parseMap(Map.of(
                "pekko-persistence-jdbc.shared-databases.chat.profile", kind.slickProfile,
                "pekko-persistence-jdbc.shared-databases.chat.db.url", url,
                "pekko-persistence-jdbc.shared-databases.chat.db.driver", kind.driver));
    }

    /** The URL as logs and errors show it: without a password, if one was written into it. */
    public String shownUrl() {
        return shownUrl;
    }

    private String[] schemaStatements() {
        try (InputStream in = ChatStore.class.getClassLoader().getResourceAsStream(kind.schema)) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            return Arrays.stream(script.split(";")).map(String::strip).filter(s -> !s.isEmpty())
                    .toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String withoutPassword(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
