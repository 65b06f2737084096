package chat.protocol.irc;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.PresenceEvent;
import chat.protocol.ServerFrame;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines a client may well send, and frames a room may well write, that once came out wrong. */
class IrcOddLinesTest {

    private final IrcClient alice = IrcClient.inRoom("alice", "lobby");

    @Test
    void aModeChangeWithNoModeLettersIsAskedAsAQuestionNotFatal() {
        assertThat(alice.says("MODE #lobby +")).containsExactly(":irc.example 324 alice #lobby :+");
        assertThat(alice.says("MODE #lobby :")).containsExactly(":irc.example 324 alice #lobby :+");
    }

    @Test
    void aNameTypedWithASpaceOrNothingIsEchoedAsOneWordSoTheReplyStillParses() {
        assertThat(alice.says("NAMES :a b,,::x")).containsExactly(
                ":irc.example 366 alice a_b :End of /NAMES list",
                ":irc.example 366 alice _:x :End of /NAMES list");
        assertThat(alice.says("WHO")).containsExactly(":irc.example 315 alice * :End of /WHO list");
    }

    @Test
    void userhostSeparatesItsAnswersWithSpaces() {
        assertThat(alice.says("USERHOST alice alice")).containsExactly(
                ":irc.example 302 alice :alice=+alice@chat.example alice=+alice@chat.example");
    }

    @Test
    void someoneCutForFloodingQuitsInIrcWordsForEveryoneElse() {
        assertThat(alice.seesInRoom(new ServerFrame.Presence("lobby", "bob", PresenceEvent.QUIT, null, "rate limit exceeded")))
                .containsExactly(":bob!bob@chat.example QUIT :Excess Flood");
    }

    @Test
    void aBlankLineInHistoryIsDroppedNotShownAsABareTime() {
        ServerFrame.Message spaced = new ServerFrame.Message("kitchen", "bob", "one\n\ntwo", 1,
                Instant.parse("2026-12-02T12:00:00Z"), null);

        assertThat(alice.receives(new ServerFrame.Joined("kitchen", "", List.of("alice", "bob"), List.of(spaced), "e1", null)))
                .endsWith(":bob!bob@chat.example PRIVMSG #kitchen :[12:00 UTC] one",
                        ":bob!bob@chat.example PRIVMSG #kitchen :[12:00 UTC] two");
    }

    @Test
    void anActionInHistoryStaysAnActionWithItsTimeInside() {
        ServerFrame.Message waved = new ServerFrame.Message("kitchen", "bob", "* bob waves", 1,
                Instant.parse("2026-12-02T12:00:00Z"), null);

        assertThat(alice.receives(new ServerFrame.Joined("kitchen", "", List.of("alice", "bob"), List.of(waved), "e1", null)))
                .endsWith(":bob!bob@chat.example PRIVMSG #kitchen :\u0001ACTION [12:00 UTC] waves\u0001");
    }
}
