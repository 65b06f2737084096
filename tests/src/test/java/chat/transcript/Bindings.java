package chat.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The values a transcript has captured so far ({@code $s1} and friends); immutable. */
final class Bindings {

    static final Bindings NONE = new Bindings(Map.of());

    private final Map<String, JsonNode> values;

    private Bindings(Map<String, JsonNode> values) {
        this.values = values;
    }

    Optional<JsonNode> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    Bindings with(String name, JsonNode value) {
        Map<String, JsonNode> copy = new HashMap<>(values);
        copy.put(name, value);
        return new Bindings(copy);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
