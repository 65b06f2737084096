package chat.client.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the emoji are in a text: each one a run of code points that shows as one picture, with
 * its skin tone, joiners, variation selector or flag letters. Only emoji that are pictures by
 * default (or asked to be, with U+FE0F) count; ™ and ↔ stay text.
 */
final class Emoji {

    /** One emoji: where it is in the text. */
    record Span(int start, int end) {}

    private static final int PICTURE_SELECTOR = 0xFE0F;
    private static final int TEXT_SELECTOR = 0xFE0E;
    private static final int JOINER = 0x200D;
    private static final int KEYCAP = 0x20E3;
    /** Below U+1F000, the code points that are pictures by default (Emoji_Presentation=Yes), as ranges. */
    private static final int[][] PICTURES_BELOW_1F000 = {
        {0x231A, 0x231B}, {0x23E9, 0x23EC}, {0x23F0, 0x23F0}, {0x23F3, 0x23F3}, {0x25FD, 0x25FE}, {0x2614, 0x2615},
        {0x2648, 0x2653}, {0x267F, 0x267F}, {0x2693, 0x2693}, {0x26A1, 0x26A1}, {0x26AA, 0x26AB}, {0x26BD, 0x26BE},
        {0x26C4, 0x26C5}, {0x26CE, 0x26CE}, {0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5},
        {0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B}, {0x2728, 0x2728}, {0x274C, 0x274C},
        {0x274E, 0x274E}, {0x2753, 0x2755}, {0x2757, 0x2757}, {0x2795, 0x2797}, {0x27B0, 0x27B0}, {0x27BF, 0x27BF},
        {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55},
    };

    private Emoji() {}

    static List<Span> in(String text, int from, int to) {
        List<Span> spans = new ArrayList<>();
        int at = from;
        while (at < to) {
            int cp = text.codePointAt(at);
            int next = at + Character.charCount(cp);
            int end = picture(text, at, to).orElse(-1);
            if (end > at) {
                spans.add(new Span(at, end));
                at = end;
            } else {
                at = next;
            }
        }
        return spans;
    }

    /** The end of the emoji that starts at {@code at}, if one does. */
    private static Optional<Integer> picture(String text, int at, int to) {
        int cp = text.codePointAt(at);
        int end = at + Character.charCount(cp);
        int following = end < to ? text.codePointAt(end) : -1;
        if (regional(cp)) {
            return regional(following) ? Optional.of(end + Character.charCount(following)) : Optional.empty();
        }
        if (following == TEXT_SELECTOR || !(cp >= 0x1F000 || byDefault(cp) || (cp >= 0x2000 && following == PICTURE_SELECTOR))) {
            return Optional.empty();
        }
        while (end < to) {
            int more = text.codePointAt(end);
            if (more == PICTURE_SELECTOR || more == KEYCAP || (more >= 0x1F3FB && more <= 0x1F3FF) || (more >= 0xE0020 && more <= 0xE007F)) {
                end += Character.charCount(more);
            } else if (more == JOINER && end + 1 < to) {
                int joined = text.codePointAt(end + 1);
                end += 1 + Character.charCount(joined);
            } else {
                break;
            }
        }
        return Optional.of(end);
    }

    private static boolean regional(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    private static boolean byDefault(int cp) {
        for (int[] range : PICTURES_BELOW_1F000) {
            if (cp >= range[0] && cp <= range[1]) {
                return true;
            }
        }
        return false;
    }
}
