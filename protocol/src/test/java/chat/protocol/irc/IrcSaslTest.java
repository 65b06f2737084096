package chat.protocol.irc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ClientFrame;
import chat.protocol.ErrorCode;
import chat.protocol.PresenceEvent;
import chat.protocol.Secret;
import chat.protocol.ServerFrame;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SASL PLAIN as irssi and WeeChat do it: CAP LS, NICK, USER, CAP REQ sasl, AUTHENTICATE, and CAP
 * END once 903 or 904 came. The credentials are the hello, at once; what it is welcomed with is
 * held until CAP END.
 */
class IrcSaslTest {

    private final IrcClient client = new IrcClient();

    static String plain(String authzid, String authcid, String password) {
        return Base64.getEncoder().encodeToString((authzid + "\0" + authcid + "\0" + password).getBytes(UTF_8));
    }

    /** The client up to its response: the hello it became. */
    private ClientFrame.Hello logsIn(String nick, String account, String password) {
        client.send("CAP LS 302");
        client.send("NICK " + nick);
        client.send("USER " + nick + " 0 * :" + nick);
        assertThat(client.says("CAP REQ :sasl")).containsExactly(":irc.example CAP * ACK :sasl");
        assertThat(client.says("AUTHENTICATE PLAIN")).containsExactly("AUTHENTICATE +");
        return (ClientFrame.Hello) client.request("AUTHENTICATE " + plain(account, account, password));
    }

    private List<String> welcomed(ClientFrame.Hello hello) {
        return client.receives(new ServerFrame.Welcome(hello.nick(), 1, "chat-1.2", 30, "Be kind.", hello.nick(), hello.id()));
    }

    @Test
    void capLsOffersSaslWithItsMechanismToVersion302AndByNameToOthers() {
        assertThat(client.says("CAP LS 302")).singleElement().asString().endsWith(" draft/chathistory sasl=PLAIN");
        assertThat(client.says("CAP LS")).singleElement().asString().endsWith(" draft/chathistory sasl");
    }

    @Test
    void theCredentialsAreTheHelloAndTheVerdictComesBeforeTheWelcome() {
        ClientFrame.Hello hello = logsIn("alice", "alice", "correct horse");

        assertThat(hello.nick()).isEqualTo("alice");
        assertThat(hello.password()).isEqualTo(new Secret("correct horse"));
        assertThat(welcomed(hello)).containsExactly(
                ":irc.example 900 alice alice!alice@chat.example alice :You are now logged in as alice",
                ":irc.example 903 alice :SASL authentication successful");
        assertThat(client.connection.registered()).as("registration ends with CAP END").isFalse();
    }

    @Test
    void capEndReleasesTheWelcomeTheJoinAndWhatTheRoomSaidMeanwhileInOrder() {
        welcomed(logsIn("alice", "alice", "correct horse"));
        assertThat(client.receives(new ServerFrame.Joined("lobby", "", List.of("bob", "alice"), List.of(), "e1", null))).isEmpty();
        assertThat(client.seesInRoom(new ServerFrame.Presence("lobby", "carol", PresenceEvent.JOIN, null, null)))
                .as("a room event waits too").isEmpty();

        ClientFrame.Who release = (ClientFrame.Who) client.request("CAP END");
        assertThat(release.room()).as("asked of the room, which answers in its order").isEqualTo("lobby");
        List<String> lines = client.receives(new ServerFrame.Members("lobby", List.of("alice", "bob", "carol"), release.id()));

        assertThat(lines.get(0)).isEqualTo(":irc.example 001 alice :Welcome to the ExampleNet IRC network, alice");
        assertThat(lines.subList(lines.size() - 4, lines.size())).containsExactly(
                ":alice!alice@chat.example JOIN #lobby",
                ":irc.example 353 alice = #lobby :bob alice",
                ":irc.example 366 alice #lobby :End of /NAMES list",
                ":carol!carol@chat.example JOIN #lobby");
        assertThat(client.connection.registered()).isTrue();
        assertThat(client.seesInRoom(new ServerFrame.Presence("lobby", "dave", PresenceEvent.JOIN, null, null)))
                .containsExactly(":dave!dave@chat.example JOIN #lobby");
    }

    @Test
    void capEndBeforeTheRoomsJoinCameIsReleasedByThatJoin() {
        welcomed(logsIn("alice", "alice", "correct horse"));
        IrcConnection.Reading end = client.send("CAP END");

        List<String> lines = client.receives(new ServerFrame.Joined("lobby", "", List.of("alice"), List.of(), "e1", null));

        assertThat(lines).startsWith(":irc.example 001 alice :Welcome to the ExampleNet IRC network, alice");
        assertThat(lines).endsWith(":alice!alice@chat.example JOIN #lobby", ":irc.example 353 alice = #lobby :alice",
                ":irc.example 366 alice #lobby :End of /NAMES list");
        assertThat(client.answered(end)).as("the ping that stood in for it carries nothing").isEmpty();
    }

    @Test
    void withoutADefaultRoomTheAnswerToCapEndReleases() {
        welcomed(logsIn("alice", "alice", "correct horse"));

        assertThat(client.answered(client.send("CAP END"))).startsWith(
                ":irc.example 001 alice :Welcome to the ExampleNet IRC network, alice");
    }

    @Test
    void theAccountNamedIsTheNickWhateverNickSaid() {
        ClientFrame.Hello hello = logsIn("alice_", "alice", "correct horse");

        assertThat(hello.nick()).isEqualTo("alice");
        welcomed(hello);
        assertThat(client.answered(client.send("CAP END")))
                .contains(":irc.example 001 alice :Welcome to the ExampleNet IRC network, alice");
    }

    @Test
    void aWrongPasswordIs904AndTheClientMayTryAgain() {
        ClientFrame.Hello hello = logsIn("alice", "alice", "wrong horse");

        assertThat(client.receives(new ServerFrame.Error(ErrorCode.AUTH_FAILED, "wrong password", hello.id())))
                .containsExactly(":irc.example 904 * :SASL authentication failed: wrong password, or no such account");
        assertThat(client.says("AUTHENTICATE PLAIN")).containsExactly("AUTHENTICATE +");
        assertThat(((ClientFrame.Hello) client.request("AUTHENTICATE " + plain("", "alice", "correct horse"))).password())
                .isEqualTo(new Secret("correct horse"));
    }

    @Test
    void capEndAfterAFailedLoginRegistersAGuest() {
        ClientFrame.Hello hello = logsIn("alice", "alice", "wrong horse");
        client.receives(new ServerFrame.Error(ErrorCode.AUTH_FAILED, "wrong password", hello.id()));

        ClientFrame.Hello guest = (ClientFrame.Hello) client.request("CAP END");

        assertThat(guest.nick()).isEqualTo("alice");
        assertThat(guest.password()).isNull();
    }

    @Test
    void theOwnerAlreadyConnectedIs902() {
        ClientFrame.Hello hello = logsIn("alice", "alice", "correct horse");

        assertThat(client.receives(new ServerFrame.Error(ErrorCode.NICK_TAKEN, "nick \"alice\" is taken", hello.id())))
                .containsExactly(":irc.example 902 * :SASL authentication failed: nick \"alice\" is taken");
    }

    @Test
    void aThrottledLoginSaysHowLongToWait() {
        ClientFrame.Hello hello = logsIn("alice", "alice", "correct horse");

        assertThat(client.receives(new ServerFrame.Error(ErrorCode.RATE_LIMITED,
                "too many wrong passwords for this account: try again in 30 s", hello.id())))
                .containsExactly(":irc.example 904 * :SASL authentication failed: too many wrong passwords for this account:"
                        + " try again in 30 s");
    }

    @Test
    void aResponseOfExactly400BytesIsContinuedAndEndedByAPlus() {
        String password = "p".repeat(288);
        String response = plain("alice", "alice", password);
        assertThat(response).hasSize(400);
        client.send("AUTHENTICATE PLAIN");

        assertThat(IrcClient.asked(client.send("AUTHENTICATE " + response))).as("more may follow").isEmpty();
        ClientFrame.Hello hello = (ClientFrame.Hello) client.request("AUTHENTICATE +");

        assertThat(hello.password()).isEqualTo(new Secret(password));
    }

    @Test
    void aLongerResponseComesInChunksOf400() {
        String password = "\uD83D\uDE00".repeat(Secret.MAX_CODE_POINTS);
        String response = plain("alice", "alice", password);
        assertThat(response).as("the longest password, of 4-byte characters").hasSize(1384);
        client.send("AUTHENTICATE PLAIN");

        for (int from = 0; from < 1200; from += 400) {
            assertThat(IrcClient.asked(client.send("AUTHENTICATE " + response.substring(from, from + 400)))).isEmpty();
        }
        ClientFrame.Hello hello = (ClientFrame.Hello) client.request("AUTHENTICATE " + response.substring(1200));

        assertThat(hello.password()).isEqualTo(new Secret(password));
    }

    @Test
    void whatIsNotPlainOrNotAValidResponseIsRefused() {
        assertThat(client.says("AUTHENTICATE SCRAM-SHA-256")).containsExactly(
                ":irc.example 908 * PLAIN :are available SASL mechanisms", ":irc.example 904 * :SASL authentication failed");
        client.send("AUTHENTICATE PLAIN");
        assertThat(client.says("AUTHENTICATE !!!")).containsExactly(
                ":irc.example 904 * :SASL authentication failed: the response is not base64 of UTF-8 text");
        client.send("AUTHENTICATE PLAIN");
        assertThat(client.says("AUTHENTICATE " + plain("bob", "alice", "correct horse"))).containsExactly(
                ":irc.example 904 * :SASL authentication failed: an account logs in as itself only");
        client.send("AUTHENTICATE PLAIN");
        assertThat(client.says("AUTHENTICATE " + "A".repeat(401))).containsExactly(":irc.example 905 * :SASL message too long");
        client.send("AUTHENTICATE PLAIN");
        assertThat(client.says("AUTHENTICATE *")).containsExactly(":irc.example 906 * :SASL authentication aborted");
    }

    @Test
    void capEndInTheMiddleOfAnExchangeAbortsItAndRegistersAGuest() {
        client.send("CAP LS 302");
        client.send("NICK alice");
        client.send("USER alice 0 * :alice");
        client.send("AUTHENTICATE PLAIN");

        IrcConnection.Reading end = client.send("CAP END");

        assertThat(IrcClient.asked(end)).singleElement().isInstanceOf(ClientFrame.Hello.class);
        assertThat(client.answered(end)).containsExactly(
                ":irc.example 906 * :SASL authentication aborted: registration ended before the response came");
    }

    @Test
    void capEndBeforeTheVerdictSendsAGuestHelloThatASuccessfulLoginReleases() {
        ClientFrame.Hello login = logsIn("alice", "alice", "correct horse");
        ClientFrame.Hello guest = (ClientFrame.Hello) client.request("CAP END");
        welcomed(login);

        assertThat(client.receives(new ServerFrame.Error(ErrorCode.ALREADY_REGISTERED, "you are registered as \"alice\" already",
                guest.id()))).startsWith(":irc.example 001 alice :Welcome to the ExampleNet IRC network, alice");
        assertThat(client.connection.registered()).isTrue();
    }

    @Test
    void afterALoginAuthenticateIs907() {
        welcomed(logsIn("alice", "alice", "correct horse"));

        assertThat(client.says("AUTHENTICATE PLAIN")).containsExactly(
                ":irc.example 907 alice :You have already authenticated using SASL");
    }

    @Test
    void aGuestCannotLogInAfterRegistering() {
        IrcClient guest = IrcClient.registered("bob");

        assertThat(guest.pongsFor(guest.send("AUTHENTICATE PLAIN"))).containsExactly(
                ":irc.example 904 bob :SASL authentication failed: you log in when you connect, before registering");
    }

    @Test
    void linesBeforeCapEndAreStillRefusedAsBeforeRegistration() {
        welcomed(logsIn("alice", "alice", "correct horse"));

        assertThat(client.says("JOIN #kitchen")).containsExactly(":irc.example 451 alice :You have not registered");
    }
}
