package chat.client.model;

import java.time.Instant;

/**
 * One line of a conversation. {@code seq} is the room's message number, 0 for lines that are not
 * room messages (whispers, presence, notices).
 */
public record TranscriptEntry(Kind kind, Instant time, String nick, String text, long seq, boolean own, boolean mentionsMe) {

    public enum Kind {
        /** Somebody said something (a room message or a whisper). */
        MESSAGE,
        /** Somebody came, went or changed name; shown muted. */
        PRESENCE,
        /** Information for this user: topics, room lists, help. */
        NOTICE,
        /** Something went wrong, in words for this user. */
        ERROR
    }

    public static TranscriptEntry message(Instant time, String nick, String text, long seq, boolean own, boolean mentionsMe) {
        return new TranscriptEntry(Kind.MESSAGE, time, nick, text, seq, own, mentionsMe);
    }

    public static TranscriptEntry presence(Instant time, String text) {
        return new TranscriptEntry(Kind.PRESENCE, time, null, text, 0, false, false);
    }

    public static TranscriptEntry notice(Instant time, String text) {
        return new TranscriptEntry(Kind.NOTICE, time, null, text, 0, false, false);
    }

    public static TranscriptEntry error(Instant time, String text) {
        return new TranscriptEntry(Kind.ERROR, time, null, text, 0, false, false);
    }

    public boolean isRoomMessage() {
        return seq > 0;
    }
}
