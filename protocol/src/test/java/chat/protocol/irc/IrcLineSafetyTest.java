package chat.protocol.irc;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ClientFrame;
import chat.protocol.ErrorCode;
import chat.protocol.PresenceEvent;
import chat.protocol.ServerFrame;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What no client can get past the listener, and what no text can do to the lines the listener writes. */
class IrcLineSafetyTest {

    /** Text that would end a line and start a command of its own if it went out as it is. */
    private static final String SMUGGLED = "fine\r\nQUIT :smuggled\nPRIVMSG #lobby :\0x\r";
    private static final Instant NOON = Instant.parse("2026-11-27T12:00:00Z");

    private final IrcClient alice = IrcClient.inRoom("alice", "lobby");

    @Test
    void aLineOverFiveHundredTenBytesIsRefusedWithItsNumericAndReachesNoSession() {
        String prefix = "PRIVMSG #lobby :";
        String atLimit = prefix + "x".repeat(510 - prefix.length());

        IrcConnection.Reading over = alice.send(atLimit + "x");

        assertThat(IrcClient.asked(over)).isEmpty();
        assertThat(alice.answered(over)).containsExactly(":irc.example 417 alice :Input line was too long");
        assertThat(alice.request(atLimit)).isInstanceOf(ClientFrame.Say.class);
    }

    @Test
    void tagsDoNotCountAgainstTheLineSoALongTaggedLineWithAShortBodyIsRead() {
        String tags = "@+example/data=" + "t".repeat(2_000);

        assertThat(alice.request(tags + " PRIVMSG #lobby :hi")).isInstanceOfSatisfying(ClientFrame.Say.class,
                say -> assertThat(say.text()).isEqualTo("hi"));
    }

    @Test
    void aLineTheSplitterCutIsToldAsTooLong() {
        assertThat(alice.answered(alice.connection.tooLong())).containsExactly(":irc.example 417 alice :Input line was too long");
    }

    @Test
    void aLineThatIsNotUtf8IsRefusedWithANoticeRatherThanGuessedAt() {
        byte[] latin1 = "PRIVMSG #lobby :caf\u00e9".getBytes(ISO_8859_1);

        IrcConnection.Reading reading = alice.connection.read(latin1);

        assertThat(IrcClient.asked(reading)).isEmpty();
        assertThat(alice.answered(reading)).containsExactly(":irc.example NOTICE alice :Your line was not valid UTF-8 "
                + "and was dropped: this server speaks UTF-8 only (see UTF8ONLY)");
    }

    @Test
    void aNulInALineIsASpaceSoItCannotCutWhatTheSessionIsGiven() {
        assertThat(alice.request("PRIVMSG #lobby :a\0b")).isInstanceOfSatisfying(ClientFrame.Say.class,
                say -> assertThat(say.text()).isEqualTo("a b"));
    }

    static Stream<ServerFrame> framesCarryingSmuggledText() {
        ServerFrame.Message said = new ServerFrame.Message("lobby", "bob", SMUGGLED, 3, NOON, null);
        return Stream.of(
                said,
                new ServerFrame.Whisper("bob", "alice", SMUGGLED, NOON, null),
                new ServerFrame.Topic("lobby", SMUGGLED, "bob", null),
                new ServerFrame.Presence("lobby", "bob", PresenceEvent.QUIT, null, SMUGGLED),
                new ServerFrame.Joined("kitchen", SMUGGLED, List.of("alice"), List.of(said), "e1", null),
                new ServerFrame.History("lobby", List.of(said), null),
                new ServerFrame.RoomList(List.of(new ServerFrame.RoomSummary("lobby", 2, SMUGGLED)), null),
                new ServerFrame.Error(ErrorCode.BAD_TEXT, SMUGGLED, null),
                new ServerFrame.Error(ErrorCode.SERVER_FULL, SMUGGLED, null),
                new ServerFrame.Bye(SMUGGLED, null),
                new ServerFrame.Welcome("alice", 1, "chat-1.2", 30, SMUGGLED, null));
    }

    @ParameterizedTest
    @MethodSource("framesCarryingSmuggledText")
    void noTextInAFrameEndsALineEarlyOrStartsACommandWhateverTheCapabilities(ServerFrame frame) {
        for (IrcCapability[] caps : everyCombination()) {
            IrcClient client = IrcClient.inRoom("alice", "lobby", caps);

            // IrcLines checks that CR LF ends every line and nothing else does.
            List<String> lines = Stream.concat(client.receives(frame).stream(), client.seesInRoom(frame).stream()).toList();

            assertThat(lines).as("with %s", Arrays.toString(caps)).isNotEmpty().allMatch(
                    line -> line.startsWith(":") || line.startsWith("@") || line.startsWith("ERROR :Closing link: "),
                    "a line from the server, not one a text started");
        }
    }

    private static List<IrcCapability[]> everyCombination() {
        IrcCapability[] all = IrcCapability.values();
        List<IrcCapability[]> combinations = new ArrayList<>();
        for (int mask = 0; mask < 1 << all.length; mask++) {
            int chosen = mask;
            combinations.add(Arrays.stream(all).filter(cap -> (chosen & 1 << cap.ordinal()) != 0)
                    .toArray(IrcCapability[]::new));
        }
        return combinations;
    }
}
