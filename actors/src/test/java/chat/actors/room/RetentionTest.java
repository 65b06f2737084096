package chat.actors.room;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code chat.history.retention.keep-messages} turned into Pekko's snapshot retention: a room
 * keeps at least the messages asked for, and at most one snapshot span more.
 */
class RetentionTest {

    @Test
    void keepingEverythingDeletesNothing() {
        assertThat(RoomJournal.Retention.of(500, 0)).isEqualTo(new RoomJournal.Retention(500, 2, false));
    }

    @Test
    void keepingLessThanASnapshotSpanKeepsOneSpan() {
        assertThat(RoomJournal.Retention.of(500, 10)).isEqualTo(new RoomJournal.Retention(500, 1, true));
    }

    @Test
    void keepingSeveralSpansKeepsEnoughSnapshotsToCoverThem() {
        RoomJournal.Retention retention = RoomJournal.Retention.of(10, 25);
        assertThat(retention).isEqualTo(new RoomJournal.Retention(10, 3, true));
        assertThat((long) retention.snapshotEvery() * retention.snapshotsKept()).as("kept at least").isGreaterThanOrEqualTo(25);
    }

    @Test
    void keepingVeryManySpacesSnapshotsFurtherApartInsteadOfKeepingMoreOfThem() {
        RoomJournal.Retention retention = RoomJournal.Retention.of(10, 1_000);
        assertThat(retention.snapshotsKept()).isEqualTo(RoomJournal.Retention.MOST_SNAPSHOTS_KEPT);
        assertThat(retention.snapshotEvery()).isEqualTo(50);
        assertThat((long) retention.snapshotEvery() * retention.snapshotsKept()).as("kept at least").isGreaterThanOrEqualTo(1_000);
    }
}
