package chat.protocol.irc;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ClientFrame;
import chat.protocol.ErrorCode;
import chat.protocol.ServerFrame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A bot writes its whole script at once, before the server has answered a line of it: every
 * line must still be taken, and every answer worded for the line that asked.
 */
class IrcPipelinedLinesTest {

    @Test
    void linesSentRightAfterNickAndUserQueueBehindTheHelloInsteadOfBeingRefused() {
        IrcClient bot = new IrcClient();
        bot.send("NICK ci");
        ClientFrame hello = IrcClient.asked(bot.send("USER ci 0 * :ci")).get(0);

        ClientFrame join = bot.request("JOIN #builds");
        ClientFrame say = bot.request("PRIVMSG #builds :green");

        assertThat(hello).isInstanceOf(ClientFrame.Hello.class);
        assertThat(join).isEqualTo(new ClientFrame.Join(join.id(), "builds", null));
        assertThat(say).isEqualTo(new ClientFrame.Say(say.id(), "builds", "green"));
    }

    @Test
    void aNickSentWhileTheFirstIsCheckedIsTriedWhenTheFirstIsTaken() {
        IrcClient client = new IrcClient();
        client.send("NICK taken");
        ClientFrame first = IrcClient.asked(client.send("USER x 0 * :x")).get(0);
        ClientFrame second = client.request("NICK other");

        assertThat(client.receives(new ServerFrame.Error(ErrorCode.NICK_TAKEN, "nick \"taken\" is taken", first.id())))
                .containsExactly(":irc.example 433 * taken :nick \"taken\" is taken");
        assertThat(client.receives(new ServerFrame.Welcome("other", 1, "chat-1.2", 30, "", second.id())).get(0))
                .isEqualTo(":irc.example 001 other :Welcome to the ExampleNet IRC network, other");
    }

    @Test
    void hundredsOfPipelinedRequestsEachGetTheirOwnAnswer() {
        IrcClient alice = IrcClient.inRoom("alice", "lobby");
        ClientFrame who = alice.request("WHO #lobby");
        List<ClientFrame> whispers = new ArrayList<>();
        for (int line = 0; line < 300; line++) {
            whispers.add(alice.request("PRIVMSG nobody" + line + " :x"));
        }

        assertThat(alice.receives(new ServerFrame.Members("lobby", List.of("alice"), who.id()))).containsExactly(
                ":irc.example 352 alice #lobby alice chat.example irc.example alice H :0 alice",
                ":irc.example 315 alice #lobby :End of /WHO list");
        assertThat(alice.receives(new ServerFrame.Error(ErrorCode.NO_SUCH_NICK, "nobody called \"nobody299\" is online",
                whispers.get(299).id()))).containsExactly(":irc.example 401 alice nobody299 :nobody called \"nobody299\" is online");
    }

    @Test
    void beforeTheWelcomeWhatIsAnsweredHereComesBackThroughTheSessionsRefusal() {
        IrcClient client = new IrcClient();
        IrcConnection.Reading capLs = client.send("CAP LS 302");
        ClientFrame.Ping carrier = (ClientFrame.Ping) capLs.requests().get(0);

        assertThat(capLs.reply()).as("nothing is answered past the session, which counts the line").isEmpty();
        assertThat(client.receives(new ServerFrame.Error(ErrorCode.NOT_REGISTERED, "say hello first", carrier.id())))
                .containsExactly(":irc.example CAP * LS :server-time message-tags echo-message batch draft/chathistory sasl=PLAIN");
    }

    @Test
    void aLineDroppedForTheRateLimitIsToldSoAndNotAnswered() {
        IrcClient alice = IrcClient.inRoom("alice", "lobby");
        ClientFrame.Ping carrier = (ClientFrame.Ping) alice.send("MODE #lobby").requests().get(0);

        assertThat(alice.receives(new ServerFrame.Error(ErrorCode.RATE_LIMITED, "slow down", carrier.id())))
                .containsExactly(":irc.example NOTICE alice :slow down");
    }

    @Test
    void moreTargetsThanTargmaxAllowsAreRefusedWhole() {
        IrcClient alice = IrcClient.inRoom("alice", "lobby");

        assertThat(IrcClient.asked(alice.send("PRIVMSG a,b,c,d :hi"))).hasSize(4);
        IrcConnection.Reading five = alice.send("PRIVMSG a,b,c,d,e :hi");
        assertThat(IrcClient.asked(five)).isEmpty();
        assertThat(alice.answered(five)).containsExactly(":irc.example 407 alice e :Too many targets: PRIVMSG takes at most 4");
        assertThat(IrcClient.asked(alice.send("JOIN #a,,#b"))).as("empty targets are skipped").hasSize(2);
    }
}
