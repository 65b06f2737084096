package chat.transcript;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** One line of a transcript; {@code line} is its 1-based line number, {@code source} its text. */
sealed interface Step {

    int line();

    String source();

    /** {@code alice connects}, {@code alice irc connects}: opens a connection to that listener without sending anything. */
    record Connect(int line, String source, String client, Wire wire) implements Step {}

    /** {@code alice > {...}}: sends the line and a newline, connecting first if needed. */
    record Send(int line, String source, String client, SendTemplate template) implements Step {}

    /** {@code alice irc> NICK alice}: sends the IRC line and CR LF, connecting to the IRC listener first if needed. */
    record SendIrc(int line, String source, String client, String text) implements Step {}

    /**
     * {@code while server-full, up to 2s: bob > {...}}: connects and sends, and while the answer
     * is {@code error server-full} and the close after it, tries again on a new connection, for
     * at most {@code bound}. The first other answer is left for the next line.
     */
    record SendUntilAdmitted(int line, String source, String client, SendTemplate template, Duration bound)
            implements Step {}

    /** {@code alice sends raw ...}: sends exactly these bytes, nothing added. */
    record SendRaw(int line, String source, String client, byte[] bytes) implements Step {}

    /** A line that names what a client receives next: a JSON frame or an IRC line; these go inside {@code in any order:}. */
    sealed interface Expectation extends Step {
        String client();

        /** The listener whose clients receive what this line expects. */
        Wire wire();
    }

    /** {@code alice < {...}}: the next frame alice receives must match. */
    record Expect(int line, String source, String client, FramePattern frame) implements Expectation {
        @Override
        public Wire wire() {
            return Wire.JSON;
        }
    }

    /** {@code alice irc< :pekko-chat 001 alice :Welcome...}: the next IRC line alice receives must match. */
    record ExpectIrc(int line, String source, String client, IrcLinePattern pattern) implements Expectation {
        @Override
        public Wire wire() {
            return Wire.IRC;
        }
    }

    /**
     * {@code alice < nothing} or {@code alice < nothing for 1s}: alice receives nothing, and her
     * connection stays open, for that long; empty means the runner's default.
     */
    record ExpectNothing(int line, String source, String client, Optional<Duration> window) implements Step {}

    /** {@code alice < closed}: the server closes alice's connection in order, with no frame before that. */
    record ExpectClosed(int line, String source, String client) implements Step {}

    /** {@code alice < reset}: alice's connection is reset (aborted), with no frame before that. */
    record ExpectReset(int line, String source, String client) implements Step {}

    /** {@code in any order:} then indented expectations: per client, the next frames or lines match them in some order. */
    record AnyOrder(int line, String source, List<Expectation> expectations) implements Step {
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
