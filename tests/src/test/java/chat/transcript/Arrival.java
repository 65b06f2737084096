package chat.transcript;

import java.nio.charset.StandardCharsets;

/** What a client sees arrive: a line the server wrote, or how the connection ended. */
sealed interface Arrival {

    /** One line without its newline, as the server wrote it. */
    record Line(byte[] bytes) implements Arrival {
        @Override
        public String toString() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** The connection ended in order: everything the server wrote arrived, then its FIN. */
    record Closed() implements Arrival {
        @Override
        public String toString() {
            return "(connection closed by the server)";
        }
    }

    /** The connection was reset (RST): the server aborted it, and what it had not delivered is lost. */
    record Reset() implements Arrival {
        @Override
        public String toString() {
            return "(connection reset by the server)";
        }
    }
}
