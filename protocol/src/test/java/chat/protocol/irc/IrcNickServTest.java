package chat.protocol.irc;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ClientFrame;
import chat.protocol.ErrorCode;
import chat.protocol.Secret;
import chat.protocol.ServerFrame;
import org.junit.jupiter.api.Test;

/**
 * NickServ, as IRC users reach for accounts: REGISTER and PASSWORD become the session's register
 * and password requests, IDENTIFY explains how to log in here, and NickServ answers in notices of
 * its own. Nothing written to it is ever a whisper.
 */
class IrcNickServTest {

    private final IrcClient alice = IrcClient.inRoom("alice", "lobby");

    @Test
    void registerMakesTheNickAnAccountAndNickServSaysSo() {
        ClientFrame.Register register = (ClientFrame.Register) alice.request("PRIVMSG NickServ :REGISTER hunter2hunter2 alice@example.org");

        assertThat(register.password()).isEqualTo(new Secret("hunter2hunter2"));
        assertThat(alice.receives(new ServerFrame.Registered("alice", register.id()))).containsExactly(
                ":NickServ!NickServ@services NOTICE alice :You are now registered as account alice: from now on log in when you"
                        + " connect, with SASL PLAIN or with your password as the server password (PASS)");
        assertThat(alice.pongsFor(alice.send("PRIVMSG NickServ :IDENTIFY hunter2hunter2"))).containsExactly(
                ":NickServ!NickServ@services NOTICE alice :You are logged in to account alice already");
    }

    @Test
    void whatTheSessionRefusesNickServTells() {
        ClientFrame register = alice.request("PRIVMSG nickserv@services :register short");

        assertThat(alice.receives(new ServerFrame.Error(ErrorCode.BAD_PASSWORD, "a password is 8 to 256 characters; this one has 5",
                register.id()))).containsExactly(
                ":NickServ!NickServ@services NOTICE alice :a password is 8 to 256 characters; this one has 5");
    }

    @Test
    void passwordChangesItWithTheOldOneAsProof() {
        ClientFrame.ChangePassword change = (ClientFrame.ChangePassword) alice.request("PRIVMSG NickServ :PASSWORD old-horse new-horse");

        assertThat(change.old()).isEqualTo(new Secret("old-horse"));
        assertThat(change.password()).isEqualTo(new Secret("new-horse"));
        assertThat(alice.receives(new ServerFrame.PasswordChanged(change.id()))).containsExactly(
                ":NickServ!NickServ@services NOTICE alice :Your password has been changed: log in with the new one from now on");
        ClientFrame wrong = alice.request("NICKSERV SET PASSWORD not-the-one newer-horse");
        assertThat(alice.receives(new ServerFrame.Error(ErrorCode.AUTH_FAILED, "wrong password", wrong.id()))).containsExactly(
                ":NickServ!NickServ@services NOTICE alice :Wrong password: your password is unchanged");
    }

    @Test
    void identifyTellsHowToLogInHere() {
        assertThat(alice.pongsFor(alice.send("PRIVMSG NickServ :IDENTIFY hunter2hunter2"))).containsExactly(
                ":NickServ!NickServ@services NOTICE alice :Here you log in when you connect, as your nick is your account:"
                        + " reconnect with SASL PLAIN as alice, or with your password as the server password (PASS)");
    }

    @Test
    void malformedCommandsAreExplainedAndNeverSent() {
        assertThat(alice.pongsFor(alice.send("PRIVMSG NickServ :REGISTER correct horse battery"))).containsExactly(
                ":NickServ!NickServ@services NOTICE alice :Syntax: REGISTER <password> [email]; the password is one word of 8 to"
                        + " 256 characters");
        assertThat(alice.pongsFor(alice.send("NS SET PASSWORD newer-horse"))).containsExactly(
                ":NickServ!NickServ@services NOTICE alice :Syntax: SET PASSWORD <old password> <new password>: the old one"
                        + " proves it is you");
        assertThat(alice.pongsFor(alice.send("PRIVMSG NickServ :GHOST bob"))).containsExactly(
                ":NickServ!NickServ@services NOTICE alice :Unknown command GHOST: /msg NickServ HELP lists what NickServ does");
        assertThat(alice.pongsFor(alice.send("PRIVMSG NickServ :HELP"))).hasSize(4)
                .allMatch(line -> line.startsWith(":NickServ!NickServ@services NOTICE alice :"));
    }

    @Test
    void nothingWrittenToNickServReachesAnyoneAndANoticeIsNotAnswered() {
        assertThat(alice.send("NOTICE NickServ :REGISTER hunter2hunter2").requests()).containsExactly(new ClientFrame.Pong(null));

        IrcConnection.Reading both = alice.send("PRIVMSG bob,NickServ :HELP");

        assertThat(IrcClient.asked(both)).singleElement().isInstanceOfSatisfying(ClientFrame.Whisper.class,
                whisper -> assertThat(whisper.to()).isEqualTo("bob"));
    }

    @Test
    void beforeRegistrationNickServIsNotThere() {
        assertThat(new IrcClient().says("PRIVMSG NickServ :REGISTER hunter2hunter2"))
                .containsExactly(":irc.example 451 * :You have not registered");
    }
}
