package chat.client.ui;

import chat.client.model.TranscriptEntry;
import chat.protocol.Names;
import java.time.Duration;

/**
 * Where a line stands among its neighbours. Consecutive messages of one person form a group with
 * one header (nick and time) and one tint, as in most chat apps; {@code marked} puts the "new
 * messages" marker above the line.
 */
record RowShape(boolean startsGroup, boolean endsGroup, boolean marked) {

    /** Messages further apart than this start a new group with its own header. */
    private static final Duration GROUP_GAP = Duration.ofMinutes(5);

    /** True when {@code entry} needs a header of its own after {@code previous} (null at the top). */
    static boolean startsGroup(TranscriptEntry previous, TranscriptEntry entry) {
        if (entry.kind() != TranscriptEntry.Kind.MESSAGE) {
            return true;
        }
        return previous == null
                || previous.kind() != TranscriptEntry.Kind.MESSAGE
                || previous.own() != entry.own()
                || previous.mentionsMe() != entry.mentionsMe()
                || !Names.key(previous.nick()).equals(Names.key(entry.nick()))
                || Duration.between(previous.time(), entry.time()).compareTo(GROUP_GAP) > 0;
    }
}
