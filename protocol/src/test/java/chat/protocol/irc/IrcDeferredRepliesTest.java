package chat.protocol.irc;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ClientFrame;
import chat.protocol.ServerFrame;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * After the welcome, what the listener answers by itself goes through the session as a ping whose
 * pong carries it, so that it comes in order after the answers to earlier requests.
 */
class IrcDeferredRepliesTest {

    private final IrcClient alice = IrcClient.inRoom("alice", "lobby");

    @Test
    void aCommandAnsweredHereComesBackWithThePongOfItsPing() {
        assertThat(alice.pongsFor(alice.send("MODE #lobby"))).containsExactly(":irc.example 324 alice #lobby :+");
        assertThat(alice.pongsFor(alice.send("MODE alice +i"))).containsExactly(":alice!alice@chat.example MODE alice +i");
        assertThat(alice.pongsFor(alice.send("AWAY :lunch"))).containsExactly(":irc.example 306 alice :You have been marked as being away");
        assertThat(alice.pongsFor(alice.send("AWAY"))).containsExactly(":irc.example 305 alice :You are no longer marked as being away");
        assertThat(alice.pongsFor(alice.send("FROB now"))).containsExactly(":irc.example 421 alice FROB :Unknown command");
    }

    @Test
    void nothingIsAnsweredAtOnceAfterTheWelcome() {
        IrcConnection.Reading reading = alice.send("MODE #lobby");

        assertThat(reading.reply()).isEmpty();
        assertThat(reading.requests()).singleElement().isInstanceOf(ClientFrame.Ping.class);
    }

    @Test
    void repliesComeInTheOrderOfTheChannelsAsked() {
        List<ClientFrame> requests = alice.send("JOIN nohash,#kitchen,alsobad").requests();

        assertThat(requests).hasSize(3);
        assertThat(requests.get(1)).isEqualTo(new ClientFrame.Join(requests.get(1).id(), "kitchen", null));
        assertThat(alice.receives(new ServerFrame.Pong(requests.get(0).id())))
                .containsExactly(":irc.example 403 alice nohash :No such channel: channel names start with #");
        assertThat(alice.receives(new ServerFrame.Joined("kitchen", "", List.of("alice"), List.of(), "e1", requests.get(1).id())))
                .startsWith(":alice!alice@chat.example JOIN #kitchen");
        assertThat(alice.receives(new ServerFrame.Pong(requests.get(2).id())))
                .containsExactly(":irc.example 403 alice alsobad :No such channel: channel names start with #");
    }

    @Test
    void aPingOfTheClientsIsAnsweredWithItsTokenWhenTheSessionAnswers() {
        ClientFrame ping = alice.send("PING :lag-check 42").requests().get(0);

        assertThat(alice.receives(new ServerFrame.Pong(ping.id()))).containsExactly(":irc.example PONG irc.example :lag-check 42");
    }

    @Test
    void aLineThatAsksNothingStillCountsForTheHeartbeat() {
        assertThat(alice.send("PONG irc.example").requests()).containsExactly(new ClientFrame.Pong(null));
        assertThat(alice.send("PRIVMSG bob :\u0001VERSION\u0001").requests()).containsExactly(new ClientFrame.Pong(null));
    }

    @Test
    void whoisAsksEverySharedChannelAndAnswersOnceAllHaveAnswered() {
        alice.receives(new ServerFrame.Joined("kitchen", "", List.of("alice"), List.of(), "e1", null));

        List<ClientFrame> asks = alice.send("WHOIS bob").requests();

        assertThat(asks).extracting(ask -> ((ClientFrame.Who) ask).room()).containsExactly("lobby", "kitchen");
        assertThat(alice.receives(new ServerFrame.Members("lobby", List.of("alice", "Bob"), asks.get(0).id()))).isEmpty();
        assertThat(alice.receives(new ServerFrame.Members("kitchen", List.of("alice", "Bob"), asks.get(1).id())))
                .containsExactly(
                        ":irc.example 311 alice Bob Bob chat.example * :Bob",
                        ":irc.example 312 alice Bob irc.example :ExampleNet",
                        ":irc.example 319 alice Bob :#lobby #kitchen",
                        ":irc.example 318 alice bob :End of /WHOIS list");
    }

    @Test
    void twoWhoisInARowAreEachAnsweredForTheirOwnNick() {
        ClientFrame forBob = alice.request("WHOIS bob");
        ClientFrame forCarol = alice.request("WHOIS carol");

        assertThat(alice.receives(new ServerFrame.Members("lobby", List.of("alice", "bob"), forBob.id())))
                .contains(":irc.example 319 alice bob :#lobby", ":irc.example 318 alice bob :End of /WHOIS list");
        assertThat(alice.receives(new ServerFrame.Members("lobby", List.of("alice", "bob"), forCarol.id())))
                .containsExactly(
                        ":irc.example 401 alice carol :No such nick/channel (or none in a channel you share)",
                        ":irc.example 318 alice carol :End of /WHOIS list");
    }
}
