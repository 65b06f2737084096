package chat.actors;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.testkit.JournalOperation;
import org.apache.pekko.persistence.testkit.ProcessingPolicy;
import org.apache.pekko.persistence.testkit.ProcessingResult;
import org.apache.pekko.persistence.testkit.ProcessingSuccess;
import org.apache.pekko.persistence.testkit.WriteEvents;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;

/**
 * Pekko's in-memory store, made to keep a write waiting while a test says so: what a room is told
 * meanwhile gathers for its next write, as behind a slow disk. The store's own thread waits, never
 * the room's, and never longer than {@link #HOLD_AT_MOST}, well within a room's write timeout.
 */
final class StoreHoldingWrites {

    private static final Duration HOLD_AT_MOST = Duration.ofSeconds(3);

    /** While set, a write waits until it is counted down. */
    private final AtomicReference<CountDownLatch> held = new AtomicReference<>();

    private StoreHoldingWrites() {}

    static StoreHoldingWrites of(ActorSystem<?> system) {
        StoreHoldingWrites store = new StoreHoldingWrites();
        PersistenceTestKit.create(system).withPolicy(new ProcessingPolicy<JournalOperation>() {
            @Override
            public ProcessingResult tryProcess(String persistenceId, JournalOperation operation) {
                CountDownLatch latch = store.held.get();
                if (latch != null && operation instanceof WriteEvents) {
                    try {
                        latch.await(HOLD_AT_MOST.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return ProcessingSuccess.getInstance();
            }
        });
        return store;
    }

    /** Every write from now on waits, until {@link #answers}. */
    void holdsWrites() {
        held.set(new CountDownLatch(1));
    }

    /** The write that waits, and those after it, go through. */
    void answers() {
        held.getAndSet(null).countDown();
    }
}
