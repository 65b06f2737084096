package chat.client.model;

import static chat.client.testing.Frames.welcome;
import static org.assertj.core.api.Assertions.assertThat;

import chat.client.net.Endpoint;
import chat.client.net.ServerList;
import chat.client.testing.FakeTransports;
import chat.client.testing.Frames;
import chat.client.testing.Timers;
import chat.protocol.ClientFrame;
import chat.protocol.ErrorCode;
import chat.protocol.PresenceEvent;
import chat.protocol.Role;
import chat.protocol.RoomMode;
import chat.protocol.ServerFrame;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Room roles and moderation in the client, against a server the test plays frame by frame. */
class ModerationClientTest {

    private static final ReconnectPolicy NEVER_SOON = new ReconnectPolicy(Duration.ofHours(1), Duration.ofHours(1));

    private final FakeTransports server = new FakeTransports();
    private final ScheduledExecutorService timer = Timers.daemon();
    private final ChatModel model = new ChatModel();
    private final ChatClient client = new ChatClient(model, server, Runnable::run, timer, NEVER_SOON);

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    private FakeTransports.Link inDen(String me, Map<String, Role> roles, RoomMode mode) {
        client.connect(ServerList.of(new Endpoint("chat.test", 7777)), me);
        FakeTransports.Link link = server.last();
        link.serverSends(welcome(me), new ServerFrame.Joined("den", "", List.of("dave", "bob", "alice", "carol"), List.of(),
                Frames.EPOCH, roles, mode, null));
        return link;
    }

    private Conversation den() {
        return model.room("den").orElseThrow();
    }

    private String lastLine() {
        List<TranscriptEntry> lines = den().transcript();
        return lines.get(lines.size() - 1).text();
    }

    @Test
    void membersAreOwnersThenOpsThenEveryoneElseAndKnowTheirRoles() {
        inDen("bob", Map.of("carol", Role.OP, "alice", Role.OWNER), new RoomMode(true, false, false));

        assertThat(den().members()).containsExactly("alice", "carol", "bob", "dave");
        assertThat(den().role("ALICE")).isEqualTo(Role.OWNER);
        assertThat(den().role("bob")).isEqualTo(Role.MEMBER);
        assertThat(den().mode().invite()).isTrue();
        assertThat(den().transcript()).extracting(TranscriptEntry::text).contains("den is invite-only");
        assertThat(den().mayModerate("alice", "carol")).isTrue();
        assertThat(den().mayModerate("carol", "alice")).isFalse();
        assertThat(den().mayModerate("carol", "carol")).isFalse();
        assertThat(den().mayModerate("bob", "dave")).isFalse();
    }

    @Test
    void aRoleFrameMarksTheMemberAndARenameKeepsTheRole() {
        FakeTransports.Link link = inDen("alice", Map.of("alice", Role.OWNER), RoomMode.OPEN);

        link.serverSends(new ServerFrame.RoleChanged("den", "dave", Role.OP, "alice", null));
        assertThat(den().members()).containsExactly("alice", "dave", "bob", "carol");
        assertThat(lastLine()).isEqualTo("You made dave an op of den");

        link.serverSends(new ServerFrame.Presence("den", "zed", PresenceEvent.RENAME, "dave", null));
        assertThat(den().role("zed")).isEqualTo(Role.OP);
        assertThat(den().members()).containsExactly("alice", "zed", "bob", "carol");

        link.serverSends(new ServerFrame.RoleChanged("den", "zed", Role.MEMBER, "alice", null));
        assertThat(den().role("zed")).isEqualTo(Role.MEMBER);
        assertThat(lastLine()).isEqualTo("You took op from zed");
    }

    @Test
    void aKickedUserSeesWhyTheRoomGoesQuietAndTheyMayRejoin() {
        FakeTransports.Link link = inDen("bob", Map.of("alice", Role.OWNER), RoomMode.OPEN);

        link.serverSends(new ServerFrame.Kicked("den", "alice", "spam", null));

        assertThat(den().joined()).isFalse();
        assertThat(den().members()).isEmpty();
        assertThat(lastLine()).startsWith("You were kicked from den by alice (spam)");
        assertThat(model.joinedRooms()).isEmpty();

        client.submit("/join den");
        assertThat(link.lastSent()).isInstanceOfSatisfying(ClientFrame.Join.class, join -> assertThat(join.room()).isEqualTo("den"));
        link.serverSends(new ServerFrame.Joined("den", "", List.of("alice", "bob"), List.of(), Frames.EPOCH,
                Map.of("alice", Role.OWNER), RoomMode.OPEN, ((ClientFrame.Join) link.lastSent()).id()));
        assertThat(den().joined()).isTrue();
        assertThat(lastLine()).isEqualTo("You joined den");
    }

    @Test
    void othersSeeAKickTakeTheMemberOffTheList() {
        FakeTransports.Link link = inDen("alice", Map.of("alice", Role.OWNER), RoomMode.OPEN);

        link.serverSends(new ServerFrame.Presence("den", "bob", PresenceEvent.KICK, null, "spam", "alice", null));

        assertThat(den().members()).doesNotContain("bob");
        assertThat(lastLine()).isEqualTo("bob was kicked by alice (spam)");
    }

    @Test
    void modesBansInvitationsAndKillsAreLinesInTheConversation() {
        FakeTransports.Link link = inDen("bob", Map.of("alice", Role.OWNER), RoomMode.OPEN);

        link.serverSends(new ServerFrame.ModeChanged("den", new RoomMode(true, false, false), "alice", null));
        assertThat(den().mode().invite()).isTrue();
        assertThat(lastLine()).isEqualTo("alice made den invite-only");

        link.serverSends(new ServerFrame.Bans("den", List.of("mallory", "eve"), "x"));
        assertThat(lastLine()).isEqualTo("Banned from den (2): mallory, eve");

        link.serverSends(new ServerFrame.Invited("attic", "bob", "carol", null));
        assertThat(lastLine()).isEqualTo("carol invited you to attic \u2014 /join attic");

        link.serverSends(new ServerFrame.Killed("mallory", "flooding", "k"));
        assertThat(lastLine()).isEqualTo("Disconnected mallory from the server (flooding)");
    }

    @Test
    void commandsInTheInputBoxAskForTheCurrentRoom() {
        FakeTransports.Link link = inDen("alice", Map.of("alice", Role.OWNER), RoomMode.OPEN);

        client.submit("/op bob");
        assertThat(link.lastSent()).isInstanceOfSatisfying(ClientFrame.Op.class, op -> {
            assertThat(op.room()).isEqualTo("den");
            assertThat(op.nick()).isEqualTo("bob");
            assertThat(op.grant()).isTrue();
        });
        client.submit("/kick bob way too loud");
        assertThat(link.lastSent()).isInstanceOfSatisfying(ClientFrame.Kick.class,
                kick -> assertThat(kick.reason()).isEqualTo("way too loud"));
        client.submit("/unban bob");
        assertThat(link.lastSent()).isInstanceOfSatisfying(ClientFrame.Ban.class, ban -> assertThat(ban.ban()).isFalse());
        client.submit("/mode +i -m");
        assertThat(link.lastSent()).isInstanceOfSatisfying(ClientFrame.Mode.class, mode -> {
            assertThat(mode.invite()).isTrue();
            assertThat(mode.moderated()).isFalse();
            assertThat(mode.secret()).isNull();
        });
        client.submit("/claim");
        assertThat(link.lastSent()).isInstanceOf(ClientFrame.Claim.class);
        client.submit("/invite carol");
        assertThat(link.lastSent()).isInstanceOfSatisfying(ClientFrame.Invite.class, invite -> assertThat(invite.nick()).isEqualTo("carol"));

        String id = ((ClientFrame.Invite) link.lastSent()).id();
        link.serverSends(new ServerFrame.Error(ErrorCode.NOT_OP, "you are not an owner or op of room \"den\"", id));
        assertThat(lastLine()).isEqualTo("Not allowed: you are not an owner or op of room \"den\".");
    }

    @Test
    void aBannedOrUninvitedJoinSaysSo() {
        FakeTransports.Link link = inDen("bob", Map.of(), RoomMode.OPEN);

        client.submit("/join attic");
        String id = ((ClientFrame.Join) link.lastSent()).id();
        link.serverSends(new ServerFrame.Error(ErrorCode.BANNED, "you are banned from room \"attic\"", id));
        assertThat(lastLine()).isEqualTo("Cannot join: you are banned from room \"attic\".");
        assertThat(den().transcript().get(den().transcript().size() - 1).kind()).isEqualTo(TranscriptEntry.Kind.ERROR);
    }

    @Test
    void theParserKnowsTheModerationCommands() {
        assertThat(CommandParser.parse("/kick bob")).isEqualTo(new Command.Kick("bob", null));
        assertThat(CommandParser.parse("/deop bob")).isEqualTo(new Command.Op("bob", false));
        assertThat(CommandParser.parse("/mode +ims")).isEqualTo(new Command.Mode(true, true, true));
        assertThat(CommandParser.parse("/mode i")).isInstanceOf(Command.Invalid.class);
        assertThat(CommandParser.parse("/op")).isInstanceOf(Command.Invalid.class);
        assertThat(CommandParser.parse("/ban two words")).isInstanceOf(Command.Invalid.class);
        assertThat(CommandParser.USAGE).anyMatch(line -> line.startsWith("/kick NICK [REASON]"));
    }
}
