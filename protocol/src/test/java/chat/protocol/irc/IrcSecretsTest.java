package chat.protocol.irc;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ClientFrame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A password an IRC client sends is never shown: not by a line printed for a log, nor in any answer or request. */
class IrcSecretsTest {

    private static final String PASSWORD = "hunter2hunter2";

    @ParameterizedTest
    @ValueSource(strings = {"PASS :" + PASSWORD, "AUTHENTICATE " + PASSWORD, "PRIVMSG NickServ :REGISTER " + PASSWORD,
        "PRIVMSG bob,nickserv :IDENTIFY " + PASSWORD, "NOTICE NickServ :IDENTIFY " + PASSWORD, "PRIVMSG NickServ@services.example :IDENTIFY " + PASSWORD, "NICKSERV IDENTIFY " + PASSWORD,
        "NS REGISTER " + PASSWORD})
    void aLineThatMayHoldAPasswordPrintsWithoutItsParameters(String line) {
        IrcLine parsed = IrcLine.parse(line);

        assertThat(parsed.toString()).doesNotContain(PASSWORD).contains("command=" + parsed.command(), "(hidden)");
    }

    @Test
    void otherLinesPrintWhole() {
        assertThat(IrcLine.parse("PRIVMSG #lobby :hi all")).hasToString("IrcLine[command=PRIVMSG, params=[#lobby, hi all]]");
    }

    @Test
    void noAnswerNorRequestPrintsThePassword() {
        IrcClient alice = IrcClient.inRoom("alice", "lobby");
        List<String> printed = new ArrayList<>();
        for (String line : List.of("PRIVMSG NickServ :REGISTER " + PASSWORD, "PRIVMSG NickServ :PASSWORD " + PASSWORD + " " + PASSWORD
                + "2", "PRIVMSG NickServ :IDENTIFY " + PASSWORD, "PASS " + PASSWORD, "AUTHENTICATE " + PASSWORD)) {
            IrcConnection.Reading reading = alice.send(line);
            printed.add(reading.requests().toString());
            printed.addAll(alice.answered(reading));
        }
        IrcClient early = new IrcClient();
        early.send("PASS " + PASSWORD);
        early.send("NICK carol");
        for (ClientFrame request : early.send("USER carol 0 * :carol").requests()) {
            printed.add(request.toString());
        }

        assertThat(printed).isNotEmpty().noneMatch(text -> text.contains(PASSWORD));
    }
}
