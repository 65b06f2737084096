package chat.client.testing;

import chat.protocol.ServerFrame;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

/** Server frames as a test writes them: short, with the fields that matter. */
public final class Frames {

    public static final Instant T0 = Instant.parse("2026-11-27T12:00:00.000Z");

    private Frames() {}

    public static ServerFrame.Welcome welcome(String nick) {
        return new ServerFrame.Welcome(nick, 1, "test/1", 30, "Hello from the test server", null);
    }

    public static ServerFrame.Message message(String room, String from, String text, long seq) {
        return new ServerFrame.Message(room, from, text, seq, T0.plusSeconds(seq), null);
    }

    /** Messages {@code first..last} in {@code room}, said by bob, with text "m<seq>". */
    public static List<ServerFrame.Message> messages(String room, long first, long last) {
        return LongStream.rangeClosed(first, last).mapToObj(seq -> message(room, "bob", "m" + seq, seq)).toList();
    }

    /** The epoch the test server's rooms have, unless a test says their history started over. */
    public static final String EPOCH = "e1";

    public static ServerFrame.Joined joined(String room, List<String> members, List<ServerFrame.Message> history, String re) {
        return new ServerFrame.Joined(room, "", members, history, EPOCH, re);
    }
}
