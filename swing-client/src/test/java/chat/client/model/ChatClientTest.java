package chat.client.model;

import static chat.client.testing.Frames.joined;
import static chat.client.testing.Frames.message;
import static chat.client.testing.Frames.messages;
import static chat.client.testing.Frames.welcome;
import static org.assertj.core.api.Assertions.assertThat;

import chat.client.net.ConnectFailure;
import chat.client.net.Endpoint;
import chat.client.net.ServerList;
import chat.client.testing.FakeTransports;
import chat.client.testing.Frames;
import chat.client.testing.Timers;
import chat.protocol.ClientFrame;
import chat.protocol.ErrorCode;
import chat.protocol.PresenceEvent;
import chat.protocol.ServerFrame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against an in-memory server: each test is a short conversation, frame by frame. */
class ChatClientTest {

    /** Long enough that no reconnect fires while a test runs. */
    private static final ReconnectPolicy NEVER_SOON = new ReconnectPolicy(Duration.ofHours(1), Duration.ofHours(1));

    private final FakeTransports server = new FakeTransports();
    private final ScheduledExecutorService timer = Timers.daemon();
    private final ChatModel model = new ChatModel();
    private final ChatClient client = new ChatClient(model, server, Runnable::run, timer, NEVER_SOON);
    private final List<String> heard = new ArrayList<>();

    @BeforeEach
    void listen() {
        model.addListener(new ChatListener() {
            @Override
            public void loggedIn(String nick) {
                heard.add("logged in as " + nick);
            }

            @Override
            public void loginFailed(String reason, LoginField wrong) {
                heard.add("login failed: " + reason + " (" + wrong + ")");
            }

            @Override
            public void attentionWanted(Conversation conversation, TranscriptEntry entry) {
                heard.add("attention: " + entry.nick() + " in " + conversation.name());
            }
        });
    }

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    private FakeTransports.Link loggedInAsAliceInLobby() {
        client.connect(ServerList.of(new Endpoint("chat.test", 7777)), "alice");
        FakeTransports.Link link = server.last();
        link.serverSends(welcome("alice"), joined("lobby", List.of("alice", "bob"), messages("lobby", 1, 3), null));
        return link;
    }

    private static List<String> texts(Conversation conversation) {
        return conversation.transcript().stream()
                .filter(entry -> entry.kind() == TranscriptEntry.Kind.MESSAGE)
                .map(TranscriptEntry::text)
                .toList();
    }

    @Test
    void loginSaysHelloAndLandsInTheDefaultRoomWithItsHistory() {
        FakeTransports.Link link = loggedInAsAliceInLobby();

        assertThat(link.sent().get(0)).isInstanceOfSatisfying(ClientFrame.Hello.class, hello -> {
            assertThat(hello.nick()).isEqualTo("alice");
            assertThat(hello.protocol()).isEqualTo(1);
        });
        assertThat(heard).containsExactly("logged in as alice");
        assertThat(model.status().online()).isTrue();
        Conversation lobby = model.selected().orElseThrow();
        assertThat(lobby.name()).isEqualTo("lobby");
        assertThat(lobby.members()).containsExactly("alice", "bob");
        assertThat(texts(lobby)).containsExactly("m1", "m2", "m3");
        assertThat(lobby.transcript()).extracting(TranscriptEntry::text).contains("Hello from the test server", "You joined lobby");
    }

    @Test
    void aTakenNickFailsTheLoginInPlainWords() {
        client.connect(ServerList.of(new Endpoint("chat.test", 7777)), "alice");
        server.last().serverSends(new ServerFrame.Error(ErrorCode.NICK_TAKEN, "nick alice is taken", null));

        assertThat(heard).containsExactly("login failed: The nick \u201calice\u201d is taken. Please choose another one. (NICK)");
        assertThat(server.last().closed()).isTrue();
    }

    @Test
    void aRefusedConnectionFailsTheLoginWithTheTransportsReason() {
        client.connect(ServerList.of(new Endpoint("chat.test", 7777)), "alice");
        server.last().cannotConnect("nobody is listening at chat.test:7777 (connection refused)", ConnectFailure.REFUSED);

        assertThat(heard).containsExactly("login failed: Nobody is listening at chat.test:7777 (connection refused). (PORT)");
        assertThat(model.status().state()).isEqualTo(ConnectionStatus.State.OFFLINE);
    }

    @Test
    void typedLinesBecomeRequests() {
        FakeTransports.Link link = loggedInAsAliceInLobby();

        client.submit("hello 世界");
        client.submit("//shrug");
        client.submit("/join dev");
        client.submit("/msg bob psst");
        client.submit("/nick alicia");
        client.submit("/topic Lunch at noon");
        client.submit("/who");
        client.submit("/rooms");
        client.submit("/leave");

        assertThat(link.sent().subList(1, link.sent().size())).extracting(Object::toString).containsExactly(
                "Say[id=c1, room=lobby, text=hello 世界]",
                "Say[id=c2, room=lobby, text=/shrug]",
                "Join[id=c3, room=dev, since=null]",
                "Whisper[id=c4, to=bob, text=psst]",
                "Nick[id=c5, nick=alicia]",
                "Topic[id=c6, room=lobby, topic=Lunch at noon]",
                "Who[id=c7, room=lobby]",
                "Rooms[id=c8]",
                "Leave[id=c9, room=lobby]");
    }

    @Test
    void mistypedCommandsAreExplainedAndNotSent() {
        FakeTransports.Link link = loggedInAsAliceInLobby();
        int before = link.sent().size();

        client.submit("/jion dev");
        client.submit("/join bad room");
        client.submit("/nick 9lives");

        assertThat(link.sent()).hasSize(before);
        assertThat(model.selected().orElseThrow().transcript())
                .filteredOn(entry -> entry.kind() == TranscriptEntry.Kind.ERROR)
                .extracting(TranscriptEntry::text)
                .containsExactly(
                        "Unknown command /jion: type /help for the list, or // to send a line starting with /",
                        "Cannot join that room: a room name has no spaces",
                        "Cannot use that nick: a nick starts with a letter or _");
    }

    @Test
    void withNoRoomOpenHelpAndProblemsLandInTheServerConversation() {
        FakeTransports.Link link = loggedInAsAliceInLobby();
        client.submit("/leave");
        link.serverSends(new ServerFrame.Left("lobby", "c1"));
        assertThat(model.conversations()).isEmpty();

        client.submit("/help");
        client.submit("anyone?");

        Conversation server = model.selected().orElseThrow();
        assertThat(server.kind()).isEqualTo(Conversation.Kind.SERVER);
        assertThat(server.transcript()).extracting(TranscriptEntry::text)
                .anyMatch(text -> text.contains("/join ROOM"))
                .contains("Join a room first: /join ROOM");
        assertThat(link.sent()).noneMatch(ClientFrame.Say.class::isInstance);
    }

    @Test
    void messagesInAnotherRoomCountAsUnreadUntilItIsShownAndMentionsAskForAttention() {
        FakeTransports.Link link = loggedInAsAliceInLobby();
        client.submit("/join dev");
        link.serverSends(joined("dev", List.of("alice", "carol"), List.of(), "c1"));
        assertThat(model.selected().orElseThrow().name()).isEqualTo("dev");

        link.serverSends(message("lobby", "bob", "anyone here?", 4), message("lobby", "bob", "ALICE, lunch?", 5));

        Conversation lobby = model.room("lobby").orElseThrow();
        assertThat(lobby.unread()).isEqualTo(2);
        assertThat(lobby.mentioned()).isTrue();
        assertThat(heard).contains("attention: bob in lobby");

        model.select(lobby.key());
        assertThat(lobby.unread()).isZero();
        assertThat(lobby.mentioned()).isFalse();
    }

    @Test
    void aWhisperOpensItsOwnConversationAndAnswersGoBackAsWhispers() {
        FakeTransports.Link link = loggedInAsAliceInLobby();

        link.serverSends(new ServerFrame.Whisper("bob", "alice", "secret", Frames.T0, null));
        Conversation withBob = model.find(Conversation.whisperKey("Bob")).orElseThrow();
        assertThat(withBob.unread()).isEqualTo(1);
        assertThat(heard).contains("attention: bob in bob");

        model.select(withBob.key());
        client.submit("tell me");
        assertThat(link.lastSent()).isEqualTo(new ClientFrame.Whisper("c1", "bob", "tell me"));
        link.serverSends(new ServerFrame.Whisper("alice", "bob", "tell me", Frames.T0, "c1"));

        assertThat(texts(withBob)).containsExactly("secret", "tell me");
        assertThat(withBob.transcript().get(1).own()).isTrue();
    }

    @Test
    void aKickTakesTheMemberOffTheListAndSaysWhoAndWhy() {
        FakeTransports.Link link = loggedInAsAliceInLobby();

        link.serverSends(new ServerFrame.Presence("lobby", "bob", PresenceEvent.KICK, null, "spam", "carol", null));

        assertThat(model.room("lobby").orElseThrow().members()).containsExactly("alice");
        assertThat(model.room("lobby").orElseThrow().transcript()).extracting(TranscriptEntry::text)
                .contains("bob was kicked by carol (spam)");
    }

    @Test
    void aRenameReachesMembersAndTheWhisperConversation() {
        FakeTransports.Link link = loggedInAsAliceInLobby();
        link.serverSends(new ServerFrame.Whisper("bob", "alice", "hi", Frames.T0, null));

        link.serverSends(new ServerFrame.Presence("lobby", "robert", PresenceEvent.RENAME, "bob", null));

        assertThat(model.room("lobby").orElseThrow().members()).containsExactly("alice", "robert");
        assertThat(model.find(Conversation.whisperKey("robert"))).hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("robert"));
        assertThat(model.find(Conversation.whisperKey("bob"))).isEmpty();
        assertThat(model.room("lobby").orElseThrow().transcript()).extracting(TranscriptEntry::text).contains("bob is now known as robert");
    }

    @Test
    void ownRenameUpdatesTheMemberLists() {
        FakeTransports.Link link = loggedInAsAliceInLobby();

        link.serverSends(new ServerFrame.NickChanged("alice", "Alicia", "c1"));

        assertThat(model.nick()).isEqualTo("Alicia");
        assertThat(model.room("lobby").orElseThrow().members()).containsExactly("Alicia", "bob");
    }

    @Test
    void scrollingBackAsksForTheMessagesBeforeTheOldestAndPutsThemOnTop() {
        client.connect(ServerList.of(new Endpoint("chat.test", 7777)), "alice");
        FakeTransports.Link link = server.last();
        link.serverSends(welcome("alice"), joined("lobby", List.of("alice", "bob"), messages("lobby", 61, 110), null));
        Conversation lobby = model.selected().orElseThrow();

        client.loadOlder(lobby);
        client.loadOlder(lobby);

        assertThat(link.sent()).filteredOn(ClientFrame.History.class::isInstance)
                .containsExactly(new ClientFrame.History("c1", "lobby", 61L, 50));
        link.serverSends(new ServerFrame.History("lobby", messages("lobby", 11, 60), "c1"));
        assertThat(texts(lobby)).hasSize(100).startsWith("m11", "m12").endsWith("m110");
        assertThat(lobby.olderAvailable()).isTrue();

        client.loadOlder(lobby);
        link.serverSends(new ServerFrame.History("lobby", messages("lobby", 1, 10), "c2"));
        assertThat(texts(lobby)).hasSize(110).startsWith("m1", "m2");
        assertThat(lobby.olderAvailable()).isFalse();
    }

    @Test
    void aLostConnectionSaysSoAndKeepsTheRooms() {
        FakeTransports.Link link = loggedInAsAliceInLobby();

        link.serverSends(new ServerFrame.Bye("server shutting down", null));
        link.drop("the server closed the connection");

        assertThat(model.status().state()).isEqualTo(ConnectionStatus.State.RECONNECTING);
        assertThat(model.status().detail()).startsWith("Connection lost (the server said goodbye: server shutting down). Reconnecting to chat.test:7777 in");
        assertThat(model.joinedRooms()).extracting(Conversation::name).containsExactly("lobby");
        client.submit("hello?");
        assertThat(link.sent()).noneMatch(ClientFrame.Say.class::isInstance);
    }

    @Test
    void closingSaysByeAndEndsWhenTheServerHangsUp() {
        FakeTransports.Link link = loggedInAsAliceInLobby();
        List<String> ended = new ArrayList<>();
        model.addListener(new ChatListener() {
            @Override
            public void ended() {
                ended.add("ended");
            }
        });

        client.submit("/quit");
        assertThat(link.lastSent()).isEqualTo(new ClientFrame.Bye(null, null));
        link.serverSends(new ServerFrame.Bye("client quit", null));
        link.drop("the server closed the connection");

        assertThat(ended).containsExactly("ended");
        assertThat(model.status().state()).isEqualTo(ConnectionStatus.State.OFFLINE);
    }

    @Test
    void theStatusBarNamesTheNewNickAfterARename() {
        FakeTransports.Link link = loggedInAsAliceInLobby();

        link.serverSends(new ServerFrame.NickChanged("alice", "Alicia", "c1"));

        assertThat(model.status().detail()).isEqualTo("Connected to chat.test:7777 as Alicia");
    }

    @Test
    void aNameThatWillNotDoIsExplainedAndARoomMayBeWrittenWithItsHash() {
        FakeTransports.Link link = loggedInAsAliceInLobby();
        int before = link.sent().size();

        client.submit("/nick no way");
        client.submit("/join bad room!");
        client.submit("/join bad!");
        client.submit("/join #general");

        assertThat(model.selected().orElseThrow().transcript())
                .filteredOn(entry -> entry.kind() == TranscriptEntry.Kind.ERROR)
                .extracting(TranscriptEntry::text)
                .containsExactly(
                        "Cannot use that nick: a nick has no spaces",
                        "Cannot join that room: a room name has no spaces",
                        "Cannot join that room: a room name holds letters, digits, _ and - only, not '!'");
        assertThat(link.sent().subList(before, link.sent().size())).extracting(Object::toString)
                .containsExactly("Join[id=c1, room=general, since=null]");
    }

    @Test
    void tabOffersTheOthersInTheRoomButNotOneself() {
        loggedInAsAliceInLobby();

        assertThat(client.completionNicks()).containsExactly("bob");
    }

    @Test
    void theServerConversationGoesOnceARoomIsJoined() {
        FakeTransports.Link link = loggedInAsAliceInLobby();
        client.submit("/leave");
        link.serverSends(new ServerFrame.Left("lobby", "c1"));
        client.submit("/help");
        assertThat(model.selected().orElseThrow().kind()).isEqualTo(Conversation.Kind.SERVER);

        client.submit("/join dev");
        link.serverSends(joined("dev", List.of("alice"), List.of(), "c2"));

        assertThat(model.conversations()).extracting(Conversation::name).containsExactly("dev");
        assertThat(model.selected().orElseThrow().name()).isEqualTo("dev");
        assertThat(model.selected().orElseThrow().transcript()).extracting(TranscriptEntry::text)
                .as("the help shown before comes along").anyMatch(text -> text.contains("/join ROOM"));
    }

    @Test
    void aReconnectThatFindsTheNickTakenLetsTheUserPickAnother() {
        FakeTransports.Link first = loggedInAsAliceInLobby();
        first.drop("connection reset");

        client.retryNow();
        server.last().serverSends(new ServerFrame.Error(ErrorCode.NICK_TAKEN, "nick alice is taken", null));

        assertThat(model.status().state()).isEqualTo(ConnectionStatus.State.NICK_TAKEN);
        assertThat(model.status().detail()).startsWith("The nick \u201calice\u201d is still taken on chat.test:7777: by your dropped connection");
        assertThat(client.retryAs("alice two")).hasValue("a nick has no spaces");
        assertThat(client.retryAs("alice2")).isEmpty();
        FakeTransports.Link again = server.last();
        assertThat(again.sent().get(0)).isInstanceOfSatisfying(ClientFrame.Hello.class, hello -> assertThat(hello.nick()).isEqualTo("alice2"));

        again.serverSends(welcome("alice2"));

        assertThat(model.nick()).isEqualTo("alice2");
        assertThat(model.status().detail()).isEqualTo("Connected to chat.test:7777 as alice2");
        assertThat(again.sent()).contains(new ClientFrame.Join("c1", "lobby", 3L));
    }

    @Test
    void disconnectingStopsTheRetriesUntilTheUserReconnects() {
        FakeTransports.Link first = loggedInAsAliceInLobby();
        first.drop("connection reset");

        client.disconnect();

        assertThat(model.status().state()).isEqualTo(ConnectionStatus.State.OFFLINE);
        assertThat(server.last()).isSameAs(first);
        client.retryNow();
        assertThat(server.last()).isNotSameAs(first);
        assertThat(model.status().state()).isEqualTo(ConnectionStatus.State.RECONNECTING);
    }

    @Test
    void whenItsServerDropsTheClientMovesToTheNextOneAndRejoinsWithNoGapAndNoDuplicate() {
        Endpoint a = new Endpoint("a.chat.test", 7777);
        Endpoint b = new Endpoint("b.chat.test", 7777);
        client.connect(ServerList.of(a, b), "alice");
        FakeTransports.Link onA = server.last();
        onA.serverSends(welcome("alice"), joined("lobby", List.of("alice", "bob"), messages("lobby", 1, 3), null));
        onA.serverSends(message("lobby", "bob", "m4", 4));
        assertThat(model.status().detail()).isEqualTo("Connected to a.chat.test:7777 as alice");

        onA.drop("connection reset");

        assertThat(model.status().detail()).isEqualTo("Connection lost (connection reset). Reconnecting to b.chat.test:7777 in 3600 s…");
        client.retryNow();
        FakeTransports.Link onB = server.last();
        assertThat(onB.endpoint()).isEqualTo(b);
        assertThat(model.status().detail()).isEqualTo("Reconnecting to b.chat.test:7777 as alice…");
        // B puts the new session in the default room with its recent lines, some of them shown already.
        onB.serverSends(welcome("alice"), joined("lobby", List.of("alice", "bob"), messages("lobby", 3, 5), null));
        assertThat(onB.sent()).contains(new ClientFrame.Join("c1", "lobby", 4L));
        onB.serverSends(joined("lobby", List.of("alice", "bob"), messages("lobby", 5, 6), "c1"));
        onB.serverSends(message("lobby", "bob", "m7", 7));

        Conversation lobby = model.room("lobby").orElseThrow();
        assertThat(texts(lobby)).containsExactly("m1", "m2", "m3", "m4", "m5", "m6", "m7");
        assertThat(lobby.transcript()).extracting(TranscriptEntry::text)
                .contains("Connection lost: connection reset", "Reconnected to b.chat.test:7777");
        assertThat(model.status().detail()).isEqualTo("Connected to b.chat.test:7777 as alice");
    }

    @Test
    void aLoginTriesTheNextServerWhenOneCannotBeReached() {
        client.connect(ServerList.of(new Endpoint("a.chat.test", 7777), new Endpoint("b.chat.test", 7777)), "alice");
        server.last().cannotConnect("nobody is listening at a.chat.test:7777 (connection refused)", ConnectFailure.REFUSED);

        assertThat(server.last().endpoint()).isEqualTo(new Endpoint("b.chat.test", 7777));
        assertThat(model.status().detail()).isEqualTo("Connecting to b.chat.test:7777…");
        server.last().serverSends(welcome("alice"));

        assertThat(heard).containsExactly("logged in as alice");
        assertThat(model.status().detail()).isEqualTo("Connected to b.chat.test:7777 as alice");
    }

    @Test
    void aLoginThatReachesNoServerSaysWhatEachOneDid() {
        client.connect(ServerList.of(new Endpoint("a.chat.test", 7777), new Endpoint("b.chat.test", 7777)), "alice");
        server.last().cannotConnect("nobody is listening at a.chat.test:7777 (connection refused)", ConnectFailure.REFUSED);
        server.last().cannotConnect("there is no host called b.chat.test", ConnectFailure.UNKNOWN_HOST);

        assertThat(heard).containsExactly("login failed: Nobody is listening at a.chat.test:7777 (connection refused);"
                + " there is no host called b.chat.test. (HOST)");
    }

    @Test
    void aServerThatSaidTheNickWasTakenAndThenWentAwayIsReportedAsGoneNotAsTheNick() {
        FakeTransports.Link first = loggedInAsAliceInLobby();
        first.drop("connection reset");
        client.retryNow();
        server.last().serverSends(new ServerFrame.Error(ErrorCode.NICK_TAKEN, "nick alice is taken", null));
        assertThat(model.status().state()).isEqualTo(ConnectionStatus.State.NICK_TAKEN);

        client.retryNow();
        server.last().cannotConnect("nobody is listening at chat.test:7777 (connection refused)", ConnectFailure.REFUSED);

        assertThat(model.status().state()).isEqualTo(ConnectionStatus.State.RECONNECTING);
        assertThat(model.status().detail())
                .startsWith("Connection lost (nobody is listening at chat.test:7777 (connection refused)). Reconnecting to chat.test:7777 in");
    }
}
