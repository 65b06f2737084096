package chat.protocol.irc;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ClientFrame;
import chat.protocol.ErrorCode;
import chat.protocol.Secret;
import chat.protocol.ServerFrame;
import org.junit.jupiter.api.Test;

/**
 * PASS is the password of the registration's hello: the nick is the account. A wrong one is
 * 464 and the connection stays open, as a JSON client's does, for a PASS or a NICK to try again.
 */
class IrcPassTest {

    private final IrcClient client = new IrcClient();

    @Test
    void theRegistrationsHelloCarriesThePassword() {
        assertThat(client.says("PASS :correct horse")).isEmpty();
        client.send("NICK alice");

        ClientFrame.Hello hello = (ClientFrame.Hello) client.request("USER alice 0 * :Alice");

        assertThat(hello.nick()).isEqualTo("alice");
        assertThat(hello.password()).isEqualTo(new Secret("correct horse"));
    }

    @Test
    void withoutPassTheHelloIsAGuests() {
        client.send("NICK bob");

        assertThat(((ClientFrame.Hello) client.request("USER bob 0 * :Bob")).password()).isNull();
    }

    @Test
    void aLoginIsToldWith900BeforeTheWelcome() {
        client.send("PASS :correct horse");
        client.send("NICK alice");
        ClientFrame hello = client.request("USER alice 0 * :Alice");

        assertThat(client.receives(new ServerFrame.Welcome("Alice", 1, "chat-1.2", 30, "", "Alice", hello.id())))
                .startsWith(":irc.example 900 Alice Alice!Alice@chat.example Alice :You are now logged in as Alice",
                        ":irc.example 001 Alice :Welcome to the ExampleNet IRC network, Alice");
    }

    @Test
    void aWrongPasswordIs464AndAnotherPassTriesTheNickAgain() {
        client.send("PASS :wrong horse");
        client.send("NICK alice");
        ClientFrame hello = client.request("USER alice 0 * :Alice");

        assertThat(client.receives(new ServerFrame.Error(ErrorCode.AUTH_FAILED, "wrong password", hello.id())))
                .containsExactly(":irc.example 464 * :Password incorrect");
        ClientFrame.Hello again = (ClientFrame.Hello) client.request("PASS :correct horse");
        assertThat(again.nick()).isEqualTo("alice");
        assertThat(again.password()).isEqualTo(new Secret("correct horse"));
    }

    @Test
    void afterAWrongPasswordANickRegistersAGuestWithoutIt() {
        client.send("PASS :wrong horse");
        client.send("NICK alice");
        ClientFrame hello = client.request("USER alice 0 * :Alice");
        client.receives(new ServerFrame.Error(ErrorCode.AUTH_FAILED, "wrong password", hello.id()));

        ClientFrame.Hello guest = (ClientFrame.Hello) client.request("NICK alice_");

        assertThat(guest.nick()).isEqualTo("alice_");
        assertThat(guest.password()).as("the wrong password is forgotten").isNull();
    }

    @Test
    void aPasswordThatCannotBeOneIs464WithWhy() {
        client.send("PASS short");
        client.send("NICK alice");
        ClientFrame hello = client.request("USER alice 0 * :Alice");

        assertThat(client.receives(new ServerFrame.Error(ErrorCode.BAD_PASSWORD,
                "a password is 8 to 256 characters; this one has 5", hello.id())))
                .containsExactly(":irc.example 464 * :Password incorrect: a password is 8 to 256 characters; this one has 5");
    }

    @Test
    void anAccountsNickWithoutPasswordIs433SayingHowItsOwnerLogsIn() {
        client.send("NICK alice");
        ClientFrame hello = client.request("USER alice 0 * :Alice");

        assertThat(client.receives(new ServerFrame.Error(ErrorCode.AUTH_REQUIRED,
                "\"alice\" is a registered account: log in with its password, or pick another nick", hello.id())))
                .containsExactly(":irc.example 433 * alice :alice is a registered account: if it is yours, connect with SASL"
                        + " or PASS to log in to it; otherwise pick another nick");
        assertThat(client.request("PASS :correct horse")).as("a PASS now logs in to it")
                .isInstanceOfSatisfying(ClientFrame.Hello.class, again -> assertThat(again.nick()).isEqualTo("alice"));
    }

    @Test
    void aGuestRenamingToAnAccountsNickIs433Too() {
        IrcClient bob = IrcClient.registered("bob");
        ClientFrame rename = bob.request("NICK alice");

        assertThat(bob.receives(new ServerFrame.Error(ErrorCode.AUTH_REQUIRED, "\"alice\" is a registered account", rename.id())))
                .containsExactly(":irc.example 433 bob alice :alice is a registered account: if it is yours, connect with SASL"
                        + " or PASS to log in to it; otherwise pick another nick");
    }

    @Test
    void passAfterTheWelcomeIs462AndWithoutAPasswordIs461() {
        assertThat(client.says("PASS")).containsExactly(":irc.example 461 * PASS :Not enough parameters");
        IrcClient alice = IrcClient.registered("alice");

        assertThat(alice.pongsFor(alice.send("PASS :correct horse"))).containsExactly(":irc.example 462 alice :You may not reregister");
    }
}
