package chat.actors.room;

import java.util.Arrays;

/**
 * Where a room's messages sit in its journal. A journal numbers every event, a room numbers only
 * its messages ({@code seq}); the other events (the opening, topics) push messages further along.
 * This keeps, for every block of {@link #BLOCK} messages, how many other events came before the
 * block's first message: a few bytes per thousand messages, enough to turn a range of {@code seq}s
 * into a range of the journal that holds them, however the other events are spread.
 *
 * <p>Immutable: a room's stored state may be written as a snapshot while the room goes on.
 */
public record JournalPositions(long[] othersBeforeBlock, long others, long messages) {

    static final int BLOCK = 1024;

    public static final JournalPositions EMPTY = new JournalPositions(new long[0], 0, 0);

    /** After one more message: a message that opens a block records what came before it. */
    public JournalPositions withMessage() {
        long[] blocks = othersBeforeBlock;
        if (messages % BLOCK == 0) {
            blocks = Arrays.copyOf(blocks, blocks.length + 1);
            blocks[blocks.length - 1] = others;
        }
        return new JournalPositions(blocks, others, messages + 1);
    }

    /** After one more event that is not a message. */
    public JournalPositions withOther() {
        return new JournalPositions(othersBeforeBlock, others + 1, messages);
    }

    /** The first journal sequence number that may hold message {@code seq}. */
    public long firstPositionOf(long seq) {
        return seq + othersBeforeBlock[block(seq)];
    }

    /** The last journal sequence number that may hold message {@code seq}. */
    public long lastPositionOf(long seq) {
        int next = block(seq) + 1;
        return seq + (next < othersBeforeBlock.length ? othersBeforeBlock[next] : others);
    }

    private static int block(long seq) {
        return (int) ((seq - 1) / BLOCK);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JournalPositions that && others == that.others && messages == that.messages
                && Arrays.equals(othersBeforeBlock, that.othersBeforeBlock);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(messages) * 31 + Long.hashCode(others);
    }

    @Override
    public String toString() {
        return "JournalPositions[messages=" + messages + ", others=" + others + ", blocks=" + othersBeforeBlock.length + "]";
    }
}
