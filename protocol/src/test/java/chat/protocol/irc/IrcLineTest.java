package chat.protocol.irc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How a line a client typed is read: what the command is and what its parameters are. */
class IrcLineTest {

    @Test
    void tagsAndSourceAreReadPastSoNoClientSpeaksForAnother() {
        IrcLine line = IrcLine.parse("@label=1;+draft/reply=x :mallory!m@evil PRIVMSG #lobby :hi there");

        assertThat(line).isEqualTo(new IrcLine("PRIVMSG", List.of("#lobby", "hi there")));
    }

    @Test
    void theCommandIsUpperCasedSoLowerCaseClientsWork() {
        assertThat(IrcLine.parse("privmsg bob :hi").command()).isEqualTo("PRIVMSG");
    }

    @Test
    void middleParametersEndAtSpacesAndTheTrailingOneRunsToTheEndWithItsColonsAndSpaces() {
        IrcLine line = IrcLine.parse("USER alice 0 * :Alice  Liddell: the real one ");

        assertThat(line.params()).containsExactly("alice", "0", "*", "Alice  Liddell: the real one ");
    }

    @Test
    void anEmptyTrailingParameterIsStillAParameter() {
        // TOPIC #lobby : clears the topic, where TOPIC #lobby only asks for it.
        assertThat(IrcLine.parse("TOPIC #lobby :").params()).containsExactly("#lobby", "");
        assertThat(IrcLine.parse("TOPIC #lobby").params()).containsExactly("#lobby");
    }

    @Test
    void runsOfSpacesSeparateLikeOne() {
        IrcLine line = IrcLine.parse("  JOIN    #a,#b   key  ");

        assertThat(line).isEqualTo(new IrcLine("JOIN", List.of("#a,#b", "key")));
        assertThat(line.param(2)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "@time=now", "@time=now   ", ":server.example", "@a=b :source "})
    void aLineWithoutACommandIsNothing(String line) {
        assertThat(IrcLine.parse(line)).isNull();
    }
}
