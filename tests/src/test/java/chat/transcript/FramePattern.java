package chat.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** The shape an expected frame, or a part of it, must have; see tests/README.md for the notation. */
sealed interface FramePattern {

    /** A JSON string, number, boolean or null; numbers compare by value. */
    record Literal(JsonNode value) implements FramePattern {}

    /** {@code $name}: binds the value the first time, must equal it afterwards. */
    record Variable(String name) implements FramePattern {}

    /** {@code $name+2}: a number that many more (or fewer) than a captured one. */
    record Offset(String name, long delta) implements FramePattern {}

    /** {@code $_}: any value, as long as the field is there. */
    record AnyValue() implements FramePattern {}

    /** {@code absent}: the field must not be there. */
    record Absent() implements FramePattern {}

    /** {@code a | b}: either alternative, tried in order. */
    record AnyOf(List<FramePattern> alternatives) implements FramePattern {
        public AnyOf {
            alternatives = List.copyOf(alternatives);
        }
    }

    /**
     * The listed fields must match, and the object may have no other field, except {@code ts},
     * which is never compared (listing it only demands that it is there).
     */
    record ObjectShape(Map<String, FramePattern> fields) implements FramePattern {
        public ObjectShape {
            fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        }
    }

    /**
     * Elements in order, or in any order ({@code ~[...]}); {@code open} when the list ends with
     * {@code ...}, so that further elements are allowed.
     */
    record ArrayShape(List<FramePattern> elements, boolean anyOrder, boolean open) implements FramePattern {
        public ArrayShape {
            elements = List.copyOf(elements);
        }
    }
}
