package chat.protocol.irc;

import static chat.protocol.irc.IrcCapability.BATCH;
import static chat.protocol.irc.IrcCapability.ECHO_MESSAGE;
import static chat.protocol.irc.IrcCapability.MESSAGE_TAGS;
import static chat.protocol.irc.IrcCapability.SERVER_TIME;
import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ClientFrame;
import chat.protocol.ServerFrame;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A channel as an IRC client sees it: joining, its members, its history, and the lines said in it. */
class IrcChannelTest {

    private static final Instant NOON = Instant.parse("2026-11-27T12:00:00.123Z");

    private static ServerFrame.Message said(long seq, String text, String re) {
        return new ServerFrame.Message("lobby", "bob", text, seq, NOON.plusSeconds(60 * (seq - 1)), re);
    }

    private static ServerFrame.Joined lobby(List<String> members, ServerFrame.Message... history) {
        return new ServerFrame.Joined("lobby", "Friday drinks", members, List.of(history), "e1", "irc3");
    }

    @Test
    void joiningShowsTheJoinTopicNamesThenHistoryDatedInTheTextWithoutServerTime() {
        IrcClient alice = IrcClient.registered("alice");

        assertThat(alice.receives(lobby(List.of("alice", "bob"), said(1, "hello", null), said(2, "two\nlines", null))))
                .containsExactly(
                        ":alice!alice@chat.example JOIN #lobby",
                        ":irc.example 332 alice #lobby :Friday drinks",
                        ":irc.example 353 alice = #lobby :alice bob",
                        ":irc.example 366 alice #lobby :End of /NAMES list",
                        ":bob!bob@chat.example PRIVMSG #lobby :[12:00 UTC] hello",
                        ":bob!bob@chat.example PRIVMSG #lobby :[12:01 UTC] two",
                        ":bob!bob@chat.example PRIVMSG #lobby :[12:01 UTC] lines");
    }

    @Test
    void historyIsOneBatchDatedByServerTimeForAClientThatAskedForBoth() {
        IrcClient alice = IrcClient.registered("alice", BATCH, SERVER_TIME);

        assertThat(alice.receives(lobby(List.of("alice"), said(1, "hello", null))))
                .containsSubsequence(
                        ":irc.example BATCH +history1 chathistory #lobby",
                        "@batch=history1;time=2026-11-27T12:00:00.123Z :bob!bob@chat.example PRIVMSG #lobby :hello",
                        ":irc.example BATCH -history1");
    }

    @Test
    void aSecondJoinedForTheSameChannelShowsNothingAsIrcClientsExpect() {
        IrcClient alice = IrcClient.registered("alice");
        alice.receives(lobby(List.of("alice")));

        assertThat(alice.receives(new ServerFrame.Joined("LOBBY", "", List.of("alice"), List.of(), "e1", null))).isEmpty();
    }

    @Test
    void aBigChannelsNamesAreSplitIntoLinesThatFitAndListEveryone() {
        IrcClient alice = IrcClient.registered("alice");
        List<String> members = IntStream.range(0, 200).mapToObj(n -> "member_with_long_nick" + n).toList();

        List<String> lines = alice.receives(lobby(members));

        List<String> namesLines = lines.stream().filter(line -> line.startsWith(":irc.example 353 ")).toList();
        assertThat(namesLines).hasSizeGreaterThan(1);
        List<String> listed = new ArrayList<>();
        namesLines.forEach(line -> listed.addAll(Arrays.asList(IrcLine.parse(line).param(3).split(" "))));
        assertThat(listed).isEqualTo(members);
        assertThat(lines).filteredOn(line -> line.contains(" 366 ")).hasSize(1);
    }

    @Test
    void namesFitTheirLinesEvenForTheLongestNickAndChannelNames() {
        String nick = "张".repeat(24);
        String channel = "频".repeat(32);
        IrcClient longNamed = IrcClient.registered(nick);
        List<String> members = IntStream.range(0, 100).mapToObj(n -> "成员" + n).toList();

        // IrcLines fails on any line over 512 bytes.
        List<String> lines = longNamed.receives(new ServerFrame.Joined(channel, "", members, List.of(), "e1", null));

        List<String> listed = new ArrayList<>();
        lines.stream().filter(line -> line.contains(" 353 "))
                .forEach(line -> listed.addAll(Arrays.asList(IrcLine.parse(line).param(3).split(" "))));
        assertThat(listed).isEqualTo(members);
    }

    @Test
    void aTopicTooLongForOneLineIsCutAtACharacterRatherThanOverflowTheLine() {
        String topic = "话题".repeat(150);
        IrcClient alice = IrcClient.registered("alice");

        // IrcLines fails on any line over 512 bytes.
        String shown = IrcLine.parse(alice.receives(new ServerFrame.Joined("lobby", topic, List.of("alice"), List.of(), "e1", null))
                .get(1)).param(2);
        String changed = IrcLine.parse(alice.seesInRoom(new ServerFrame.Topic("lobby", topic, "bob", null)).get(0)).param(1);

        assertThat(shown).isNotEmpty();
        assertThat(topic).startsWith(shown).startsWith(changed);
    }

    @Test
    void onesOwnLineComesBackOnlyToAClientThatAskedForEchoes() {
        ServerFrame.Message echo = said(5, "my words", "irc9");

        assertThat(IrcClient.registered("bob").receives(echo)).isEmpty();
        assertThat(IrcClient.registered("bob", ECHO_MESSAGE).receives(echo))
                .containsExactly(":bob!bob@chat.example PRIVMSG #lobby :my words");
    }

    @Test
    void aWhisperEchoComesBackOnlyWithEchoesToo() {
        ServerFrame.Whisper sent = new ServerFrame.Whisper("bob", "alice", "psst", NOON, "irc4");

        assertThat(IrcClient.registered("bob").receives(sent)).isEmpty();
        assertThat(IrcClient.registered("bob", ECHO_MESSAGE).receives(sent))
                .containsExactly(":bob!bob@chat.example PRIVMSG alice :psst");
    }

    @Test
    void aSlashMeFromIrcReachesTheRoomAsWordsAndOtherIrcUsersAsAnAction() {
        IrcClient alice = IrcClient.inRoom("alice", "lobby");

        assertThat(alice.request("PRIVMSG #lobby :\u0001ACTION waves\u0001")).isInstanceOfSatisfying(ClientFrame.Say.class,
                say -> assertThat(say.text()).isEqualTo("* alice waves"));
        assertThat(IrcClient.registered("bob").seesInRoom(new ServerFrame.Message("lobby", "alice", "* alice waves", 9, NOON, null)))
                .containsExactly(":alice!alice@chat.example PRIVMSG #lobby :\u0001ACTION waves\u0001");
    }

    @Test
    void timeAndMessageIdTagsComeOnlyWithTheirCapabilities() {
        ServerFrame.Message line = said(42, "hi", null);
        String said = ":bob!bob@chat.example PRIVMSG #lobby :hi";

        assertThat(IrcClient.registered("alice").seesInRoom(line)).containsExactly(said);
        assertThat(IrcClient.registered("alice", SERVER_TIME).seesInRoom(line))
                .containsExactly("@time=2026-11-27T12:41:00.123Z " + said);
        assertThat(IrcClient.registered("alice", MESSAGE_TAGS).seesInRoom(line))
                .containsExactly("@msgid=lobby/42 " + said);
        assertThat(IrcClient.registered("alice", SERVER_TIME, MESSAGE_TAGS).seesInRoom(line))
                .containsExactly("@time=2026-11-27T12:41:00.123Z;msgid=lobby/42 " + said);
    }

    @Test
    void aLongLineIsSentInPiecesEachWithItsOwnId() {
        List<String> lines = IrcClient.registered("alice", MESSAGE_TAGS).seesInRoom(said(7, "中".repeat(400), null));

        assertThat(lines).hasSize(3);
        assertThat(lines).extracting(line -> line.substring(0, line.indexOf(' ')))
                .containsExactly("@msgid=lobby/7", "@msgid=lobby/7.1", "@msgid=lobby/7.2");
    }

    @Test
    void aLongLineOrActionReachesIrcWholeInPiecesThatEachFitTheirLine() {
        IrcClient alice = IrcClient.registered("alice");
        String words = "中文 ".repeat(300).trim();

        // IrcLines fails on any line over 512 bytes.
        List<String> said = alice.seesInRoom(new ServerFrame.Message("lobby", "bob", words, 1, NOON, null));
        List<String> acted = alice.seesInRoom(new ServerFrame.Message("lobby", "bob", "* bob " + words, 2, NOON, null));

        assertThat(said).hasSizeGreaterThan(1);
        assertThat(String.join("", said.stream().map(line -> IrcLine.parse(line).param(1)).toList())).isEqualTo(words);
        List<String> actions = acted.stream().map(line -> IrcLine.parse(line).param(1)).toList();
        assertThat(actions).allMatch(action -> action.startsWith("\u0001ACTION ") && action.endsWith("\u0001"));
        assertThat(String.join("", actions).replace("\u0001ACTION ", "").replace("\u0001", "")).isEqualTo(words);
    }

    @Test
    void tagValuesAreEscapedAsMessageTagsSays() {
        IrcCapabilities tagged = IrcCapabilities.NONE.with(MESSAGE_TAGS, true);

        assertThat(IrcTags.of(tagged, null, null, "a;b c\\d\re\nf")).isEqualTo("msgid=a\\:b\\sc\\\\d\\re\\nf");
    }
}
