package chat.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares a received frame with a {@link FramePattern}, capturing variables on the way. Objects
 * match strictly: a field the pattern does not list fails, at every level, except {@code ts}
 * (the server's clock), which is never compared.
 */
final class FrameMatcher {

    /** Present in messages and whispers with the server's time: a transcript cannot know it. */
    static final String UNCOMPARED_FIELD = "ts";

    private FrameMatcher() {}

    static Outcome match(FramePattern pattern, JsonNode actual, Bindings bindings) {
        return match(pattern, actual, bindings, "");
    }

    private static Outcome match(FramePattern pattern, JsonNode actual, Bindings bindings, String path) {
        if (pattern instanceof FramePattern.AnyValue) {
            return new Outcome.Matched(bindings);
        }
        if (pattern instanceof FramePattern.Absent) {
            return new Outcome.Mismatch(path, () -> "expected no such field, got " + actual);
        }
        if (pattern instanceof FramePattern.Literal literal) {
            return sameValue(literal.value(), actual)
                    ? new Outcome.Matched(bindings)
                    : new Outcome.Mismatch(path, () -> "expected " + literal.value() + ", got " + actual);
        }
        if (pattern instanceof FramePattern.Variable variable) {
            return variable(variable, actual, bindings, path);
        }
        if (pattern instanceof FramePattern.Offset offset) {
            return offset(offset, actual, bindings, path);
        }
        if (pattern instanceof FramePattern.AnyOf anyOf) {
            return anyOf(anyOf, actual, bindings, path);
        }
        if (pattern instanceof FramePattern.ObjectShape shape) {
            return object(shape, actual, bindings, path);
        }
        return array((FramePattern.ArrayShape) pattern, actual, bindings, path);
    }

    private static Outcome variable(FramePattern.Variable variable, JsonNode actual, Bindings bindings, String path) {
        JsonNode bound = bindings.get(variable.name()).orElse(null);
        if (bound == null) {
            return new Outcome.Matched(bindings.with(variable.name(), actual));
        }
        return sameValue(bound, actual)
                ? new Outcome.Matched(bindings)
                : new Outcome.Mismatch(path, () -> "expected $" + variable.name() + " = " + bound + ", got " + actual);
    }

    private static Outcome offset(FramePattern.Offset offset, JsonNode actual, Bindings bindings, String path) {
        JsonNode bound = bindings.get(offset.name()).orElse(null);
        String expression = "$" + offset.name() + (offset.delta() >= 0 ? "+" : "") + offset.delta();
        if (bound == null || !bound.isIntegralNumber()) {
            return new Outcome.Mismatch(path, () -> expression + " needs $" + offset.name() + " to hold a whole number, it holds " + bound);
        }
        JsonNode expected = JsonNodeFactory.instance.numberNode(bound.longValue() + offset.delta());
        return sameValue(expected, actual)
                ? new Outcome.Matched(bindings)
                : new Outcome.Mismatch(path, () -> "expected " + expression + " = " + expected + ", got " + actual);
    }

    private static Outcome anyOf(FramePattern.AnyOf anyOf, JsonNode actual, Bindings bindings, String path) {
        List<Outcome> misses = new ArrayList<>();
        for (FramePattern alternative : anyOf.alternatives()) {
            Outcome outcome = match(alternative, actual, bindings, path);
            if (outcome instanceof Outcome.Matched) {
                return outcome;
            }
            misses.add(outcome);
        }
        return new Outcome.Mismatch(path, () -> "none of the " + misses.size() + " alternatives fits: "
                + misses.stream().map(Object::toString).collect(java.util.stream.Collectors.joining("; ")));
    }

    private static Outcome object(FramePattern.ObjectShape shape, JsonNode actual, Bindings bindings, String path) {
        if (!actual.isObject()) {
            return new Outcome.Mismatch(path, () -> "expected an object, got " + actual);
        }
        Bindings current = bindings;
        for (Map.Entry<String, FramePattern> field : shape.fields().entrySet()) {
            String fieldPath = path + "." + field.getKey();
            JsonNode value = actual.get(field.getKey());
            if (field.getValue() instanceof FramePattern.Absent) {
                if (value != null) {
                    return new Outcome.Mismatch(fieldPath, () -> "expected no such field, got " + value);
                }
                continue;
            }
            if (value == null) {
                return new Outcome.Mismatch(fieldPath, () -> "missing");
            }
            Outcome outcome = match(field.getValue(), value, current, fieldPath);
            if (outcome instanceof Outcome.Mismatch) {
                return outcome;
            }
            current = ((Outcome.Matched) outcome).bindings();
        }
        for (Map.Entry<String, JsonNode> field : actual.properties()) {
            if (!shape.fields().containsKey(field.getKey()) && !field.getKey().equals(UNCOMPARED_FIELD)) {
                String fieldPath = path + "." + field.getKey();
                return new Outcome.Mismatch(fieldPath, () -> "unexpected field, the line does not list it: " + field.getValue());
            }
        }
        return new Outcome.Matched(current);
    }

    private static Outcome array(FramePattern.ArrayShape shape, JsonNode actual, Bindings bindings, String path) {
        if (!actual.isArray()) {
            return new Outcome.Mismatch(path, () -> "expected an array, got " + actual);
        }
        List<FramePattern> expected = shape.elements();
        boolean sizeFits = shape.open() ? actual.size() >= expected.size() : actual.size() == expected.size();
        if (!sizeFits) {
            return new Outcome.Mismatch(path, () -> "expected " + (shape.open() ? "at least " : "") + expected.size()
                    + " elements, got " + actual.size() + ": " + actual);
        }
        if (shape.anyOrder()) {
            List<JsonNode> candidates = new ArrayList<>();
            actual.forEach(candidates::add);
            Bindings assigned = Assignment.find(expected, candidates, bindings, FrameMatcher::match);
            return assigned != null
                    ? new Outcome.Matched(assigned)
                    : new Outcome.Mismatch(path, () -> "no arrangement of the " + expected.size()
                            + " listed elements fits " + actual);
        }
        Bindings current = bindings;
        for (int i = 0; i < expected.size(); i++) {
            Outcome outcome = match(expected.get(i), actual.get(i), current, path + "[" + i + "]");
            if (outcome instanceof Outcome.Mismatch) {
                return outcome;
            }
            current = ((Outcome.Matched) outcome).bindings();
        }
        return new Outcome.Matched(current);
    }

    static boolean sameValue(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return expected.equals(actual);
    }
}
