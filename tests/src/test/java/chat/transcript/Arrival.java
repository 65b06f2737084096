package chat.transcript;

import java.nio.charset.StandardCharsets;

/** What a client sees arrive: a line the server wrote, or the end of the connection. */
sealed interface Arrival {

    /** One line without its newline, as the server wrote it. */
    record Line(byte[] bytes) implements Arrival {
        @Override
        public String toString() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    record Closed() implements Arrival {
        @Override
        public String toString() {
            return "(connection closed by the server)";
        }
    }
}
