package chat.client.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Tab completion of the word before the caret: command names at the start of a line, nicks
 * anywhere (followed by ": " when the nick starts the line, as people address each other).
 * Pressing Tab again right away cycles through the other candidates.
 */
public final class Completer {

    /** The input after completing, and where the caret goes. */
    public record Result(String text, int caret) {}

    private String original;
    private int originalCaret;
    private List<String> candidates = List.of();
    private int index;
    private String lastResult;

    public Optional<Result> complete(String text, int caret, List<String> nicks) {
        if (!text.equals(lastResult)) {
            original = text;
            originalCaret = caret;
            candidates = candidates(text, caret, nicks);
            index = -1;
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        index = (index + 1) % candidates.size();
        Result result = apply(original, originalCaret, candidates.get(index));
        lastResult = result.text();
        return Optional.of(result);
    }

    private static List<String> candidates(String text, int caret, List<String> nicks) {
        int start = wordStart(text, caret);
        String word = text.substring(start, caret).toLowerCase(Locale.ROOT);
        List<String> pool = start == 0 && word.startsWith("/") ? CommandParser.COMMANDS : nicks;
        List<String> matches = new ArrayList<>();
        for (String candidate : pool) {
            if (candidate.toLowerCase(Locale.ROOT).startsWith(word)) {
                matches.add(candidate);
            }
        }
        return matches;
    }

    private static Result apply(String text, int caret, String choice) {
        int start = wordStart(text, caret);
        String suffix = choice.startsWith("/") || start > 0 ? " " : ": ";
        String completed = text.substring(0, start) + choice + suffix;
        return new Result(completed + text.substring(caret), completed.length());
    }

    private static int wordStart(String text, int caret) {
        int start = caret;
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        return start;
    }
}
