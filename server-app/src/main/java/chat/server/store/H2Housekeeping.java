package chat.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compaction H2 does in a background thread, which WRITE_DELAY=0 switches off along with the
 * delayed commit. Every commit writes a new chunk of pages, and the pages it replaced stay behind
 * in older chunks; without compaction the file grew by about 17 KB a line (52 MB for 3,000 lines).
 * Every {@code interval} this does what that thread would: it rewrites the live pages of chunks
 * that are mostly dead, and once the file is mostly empty space it moves the chunks together (H2
 * syncs the file before it overwrites anything), so the file stays near the size of what it holds.
 *
 * <p>It reaches H2's store through H2's own classes, on a connection of its own to the same
 * embedded database, from a thread of its own: nothing else in the server waits for it.
 */
final class H2Housekeeping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(H2Housekeeping.class);
    /** Chunks with fewer live pages than this share are rewritten: H2's own default target. */
    private static final int TARGET_FILL_RATE = 90;
    /** At most this much is rewritten in one round, so one round never holds the store for long. */
    private static final int MOST_BYTES_PER_ROUND = 16 * 1024 * 1024;
    /** Once the file has grown to this many times its size after the last shrink, chunks are moved together. */
    private static final int GROWTH_TO_SHRINK = 2;
    /** Smaller files are left alone: moving chunks would cost more than the space it frees. */
    private static final long SMALLEST_TO_SHRINK = 4L * 1024 * 1024;
    /** How long one round may spend moving chunks: commits wait meanwhile. */
    private static final int MOST_MILLIS_MOVING = 100;
    /** A round in progress finishes before the connection closes; a round takes milliseconds. */
    private static final Duration LAST_ROUND = Duration.ofSeconds(5);

    private final Connection connection;
    private final MVStore store;
    private final ScheduledExecutorService thread;
    private long sizeAfterShrink;

    private H2Housekeeping(Connection connection, MVStore store, Duration interval) {
        this.connection = connection;
        this.store = store;
        // Unknown at start: a file an earlier run left large (a crash, a restart mid-burst) is
        // shrunk in the first round, not only once it has doubled again.
        this.sizeAfterShrink = 0;
        this.thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread housekeeper = new Thread(task, "h2-housekeeping");
            housekeeper.setDaemon(true);
            return housekeeper;
        });
        thread.scheduleWithFixedDelay(this::compact, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts on {@code connection}, which it keeps and closes when it is closed. */
    static H2Housekeeping start(Connection connection, Duration interval) {
        SessionLocal session = (SessionLocal) ((JdbcConnection) connection).getSession();
        return new H2Housekeeping(connection, session.getDatabase().getStore().getMvStore(), interval);
    }

    private void compact() {
        try {
            if (store.isClosed()) {
                return;
            }
            store.compact(TARGET_FILL_RATE, MOST_BYTES_PER_ROUND);
            long size = store.getFileStore().size();
            if (size > SMALLEST_TO_SHRINK && size > GROWTH_TO_SHRINK * sizeAfterShrink) {
                // Moving chunks gives up old versions at once; they are kept otherwise so that a
                // reader sees a consistent version, so the usual retention time comes back after.
                int retention = store.getRetentionTime();
                store.compactFile(MOST_MILLIS_MOVING);
                store.setRetentionTime(retention);
                sizeAfterShrink = store.getFileStore().size();
            }
        } catch (RuntimeException e) {
            LOG.warn("compacting the store's file failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(LAST_ROUND.toMillis(), TimeUnit.MILLISECONDS);
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            LOG.warn("closing the store's housekeeping connection failed: {}", e.toString());
        }
    }
}
