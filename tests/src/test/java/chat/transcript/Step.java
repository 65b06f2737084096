package chat.transcript;

import java.time.Duration;
import java.util.List;

/** One line of a transcript; {@code line} is its 1-based line number, {@code source} its text. */
sealed interface Step {

    int line();

    String source();

    /** {@code alice connects}: opens a connection without sending anything. */
    record Connect(int line, String source, String client) implements Step {}

    /** {@code alice > {...}}: sends the line and a newline, connecting first if needed. */
    record Send(int line, String source, String client, SendTemplate template) implements Step {}

    /** {@code alice sends raw ...}: sends exactly these bytes, nothing added. */
    record SendRaw(int line, String source, String client, byte[] bytes) implements Step {}

    /** {@code alice < {...}}: the next frame alice receives must match. */
    record Expect(int line, String source, String client, FramePattern frame) implements Step {}

    /** {@code alice < nothing}: alice receives nothing for a moment. */
    record ExpectNothing(int line, String source, String client) implements Step {}

    /** {@code alice < closed}: the server closes alice's connection, with no frame before that. */
    record ExpectClosed(int line, String source, String client) implements Step {}

    /** {@code in any order:} then indented expectations: per client, the next frames match them in some order. */
    record AnyOrder(int line, String source, List<Expect> expectations) implements Step {
        public AnyOrder {
            expectations = List.copyOf(expectations);
        }
    }

    /** {@code alice stops sending}: closes the sending side only, as {@code nc -N} does; answers still arrive. */
    record StopSending(int line, String source, String client) implements Step {}

    /** {@code alice stops reading}: alice takes nothing more off the wire, like a frozen client. */
    record StopReading(int line, String source, String client) implements Step {}

    /** {@code alice drops}: the connection goes away without {@code bye}. */
    record Drop(int line, String source, String client) implements Step {}

    /** {@code server shuts down}: the graceful shutdown an operator starts. */
    record ShutDown(int line, String source) implements Step {}

    /** {@code wait 300ms}: lets time pass, for timeouts. */
    record Wait(int line, String source, Duration duration) implements Step {}
}
