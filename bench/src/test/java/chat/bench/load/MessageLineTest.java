package chat.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.FrameCodec;
import chat.protocol.PresenceEvent;
import chat.protocol.ServerFrame;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The load generator reads send times and seq straight from the bytes the codec writes. */
class MessageLineTest {

    private final FrameCodec codec = new FrameCodec();

    @Test
    void aMessageEchoedByTheServerGivesBackItsSendTimeAndSeq() {
        byte[] line = withoutNewline(codec.encode(new ServerFrame.Message("lobby", "b7", "123456789 xxxx", 42,
                Instant.parse("2026-11-27T12:00:00.123Z"), "m3")));

        int text = MessageLine.textStart(line, 0, line.length);

        assertThat(MessageLine.isMessage(line, 0, line.length)).isTrue();
        assertThat(MessageLine.sendTime(line, text, line.length)).isEqualTo(123456789L);
        assertThat(MessageLine.seq(line, text, line.length)).isEqualTo(42);
    }

    @Test
    void theSendersEchoIsToldFromTheCopyTheOtherMembersGet() {
        ServerFrame.Message echo = new ServerFrame.Message("lobby", "b7", "123456789 \"re\":\"x\"", 42,
                Instant.parse("2026-11-27T12:00:00.123Z"), "m3");
        byte[] toSender = withoutNewline(codec.encode(echo));
        byte[] toOthers = withoutNewline(codec.encode(new ServerFrame.Message(echo.room(), echo.from(), echo.text(),
                echo.seq(), echo.ts(), null)));

        assertThat(MessageLine.isEcho(toSender, MessageLine.textStart(toSender, 0, toSender.length), toSender.length)).isTrue();
        assertThat(MessageLine.isEcho(toOthers, MessageLine.textStart(toOthers, 0, toOthers.length), toOthers.length)).isFalse();
    }

    @Test
    void someoneElsesTextIsNotTakenForASendTime() {
        byte[] line = withoutNewline(codec.encode(new ServerFrame.Message("lobby", "ann", "hello \"42\"", 1,
                Instant.parse("2026-11-27T12:00:00.123Z"), null)));

        assertThat(MessageLine.sendTime(line, MessageLine.textStart(line, 0, line.length), line.length))
                .isEqualTo(MessageLine.NOT_OURS);
    }

    @Test
    void presenceIsRecognisedAndOtherFramesAreNotMessages() {
        byte[] presence = withoutNewline(codec.encode(new ServerFrame.Presence("lobby", "ann",
                PresenceEvent.JOIN, null, null)));
        byte[] joined = withoutNewline(codec.encode(new ServerFrame.Joined("lobby", "", List.of("ann"), List.of(), "e1", null)));

        assertThat(MessageLine.isPresence(presence, 0, presence.length)).isTrue();
        assertThat(MessageLine.isMessage(joined, 0, joined.length)).isFalse();
    }

    private static byte[] withoutNewline(byte[] frame) {
        return Arrays.copyOf(frame, frame.length - 1);
    }
}
