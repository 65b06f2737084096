package chat.transcript;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every line the IRC listener sends must satisfy, whatever the transcript lists (RFC 1459
 * and 2812, IRCv3 message-tags and server-time): CR LF at the end and nowhere else, UTF-8 (the
 * server announces UTF8ONLY), the message format, at most 512 bytes besides the tags, and tags of
 * at most 8191 bytes. Checked on every line an IRC client receives, before it is compared.
 */
final class IrcLineRules {

    /** RFC 1459: a message is at most 512 bytes, CR LF included; the tags do not count (message-tags). */
    static final int MAX_LINE_BYTES = 512;
    /** message-tags: the tags a server sends, with their {@code @} and the space after them. */
    static final int MAX_TAG_BYTES = 8191;

    private static final Pattern MESSAGE = Pattern.compile("(?:@(?<tags>[^ ]+) )?(?::[^ ]+ )?(?:[A-Za-z]+|\\d{3})(?: .*)?");
    private static final Pattern TIME_TAG = Pattern.compile("(?:^|;)time=([^;]*)");
    private static final Pattern SERVER_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

    private IrcLineRules() {}

    /** Why the line (as cut at its LF) breaks the rules, or empty when it does not. */
    static Optional<String> problem(byte[] line) {
        if (line.length == 0 || line[line.length - 1] != '\r') {
            return Optional.of("an IRC line ends with CR LF, this one with a bare LF");
        }
        for (int index = 0; index < line.length - 1; index++) {
            if (line[index] == '\r' || line[index] == 0) {
                return Optional.of("a CR or NUL inside an IRC line, at byte " + index);
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line, 0, line.length - 1))
                    .toString();
        } catch (CharacterCodingException e) {
            return Optional.of("the line is not valid UTF-8, though the server announces UTF8ONLY");
        }
        Matcher message = MESSAGE.matcher(text);
        if (!message.matches()) {
            return Optional.of("not an IRC message: [@tags] [:source] COMMAND [params], single spaces");
        }
        String tags = message.group("tags");
        int tagBytes = tags == null ? 0 : tags.getBytes(StandardCharsets.UTF_8).length + 2;
        if (tagBytes > MAX_TAG_BYTES) {
            return Optional.of("the tags take " + tagBytes + " bytes; at most " + MAX_TAG_BYTES + " are allowed");
        }
        int lineBytes = line.length + 1 - tagBytes;
        if (lineBytes > MAX_LINE_BYTES) {
            return Optional.of("the line takes " + lineBytes + " bytes besides its tags, CR LF included; IRC allows "
                    + MAX_LINE_BYTES);
        }
        if (tags != null) {
            Matcher time = TIME_TAG.matcher(tags);
            if (time.find() && !SERVER_TIME.matcher(time.group(1)).matches()) {
                return Optional.of("a time tag is UTC ISO-8601 with milliseconds (server-time), not " + time.group(1));
            }
        }
        return Optional.empty();
    }

    /** The text of a line that has no {@link #problem}: UTF-8, without its CR. */
    static String text(byte[] line) {
        return new String(line, 0, line.length - 1, StandardCharsets.UTF_8);
    }
}
