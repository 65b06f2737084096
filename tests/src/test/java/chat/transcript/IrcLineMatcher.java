package chat.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a received IRC line (without its CR LF) with an {@link IrcLinePattern}, word by word,
 * capturing variables on the way. Everything but the placeholders must be equal, spaces included:
 * a word more or less fails. A captured whole number is kept as a number, so that {@code $s1}
 * taken from an IRC {@code msgid} equals a JSON {@code seq}, and the other way round.
 */
final class IrcLineMatcher {

    /** What {@code $_} and a new {@code $name} stand for: some text, but never two words or two tags. */
    private static final String FREE_TEXT = "([^ ;]+?)";
    /** Digits that read back the same as a number: {@code 007} stays text. */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?(0|[1-9]\\d{0,17})");

    private IrcLineMatcher() {}

    /** The line matches when one of the pattern's orders does; otherwise it differs from the order as written. */
    static Outcome match(IrcLinePattern pattern, String line, Bindings bindings) {
        String[] received = line.split(" ", -1);
        Outcome asWritten = null;
        for (List<IrcLinePattern.Word> order : pattern.orders()) {
            Outcome outcome = match(order, received, bindings);
            if (outcome instanceof Outcome.Matched) {
                return outcome;
            }
            asWritten = asWritten == null ? outcome : asWritten;
        }
        return asWritten;
    }

    private static Outcome match(List<IrcLinePattern.Word> expected, String[] received, Bindings bindings) {
        Bindings bound = bindings;
        for (int index = 0; index < Math.min(expected.size(), received.length); index++) {
            Outcome outcome = word(expected.get(index), received[index], bound, "word " + (index + 1));
            if (outcome instanceof Outcome.Mismatch) {
                return outcome;
            }
            bound = ((Outcome.Matched) outcome).bindings();
        }
        if (received.length < expected.size()) {
            String missing = String.join(" ", expected.subList(received.length, expected.size()).stream()
                    .map(IrcLinePattern.Word::text).toList());
            return new Outcome.Mismatch("the end", () -> "the line stops after word " + received.length + "; expected more: " + missing);
        }
        if (received.length > expected.size()) {
            String extra = String.join(" ", List.of(received).subList(expected.size(), received.length));
            return new Outcome.Mismatch("the end", () -> "the line goes on after word " + expected.size() + ": " + extra);
        }
        return new Outcome.Matched(bound);
    }

    private static Outcome word(IrcLinePattern.Word word, String actual, Bindings bindings, String where) {
        StringBuilder regex = new StringBuilder();
        List<String> captured = new ArrayList<>();
        for (IrcLinePattern.Part part : word.parts()) {
            if (part instanceof IrcLinePattern.Literal literal) {
                regex.append(Pattern.quote(literal.text()));
            } else if (part instanceof IrcLinePattern.AnyText) {
                regex.append(FREE_TEXT);
                captured.add(null);
            } else if (part instanceof IrcLinePattern.Variable variable) {
                JsonNode value = bindings.get(variable.name()).orElse(null);
                int earlier = captured.indexOf(variable.name());
                if (value != null) {
                    regex.append(Pattern.quote(asText(value)));
                } else if (earlier >= 0) {
                    regex.append("\\").append(earlier + 1);
                } else {
                    regex.append(FREE_TEXT);
                    captured.add(variable.name());
                }
            } else {
                IrcLinePattern.Offset offset = (IrcLinePattern.Offset) part;
                JsonNode value = bindings.get(offset.name()).orElse(null);
                if (value == null || !value.isIntegralNumber()) {
                    return new Outcome.Mismatch(where, () -> "$" + offset.name() + (offset.delta() < 0 ? "" : "+") + offset.delta()
                            + " needs $" + offset.name() + " to hold a whole number, it holds " + value);
                }
                regex.append(Pattern.quote(Long.toString(value.longValue() + offset.delta())));
            }
        }
        Matcher matcher = Pattern.compile(regex.toString()).matcher(actual);
        if (!matcher.matches()) {
            return new Outcome.Mismatch(where, () -> "expected " + quoted(word.text()) + ", got " + quoted(actual));
        }
        Bindings bound = bindings;
        for (int group = 0; group < captured.size(); group++) {
            if (captured.get(group) != null) {
                bound = bound.with(captured.get(group), captured(matcher.group(group + 1)));
            }
        }
        return new Outcome.Matched(bound);
    }

    /** A captured value as it appears in a line: a number as its digits, text as itself. */
    private static String asText(JsonNode value) {
        return value.isTextual() ? value.textValue() : value.toString();
    }

    private static JsonNode captured(String text) {
        return WHOLE_NUMBER.matcher(text).matches()
                ? JsonNodeFactory.instance.numberNode(Long.parseLong(text))
                : JsonNodeFactory.instance.textNode(text);
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }
}
