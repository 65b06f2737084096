package chat.transcript;

import java.util.function.Supplier;

/** Whether a frame matched a pattern: with the captures it added, or where and why it did not. */
sealed interface Outcome {

    record Matched(Bindings bindings) implements Outcome {}

    /**
     * {@code path} names the part that differs, e.g. {@code .history[1].text}. The reason is
     * built only when shown: unordered matching tries many pairs that do not fit.
     */
    record Mismatch(String path, Supplier<String> reason) implements Outcome {
        @Override
        public String toString() {
            return (path.isEmpty() ? "the frame" : path) + ": " + reason.get();
        }
    }
}
