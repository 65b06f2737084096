package chat.protocol.irc;

import chat.protocol.Timestamps;
import java.time.Instant;

/**
 * The IRCv3 tags of one line, escaped as the message-tags specification says. Only what the
 * client asked for is written: {@code time} with server-time, {@code msgid} with message-tags,
 * {@code batch} with batch.
 */
final class IrcTags {

    private IrcTags() {}

    /** The tags of a room's message or null for none; {@code batch} is null outside a batch. */
    static String of(IrcCapabilities caps, String batch, Instant ts, String msgid) {
        StringBuilder tags = new StringBuilder();
        if (batch != null && caps.has(IrcCapability.BATCH)) {
            append(tags, "batch", batch);
        }
        if (ts != null && caps.has(IrcCapability.SERVER_TIME)) {
            append(tags, "time", Timestamps.format(ts));
        }
        if (msgid != null && caps.has(IrcCapability.MESSAGE_TAGS)) {
            append(tags, "msgid", msgid);
        }
        return tags.length() == 0 ? null : tags.toString();
    }

    /** A room's line number as an id unique on this server: the room's key, then its {@code seq}. */
    static String msgid(String room, long seq, int piece) {
        return chat.protocol.Names.key(room) + "/" + seq + (piece == 0 ? "" : "." + piece);
    }

    private static void append(StringBuilder tags, String key, String value) {
        if (tags.length() > 0) {
            tags.append(';');
        }
        tags.append(key).append('=');
        for (int index = 0; index < value.length(); index++) {
            char c = value.charAt(index);
            switch (c) {
                case ';' -> tags.append("\\:");
                case ' ' -> tags.append("\\s");
                case '\\' -> tags.append("\\\\");
                case '\r' -> tags.append("\\r");
                case '\n' -> tags.append("\\n");
                default -> tags.append(c);
            }
        }
    }
}
