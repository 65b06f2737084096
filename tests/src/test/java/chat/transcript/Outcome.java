package chat.transcript;

/** Whether a frame matched a pattern: with the captures it added, or where and why it did not. */
sealed interface Outcome {

    record Matched(Bindings bindings) implements Outcome {}

    /** {@code path} names the part that differs, e.g. {@code .history[1].text}. */
    record Mismatch(String path, String reason) implements Outcome {
        @Override
        public String toString() {
            return (path.isEmpty() ? "the frame" : path) + ": " + reason;
        }
    }
}
