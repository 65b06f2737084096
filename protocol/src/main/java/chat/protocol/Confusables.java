package chat.protocol;

import java.util.Map;

/**
 * A skeleton for lookalike letters: Cyrillic and Greek letters that are drawn like Latin ones
 * map to the Latin letter, so {@code аlice} (Cyrillic а) and {@code alice} are one nick.
 *
 * <p>This is the lowercase, letter-for-letter part of Unicode's confusables data (UTS #39) for
 * the scripts people mix most; input is already NFKC and case folded.
 */
final class Confusables {

    private static final Map<Integer, Integer> TO_LATIN = Map.ofEntries(
            // Cyrillic
            Map.entry(0x0430, (int) 'a'), Map.entry(0x0435, (int) 'e'), Map.entry(0x043E, (int) 'o'),
            Map.entry(0x0440, (int) 'p'), Map.entry(0x0441, (int) 'c'), Map.entry(0x0443, (int) 'y'),
            Map.entry(0x0445, (int) 'x'), Map.entry(0x0456, (int) 'i'), Map.entry(0x0458, (int) 'j'),
            Map.entry(0x0455, (int) 's'), Map.entry(0x0501, (int) 'd'), Map.entry(0x051B, (int) 'q'),
            Map.entry(0x051D, (int) 'w'), Map.entry(0x04BB, (int) 'h'), Map.entry(0x04CF, (int) 'l'),
            Map.entry(0x0491, (int) 'r'), Map.entry(0x044C, (int) 'b'), Map.entry(0x0475, (int) 'v'),
            Map.entry(0x04AF, (int) 'y'), Map.entry(0x0457, (int) 'i'),
            // Greek
            Map.entry(0x03BF, (int) 'o'), Map.entry(0x03B1, (int) 'a'), Map.entry(0x03BD, (int) 'v'),
            Map.entry(0x03B9, (int) 'i'), Map.entry(0x03BA, (int) 'k'), Map.entry(0x03C1, (int) 'p'),
            Map.entry(0x03C5, (int) 'u'), Map.entry(0x03C7, (int) 'x'), Map.entry(0x03B5, (int) 'e'),
            Map.entry(0x03B7, (int) 'n'), Map.entry(0x03C4, (int) 't'),
            // Latin letters drawn like others
            Map.entry(0x0131, (int) 'i'), Map.entry(0x0261, (int) 'g'), Map.entry(0x0251, (int) 'a'));

    private Confusables() {}

    static String skeleton(String folded) {
        StringBuilder out = null;
        for (int index = 0; index < folded.length(); ) {
            int cp = folded.codePointAt(index);
            Integer latin = TO_LATIN.get(cp);
            if (latin != null && out == null) {
                out = new StringBuilder(folded.length()).append(folded, 0, index);
            }
            if (out != null) {
                out.appendCodePoint(latin != null ? latin : cp);
            }
            index += Character.charCount(cp);
        }
        return out == null ? folded : out.toString();
    }
}
