package chat.actors.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A page of history is read from the journal by position, and a room counts only its messages:
 * whatever topics and openings lie between them, the range a message's seq is turned into must
 * hold it, and no more than the other events of its block around it.
 */
class JournalPositionsTest {

    @Test
    void aRoomOfMessagesOnlyFindsEachMessageAtItsOwnPosition() {
        JournalPositions positions = JournalPositions.EMPTY;
        for (int i = 0; i < 3 * JournalPositions.BLOCK; i++) {
            positions = positions.withMessage();
        }
        for (long seq : List.of(1L, 2L, 1024L, 1025L, 3072L)) {
            assertThat(positions.firstPositionOf(seq)).isEqualTo(seq);
            assertThat(positions.lastPositionOf(seq)).isEqualTo(seq);
        }
    }

    @Test
    void topicsSpreadAnywhereKeepEveryMessageInsideItsRange() {
        Random random = new Random(11);
        JournalPositions positions = JournalPositions.EMPTY.withOther(); // the room's opening
        long journal = 1;
        List<Long> positionOfSeq = new ArrayList<>();
        positionOfSeq.add(0L); // seqs count from 1
        // Other events after a block's first message and before the next block's first.
        List<Long> othersInBlock = new ArrayList<>();
        for (int seq = 1; seq <= 5 * JournalPositions.BLOCK + 17; seq++) {
            othersInBlock.add(0L);
            while (random.nextInt(40) == 0) {
                positions = positions.withOther();
                journal++;
                if (seq > 1) {
                    int blockOfPreviousMessage = (seq - 2) / JournalPositions.BLOCK;
                    othersInBlock.set(blockOfPreviousMessage, othersInBlock.get(blockOfPreviousMessage) + 1);
                }
            }
            positions = positions.withMessage();
            journal++;
            positionOfSeq.add(journal);
        }

        assertThat(positions.messages()).isEqualTo(positionOfSeq.size() - 1);
        assertThat(positions.others()).isEqualTo(journal - positions.messages());
        for (int seq = 1; seq < positionOfSeq.size(); seq++) {
            long actual = positionOfSeq.get(seq);
            long first = positions.firstPositionOf(seq);
            long last = positions.lastPositionOf(seq);
            assertThat(actual).as("seq %d", seq).isBetween(first, last);
            assertThat(last - first).as("seq %d: the range spans its block's other events, no more", seq)
                    .isEqualTo(othersInBlock.get((seq - 1) / JournalPositions.BLOCK));
        }
    }

    @Test
    void theNewestMessageReachesUpToTheNewestEvent() {
        JournalPositions positions = JournalPositions.EMPTY.withOther().withMessage().withOther().withOther();
        assertThat(positions.firstPositionOf(1)).isEqualTo(2);
        assertThat(positions.lastPositionOf(1)).as("topics after it may still be ahead of it").isEqualTo(4);
    }

    @Test
    void aSnapshotEqualsTheStateItWasTakenFrom() {
        JournalPositions one = JournalPositions.EMPTY.withOther().withMessage().withMessage();
        JournalPositions same = JournalPositions.EMPTY.withOther().withMessage().withMessage();
        assertThat(same).isEqualTo(one).hasSameHashCodeAs(one);
        assertThat(one.withOther()).isNotEqualTo(one);
        assertThat(one.withMessage()).isNotEqualTo(one);
        assertThat(new JournalPositions(new long[] {1}, 1, 2)).isNotEqualTo(new JournalPositions(new long[] {0}, 1, 2));
        assertThat(one).hasToString("JournalPositions[messages=2, others=1, blocks=1]");
    }
}
