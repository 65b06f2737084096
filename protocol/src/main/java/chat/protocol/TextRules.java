package chat.protocol;

import java.util.Optional;

/** What message text and topics may contain. */
public final class TextRules {

    /** Unicode's own line breaks, which text views honour like a newline. */
    private static final char LINE_SEPARATOR = '\u2028';
    private static final char PARAGRAPH_SEPARATOR = '\u2029';

    private TextRules() {}

    /**
     * Why {@code text} may not be sent as a message, or empty when it may: 1..maxCodePoints code
     * points; newline and tab are the only control characters allowed.
     */
    public static Optional<String> messageProblem(String text, int maxCodePoints) {
        if (text == null || text.isEmpty()) {
            return Optional.of("text is empty");
        }
        return problem(text, maxCodePoints, true);
    }

    /** Why {@code topic} may not be set, or empty when it may: at most maxCodePoints, one line. */
    public static Optional<String> topicProblem(String topic, int maxCodePoints) {
        return problem(topic, maxCodePoints, false);
    }

    private static Optional<String> problem(String text, int maxCodePoints, boolean multiline) {
        int count = text.codePointCount(0, text.length());
        if (count > maxCodePoints) {
            return Optional.of("text has " + count + " characters, the limit is " + maxCodePoints);
        }
        for (int index = 0; index < text.length(); index++) {
            char c = text.charAt(index);
            boolean allowedControl = c == '\t' || (multiline && c == '\n');
            if (Character.isISOControl(c) && !allowedControl) {
                return Optional.of(String.format("control character U+%04X is not allowed", (int) c));
            }
            if (!multiline && (c == LINE_SEPARATOR || c == PARAGRAPH_SEPARATOR)) {
                return Optional.of(String.format("line break U+%04X is not allowed in a single line", (int) c));
            }
            if (Character.isSurrogate(c) && !pairedAt(text, index)) {
                return Optional.of("text holds a lone surrogate");
            }
            if (Character.isHighSurrogate(c)) {
                index++;
            }
        }
        return Optional.empty();
    }

    private static boolean pairedAt(String text, int index) {
        return Character.isHighSurrogate(text.charAt(index))
                && index + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(index + 1));
    }

    /** True when every surrogate in {@code text} is part of a pair, so it can be sent as UTF-8. */
    public static boolean isWellFormed(String text) {
        for (int index = 0; index < text.length(); index++) {
            char c = text.charAt(index);
            if (Character.isSurrogate(c)) {
                if (!pairedAt(text, index)) {
                    return false;
                }
                index++;
            }
        }
        return true;
    }
}
