package chat.actors.room;

import chat.actors.CborSerializable;
import chat.actors.LocalOnly;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.RecoveryFailed;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.apache.pekko.persistence.typed.javadsl.SnapshotCountRetentionCriteria;
import org.apache.pekko.persistence.typed.DeleteEventsCompleted;
import org.apache.pekko.persistence.typed.JournalPersistFailed;
import org.apache.pekko.persistence.typed.JournalPersistRejected;

/**
 * The durable half of a room: an event-sourced actor whose events are the room's facts (opened,
 * messages, topics). Its room is its only writer and sends it one group of events at a time, so
 * every line said while a write is on its way is stored with the next write, in one transaction
 * (group commit): a room is not held to one line per round trip to the store.
 *
 * <p>The members of a room live in its {@code RoomActor}, not here: when the store fails, Pekko
 * restarts this actor (with backoff) and recovers it from the store, and the room keeps its
 * members meanwhile. Every start and restart ends with {@link Recovered}, which also tells the
 * room which of the events it was waiting for did reach the store.
 */
public final class RoomJournal extends EventSourcedBehavior<RoomJournal.Command, RoomEvent, RoomJournal.State> {

    public sealed interface Command extends LocalOnly {}

    /** Store these events as one write; answered with {@link Appended} once they are durable. */
    public record Append(List<RoomEvent> events) implements Command {
        public Append {
            events = List.copyOf(events);
        }
    }

    /** What the journal tells its room. */
    public sealed interface Report extends LocalOnly {}

    /** Recovery finished, at start or after a failure: this is what the store holds. */
    public record Recovered(State state) implements Report {}

    /** The last {@link Append} is durable; {@code state} includes it. */
    public record Appended(State state) implements Report {}

    /**
     * The last write failed; a restart and a {@link Recovered} follow once the store answers again
     * (or, for a rejected write, this journal stops and its room starts another).
     */
    public record WriteFailed(String cause) implements Report {}

    /**
     * The store refused the last write for its constraints, so none of it is stored: another actor
     * of this room (a split brain's other side) took its sequence numbers first. A restart and a
     * {@link Recovered} with what that writer stored follow.
     */
    public record WriteRefused(String cause) implements Report {}

    /** The store could not be read; the journal tries again after a backoff. */
    public record RecoveryFailedReport(String cause) implements Report {}

    /** Retention deleted the oldest events, the last of those the directory is rebuilt from among them. */
    public record OldEventsDeleted() implements Report {}

    /**
     * How often a snapshot is stored, and how many messages (and other events) are kept at least.
     * Pekko deletes the events older than the newest {@code snapshotsKept} snapshots' span, so a
     * room keeps between {@code keep} and {@code keep} plus one snapshot span of events.
     */
    public record Retention(int snapshotEvery, int snapshotsKept, boolean deletesEvents) {

        /** Snapshots are kept to a handful: a large {@code keepMessages} spaces them further apart instead. */
        static final int MOST_SNAPSHOTS_KEPT = 20;
        private static final int SNAPSHOTS_KEPT_WITHOUT_RETENTION = 2;

        /** {@code keepMessages} 0 keeps every event. */
        public static Retention of(int snapshotEvery, long keepMessages) {
            if (keepMessages <= 0) {
                return new Retention(snapshotEvery, SNAPSHOTS_KEPT_WITHOUT_RETENTION, false);
            }
            int kept = (int) Math.min(MOST_SNAPSHOTS_KEPT, Math.max(1, ceilDiv(keepMessages, snapshotEvery)));
            int every = (int) Math.max(snapshotEvery, ceilDiv(keepMessages, kept));
            return new Retention(every, kept, true);
        }

        private static long ceilDiv(long a, long b) {
            return (a + b - 1) / b;
        }
    }

    /**
     * A room's stored state. {@code name} and {@code epoch} are null until the room's first event;
     * {@code seq} is the last message's, {@code positions} where its messages are in the journal,
     * {@code directoryPosition} the journal's number of the room's last {@code Opened}: once
     * retention deletes it, the directory rebuilt from the store would no longer find the room (a
     * later topic does not help: the directory takes a topic only for a room it has seen opened).
     */
    public record State(String name, String epoch, long seq, String topic, JournalPositions positions,
                        long directoryPosition, RoomRules rules) implements CborSerializable {

        static final State EMPTY = new State(null, null, 0, "", JournalPositions.EMPTY, 0, RoomRules.NONE);

        public State {
            // A snapshot stored before rooms had rules has none.
            rules = rules == null ? RoomRules.NONE : rules;
        }

        public boolean isEmpty() {
            return name == null;
        }

        /** How many events the journal holds for the room, deleted ones included: the last one's number. */
        public long events() {
            return positions.messages() + positions.others();
        }

        State apply(RoomEvent event) {
            if (event instanceof RoomEvent.MessagePosted posted) {
                return new State(name, epoch, posted.seq(), topic, positions.withMessage(), directoryPosition, rules);
            }
            JournalPositions after = positions.withOther();
            long position = after.messages() + after.others();
            if (event instanceof RoomEvent.TopicSet set) {
                return new State(name, epoch, seq, set.topic(), after, directoryPosition, rules);
            }
            if (event instanceof RoomEvent.RulesSet set) {
                return new State(name, epoch, seq, topic, after, directoryPosition, set.rules());
            }
            RoomEvent.Opened opened = (RoomEvent.Opened) event;
            return new State(opened.name(), opened.epoch(), seq, topic, after, position, rules);
        }
    }

    /** The tag of the events the directory of rooms is rebuilt from after a restart. */
    public static final String DIRECTORY_TAG = "room";
    private static final String ENTITY_TYPE = "room";
    private static final double BACKOFF_RANDOM_FACTOR = 0.2;

    private final ActorRef<Report> room;
    private final Retention retention;

    public static PersistenceId persistenceId(String roomKey) {
        return PersistenceId.of(ENTITY_TYPE, roomKey);
    }

    /**
     * Every {@code retention.snapshotEvery()} events a snapshot is stored, so a room recovers from
     * its last snapshot and the few events after it, never from its whole history.
     */
    public static Behavior<Command> create(String roomKey, ActorRef<Report> room, Retention retention,
                                           Duration minBackoff, Duration maxBackoff) {
        return Behaviors.setup(context -> new RoomJournal(roomKey, room, retention, minBackoff, maxBackoff));
    }

    private RoomJournal(String roomKey, ActorRef<Report> room, Retention retention, Duration minBackoff,
                        Duration maxBackoff) {
        super(persistenceId(roomKey),
                SupervisorStrategy.restartWithBackoff(minBackoff, maxBackoff, BACKOFF_RANDOM_FACTOR));
        this.room = room;
        this.retention = retention;
    }

    @Override
    public State emptyState() {
        return State.EMPTY;
    }

    @Override
    public CommandHandler<Command, RoomEvent, State> commandHandler() {
        return newCommandHandlerBuilder().forAnyState()
                .onCommand(Append.class, (state, append) -> Effect().persist(append.events())
                        .thenRun(stored -> room.tell(new Appended(stored))))
                .build();
    }

    @Override
    public EventHandler<State, RoomEvent> eventHandler() {
        return State::apply;
    }

    @Override
    public SignalHandler<State> signalHandler() {
        return newSignalHandlerBuilder()
                .onSignal(RecoveryCompleted.instance(), state -> room.tell(new Recovered(state)))
                .onSignal(RecoveryFailed.class, (state, failed) -> room.tell(new RecoveryFailedReport(describe(failed.getFailure()))))
                .onSignal(DeleteEventsCompleted.class, (state, deleted) -> {
                    if (deleted.getToSequenceNr() >= state.directoryPosition()) {
                        room.tell(new OldEventsDeleted());
                    }
                })
                .onSignal(JournalPersistFailed.class, (state, failed) -> room.tell(writeFailure(failed.getFailure())))
                // A rejected write (an event the journal refuses) stops this actor; the room starts another.
                .onSignal(JournalPersistRejected.class, (state, rejected) -> room.tell(new WriteFailed(
                        "rejected: " + describe(rejected.getFailure()))))
                .build();
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        SnapshotCountRetentionCriteria snapshots = RetentionCriteria.snapshotEvery(retention.snapshotEvery(), retention.snapshotsKept());
        return retention.deletesEvents() ? snapshots.withDeleteEventsOnSnapshot() : snapshots;
    }

    @Override
    public Set<String> tagsFor(RoomEvent event) {
        return event instanceof RoomEvent.MessagePosted ? Set.of() : Set.of(DIRECTORY_TAG);
    }

    /**
     * Serializes one event of each kind and a state, so that the first line said after start does
     * not wait for Jackson to build its serializers (a few hundred milliseconds).
     */
    public static void warmUp(ActorSystem<?> system) {
        Serialization serialization = SerializationExtension.get(system);
        List.<Object>of(new RoomEvent.Opened("warm-up", "0"), new RoomEvent.MessagePosted(1, "warm-up", "", Instant.EPOCH),
                        new RoomEvent.TopicSet("", "warm-up"), new RoomEvent.RulesSet(RoomRules.NONE), State.EMPTY)
                .forEach(sample -> serialization.deserialize(serialization.serialize(sample).get(),
                        serialization.findSerializerFor(sample).identifier(), Serializers.manifestFor(
                                serialization.findSerializerFor(sample), sample)).get());
    }

    private static Report writeFailure(Throwable failure) {
        String cause = describe(failure);
        return violatesConstraint(failure) ? new WriteRefused(cause) : new WriteFailed(cause);
    }

    /**
     * SQLSTATE class 23, an integrity constraint violation: the database refused the write and
     * rolled it back, unlike a failure in transit, after which the write may or may not be stored.
     */
    private static boolean violatesConstraint(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
