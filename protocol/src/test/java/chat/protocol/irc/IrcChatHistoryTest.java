package chat.protocol.irc;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ClientFrame;
import chat.protocol.ErrorCode;
import chat.protocol.ServerFrame;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A client with draft/chathistory pages back through a room as a JSON client does with history. */
class IrcChatHistoryTest {

    private static final Instant NOON = Instant.parse("2026-12-02T12:00:00Z");
    private final IrcClient alice = IrcClient.inRoom("alice", "lobby",
            IrcCapability.BATCH, IrcCapability.SERVER_TIME, IrcCapability.MESSAGE_TAGS, IrcCapability.CHATHISTORY);

    @Test
    void latestAsksForTheNewestPageAndGetsItInABatch() {
        ClientFrame request = alice.request("CHATHISTORY LATEST #lobby * 2");
        assertThat(request).isEqualTo(new ClientFrame.History(request.id(), "lobby", null, 2));

        List<String> lines = alice.receives(new ServerFrame.History("lobby", List.of(
                new ServerFrame.Message("lobby", "bob", "first", 41, NOON, null),
                new ServerFrame.Message("lobby", "bob", "second", 42, NOON, null)), request.id()));

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).matches(":irc\\.example BATCH \\+(\\S+) chathistory #lobby");
        String batch = lines.get(0).split(" ")[2].substring(1);
        assertThat(lines.get(1)).isEqualTo("@batch=" + batch + ";time=2026-12-02T12:00:00.000Z;msgid=lobby/41 "
                + ":bob!bob@chat.example PRIVMSG #lobby :first");
        assertThat(lines.get(3)).isEqualTo(":irc.example BATCH -" + batch);
    }

    @Test
    void beforeAMsgidAsksForTheLinesBeforeItsSeqAndAnEmptyPageIsAnEmptyBatch() {
        ClientFrame request = alice.request("CHATHISTORY BEFORE #lobby msgid=lobby/41.1 50");
        assertThat(request).isEqualTo(new ClientFrame.History(request.id(), "lobby", 41L, 50));

        List<String> lines = alice.receives(new ServerFrame.History("lobby", List.of(), request.id()));

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith(":irc.example BATCH +");
        assertThat(lines.get(1)).startsWith(":irc.example BATCH -");
    }

    @Test
    void whatTheChatCannotPageByIsRefusedWithAStandardReply() {
        assertThat(alice.pongsFor(alice.send("CHATHISTORY AFTER #lobby msgid=lobby/3 10")))
                .containsExactly(":irc.example FAIL CHATHISTORY INVALID_PARAMS AFTER :only LATEST * and BEFORE msgid=... are supported");
        assertThat(alice.pongsFor(alice.send("CHATHISTORY LATEST bob * 10")))
                .containsExactly(":irc.example FAIL CHATHISTORY INVALID_TARGET LATEST bob :only channels have a history here");
        assertThat(alice.pongsFor(alice.send("CHATHISTORY LATEST #lobby * 5000"))).singleElement()
                .asString().startsWith(":irc.example FAIL CHATHISTORY INVALID_PARAMS LATEST :");
    }

    @Test
    void aRoomThatCannotAnswerIsAFailNotANumeric() {
        ClientFrame request = alice.request("CHATHISTORY LATEST #nowhere * 10");

        assertThat(alice.receives(new ServerFrame.Error(ErrorCode.BAD_ROOM, "no such room", request.id())))
                .containsExactly(":irc.example FAIL CHATHISTORY INVALID_TARGET #nowhere :no such room");
    }
}
