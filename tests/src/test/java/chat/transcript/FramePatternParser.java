package chat.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the expectation notation: JSON plus {@code $name}, {@code $name+1}, {@code $_},
 * {@code absent}, {@code ~[...]}, a trailing {@code ...} in arrays and {@code a | b}. The value given for a
 * field called {@code ts} is never compared: only its presence counts.
 */
final class FramePatternParser {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String IGNORED_FIELD = "ts";

    private final String text;
    private int pos;

    private FramePatternParser(String text) {
        this.text = text;
    }

    /** @throws IllegalArgumentException naming the column where the text stops making sense */
    static FramePattern parse(String text) {
        FramePatternParser parser = new FramePatternParser(text);
        parser.skipSpace();
        FramePattern pattern = parser.value();
        parser.skipSpace();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected text after the frame");
        }
        return pattern;
    }

    /** One value, or several separated by {@code |}: alternatives. */
    private FramePattern value() {
        FramePattern first = single();
        skipSpace();
        if (!lookingAt("|")) {
            return first;
        }
        List<FramePattern> alternatives = new ArrayList<>(List.of(first));
        while (lookingAt("|")) {
            pos++;
            skipSpace();
            alternatives.add(single());
            skipSpace();
        }
        return new FramePattern.AnyOf(alternatives);
    }

    private FramePattern single() {
        if (pos >= text.length()) {
            throw error("the frame ends too early");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array(false);
            case '~':
                pos++;
                if (!lookingAt("[")) {
                    throw error("~ goes right before an array: ~[\"a\", \"b\"]");
                }
                return array(true);
            case '"':
                return new FramePattern.Literal(NODES.textNode(string()));
            case '$':
                return variable();
            default:
                break;
        }
        if (c == '-' || Character.isDigit(c)) {
            return new FramePattern.Literal(number());
        }
        for (Map.Entry<String, FramePattern> word : Map.of(
                "true", (FramePattern) new FramePattern.Literal(NODES.booleanNode(true)),
                "false", new FramePattern.Literal(NODES.booleanNode(false)),
                "null", new FramePattern.Literal(NODES.nullNode()),
                "absent", new FramePattern.Absent()).entrySet()) {
            if (lookingAtWord(word.getKey())) {
                pos += word.getKey().length();
                return word.getValue();
            }
        }
        throw error("expected a value");
    }

    private FramePattern object() {
        pos++;
        Map<String, FramePattern> fields = new LinkedHashMap<>();
        skipSpace();
        if (lookingAt("}")) {
            pos++;
            return new FramePattern.ObjectShape(fields);
        }
        while (true) {
            skipSpace();
            if (!lookingAt("\"")) {
                throw error("expected a field name in double quotes");
            }
            int fieldStart = pos;
            String name = string();
            if (fields.containsKey(name)) {
                pos = fieldStart;
                throw error("field \"" + name + "\" is listed twice");
            }
            skipSpace();
            expect(':');
            skipSpace();
            FramePattern value = value();
            fields.put(name, name.equals(IGNORED_FIELD) && !(value instanceof FramePattern.Absent) ? new FramePattern.AnyValue() : value);
            skipSpace();
            if (lookingAt(",")) {
                pos++;
                continue;
            }
            expect('}');
            return new FramePattern.ObjectShape(fields);
        }
    }

    private FramePattern array(boolean anyOrder) {
        pos++;
        List<FramePattern> elements = new ArrayList<>();
        skipSpace();
        if (lookingAt("]")) {
            pos++;
            return new FramePattern.ArrayShape(elements, anyOrder, false);
        }
        while (true) {
            skipSpace();
            if (lookingAt("...")) {
                pos += 3;
                skipSpace();
                expect(']');
                return new FramePattern.ArrayShape(elements, anyOrder, true);
            }
            elements.add(value());
            skipSpace();
            if (lookingAt(",")) {
                pos++;
                continue;
            }
            expect(']');
            return new FramePattern.ArrayShape(elements, anyOrder, false);
        }
    }

    private FramePattern variable() {
        pos++;
        if (lookingAt("_") && !isNameChar(pos + 1)) {
            pos++;
            return new FramePattern.AnyValue();
        }
        String name = name();
        if (lookingAt("+") || lookingAt("-")) {
            boolean minus = text.charAt(pos) == '-';
            pos++;
            int start = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw error("expected a whole number after $" + name + (minus ? "-" : "+"));
            }
            long delta = Long.parseLong(text.substring(start, pos));
            return new FramePattern.Offset(name, minus ? -delta : delta);
        }
        return new FramePattern.Variable(name);
    }

    private String name() {
        int start = pos;
        while (isNameChar(pos)) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a variable name after $ (letters, digits, _)");
        }
        return text.substring(start, pos);
    }

    private boolean isNameChar(int index) {
        if (index >= text.length()) {
            return false;
        }
        char c = text.charAt(index);
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private JsonNode number() {
        int start = pos;
        if (lookingAt("-")) {
            pos++;
        }
        while (pos < text.length() && "0123456789.eE+-".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String literal = text.substring(start, pos);
        try {
            BigDecimal value = new BigDecimal(literal);
            return literal.matches("-?\\d+") ? NODES.numberNode(value.toBigInteger()) : NODES.numberNode(value);
        } catch (NumberFormatException e) {
            pos = start;
            throw error("not a number: " + literal);
        }
    }

    private String string() {
        pos++;
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char escaped = text.charAt(pos++);
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("\\u needs four hex digits");
                    }
                    try {
                        out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException e) {
                        throw error("\\u needs four hex digits");
                    }
                    pos += 4;
                }
                default -> throw error("unknown escape \\" + escaped);
            }
        }
        throw error("a string is not closed");
    }

    private void expect(char c) {
        if (!lookingAt(String.valueOf(c))) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private boolean lookingAt(String token) {
        return text.startsWith(token, pos);
    }

    private boolean lookingAtWord(String word) {
        return text.startsWith(word, pos) && !isNameChar(pos + word.length());
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException(message + " (at character " + (pos + 1) + " of the frame)");
    }
}
