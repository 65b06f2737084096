package chat.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * A line to send, as written: sent byte for byte, except that {@code $name} and
 * {@code $name+1} outside of strings become the captured value. Not parsed as JSON, so broken
 * frames can be sent on purpose.
 */
record SendTemplate(String text, List<String> variables) {

    SendTemplate {
        variables = List.copyOf(variables);
    }

    static SendTemplate of(String text) {
        List<String> names = new ArrayList<>();
        scan(text, (name, delta) -> {
            names.add(name);
            return "";
        });
        return new SendTemplate(text, names);
    }

    /** The line with every variable replaced by its value. */
    String render(Bindings bindings) {
        return scan(text, (name, delta) -> {
            JsonNode value = bindings.get(name)
                    .orElseThrow(() -> new IllegalStateException("$" + name + " has not been captured yet"));
            if (delta == 0) {
                return value.toString();
            }
            if (!value.isIntegralNumber()) {
                throw new IllegalStateException("$" + name + " holds " + value + ", not a whole number");
            }
            return JsonNodeFactory.instance.numberNode(value.longValue() + delta).toString();
        });
    }

    private interface Substitution {
        String valueOf(String name, long delta);
    }

    private static String scan(String text, Substitution substitution) {
        StringBuilder out = new StringBuilder();
        boolean inString = false;
        int pos = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (inString) {
                out.append(c);
                if (c == '\\' && pos + 1 < text.length()) {
                    out.append(text.charAt(++pos));
                } else if (c == '"') {
                    inString = false;
                }
                pos++;
                continue;
            }
            if (c == '"') {
                inString = true;
            }
            int nameEnd = pos + 1;
            while (c == '$' && nameEnd < text.length() && isNameChar(text.charAt(nameEnd))) {
                nameEnd++;
            }
            if (nameEnd == pos + 1) {
                out.append(c);
                pos++;
                continue;
            }
            String name = text.substring(pos + 1, nameEnd);
            int end = nameEnd;
            long delta = 0;
            if (end + 1 < text.length() && (text.charAt(end) == '+' || text.charAt(end) == '-')
                    && Character.isDigit(text.charAt(end + 1))) {
                int digitsEnd = end + 1;
                while (digitsEnd < text.length() && Character.isDigit(text.charAt(digitsEnd))) {
                    digitsEnd++;
                }
                long magnitude = Long.parseLong(text.substring(end + 1, digitsEnd));
                delta = text.charAt(end) == '-' ? -magnitude : magnitude;
                end = digitsEnd;
            }
            out.append(substitution.valueOf(name, delta));
            pos = end;
        }
        return out.toString();
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
