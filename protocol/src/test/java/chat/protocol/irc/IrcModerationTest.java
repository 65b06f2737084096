package chat.protocol.irc;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ClientFrame;
import chat.protocol.ErrorCode;
import chat.protocol.PresenceEvent;
import chat.protocol.Role;
import chat.protocol.RoomMode;
import chat.protocol.ServerFrame;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Moderation in IRC's words: MODE, KICK and INVITE become the room's requests, and its answers come back as IRC lines. */
class IrcModerationTest {

    private final IrcClient alice = IrcClient.inRoom("alice", "den");

    @Test
    void channelFlagsBecomeOneModeRequestAndOpsAndBansOneEach() {
        List<ClientFrame> asked = IrcClient.asked(alice.send("MODE #den +im-s+o-b carol bob!*@*"));
        assertThat(asked).hasSize(3);
        assertThat(asked.get(0)).isInstanceOfSatisfying(ClientFrame.Op.class, op -> {
            assertThat(op.room()).isEqualTo("den");
            assertThat(op.nick()).isEqualTo("carol");
            assertThat(op.grant()).isTrue();
        });
        assertThat(asked.get(1)).isInstanceOfSatisfying(ClientFrame.Ban.class, ban -> {
            assertThat(ban.nick()).as("the nick of the mask").isEqualTo("bob");
            assertThat(ban.ban()).isFalse();
        });
        assertThat(asked.get(2)).isInstanceOfSatisfying(ClientFrame.Mode.class, mode -> {
            assertThat(mode.invite()).isTrue();
            assertThat(mode.moderated()).isTrue();
            assertThat(mode.secret()).isFalse();
        });
    }

    @Test
    void aModeLetterWithoutItsNickOrUnknownIsRefused() {
        assertThat(alice.says("MODE #den +o")).containsExactly(
                ":irc.example 461 alice MODE :Not enough parameters: o needs a nick");
        assertThat(alice.says("MODE #den +k secret")).containsExactly(
                ":irc.example 472 alice k :is unknown mode char to me: channel modes are bims");
    }

    @Test
    void kickAndInviteNameTheRoomAndTheNick() {
        assertThat(alice.request("KICK #den bob :\u0002spam\u0002")).isInstanceOfSatisfying(ClientFrame.Kick.class, kick -> {
            assertThat(kick.room()).isEqualTo("den");
            assertThat(kick.nick()).isEqualTo("bob");
            assertThat(kick.reason()).as("formatting dropped").isEqualTo("spam");
        });
        assertThat(alice.request("INVITE bob #den")).isInstanceOfSatisfying(ClientFrame.Invite.class, invite -> {
            assertThat(invite.room()).isEqualTo("den");
            assertThat(invite.nick()).isEqualTo("bob");
        });
        assertThat(alice.says("KICK #den")).containsExactly(":irc.example 461 alice KICK :Not enough parameters");
    }

    @Test
    void rolesModesAndKicksReachIrcMembersAsModeAndKickLines() {
        assertThat(alice.seesInRoom(new ServerFrame.RoleChanged("den", "carol", Role.OP, "bob", null)))
                .containsExactly(":bob!bob@chat.example MODE #den +o carol");
        assertThat(alice.seesInRoom(new ServerFrame.RoleChanged("den", "carol", Role.MEMBER, "bob", null)))
                .containsExactly(":bob!bob@chat.example MODE #den -o carol");
        assertThat(alice.seesInRoom(new ServerFrame.ModeChanged("den", new RoomMode(true, false, true), "bob", null)))
                .containsExactly(":bob!bob@chat.example MODE #den +is-m");
        assertThat(alice.seesInRoom(new ServerFrame.Presence("den", "carol", PresenceEvent.KICK, null, null, "bob", null)))
                .as("without a reason, the kicker's nick, as IRC servers do")
                .containsExactly(":bob!bob@chat.example KICK #den carol :bob");
        assertThat(alice.receives(new ServerFrame.Kicked("den", "bob", "spam", null)))
                .containsExactly(":bob!bob@chat.example KICK #den alice :spam");
    }

    @Test
    void ownersAndOpsHaveTheirAtInNamesAndAModeLineFollowsAJoinedRoomWithModes() {
        IrcClient carol = IrcClient.registered("carol");
        assertThat(carol.receives(new ServerFrame.Joined("den", "", List.of("bob", "carol"), List.of(), "e",
                Map.of("bob", Role.OWNER), new RoomMode(true, false, false), null))).containsExactly(
                ":carol!carol@chat.example JOIN #den",
                ":irc.example 353 carol = #den :@bob carol",
                ":irc.example 366 carol #den :End of /NAMES list",
                ":irc.example MODE #den +i-ms");
    }

    @Test
    void refusalsOfTheRoomAreTheNumericsIrcClientsKnow() {
        IrcConnection.Reading kick = alice.send("KICK #den bob");
        String re = IrcClient.asked(kick).get(0).id();
        assertThat(alice.receives(new ServerFrame.Error(ErrorCode.NOT_OP, "you are not an owner or op of room \"den\"", re)))
                .containsExactly(":irc.example 482 alice #den :you are not an owner or op of room \"den\"");
        String join = IrcClient.asked(alice.send("JOIN #vault")).get(0).id();
        assertThat(alice.receives(new ServerFrame.Error(ErrorCode.INVITE_ONLY, "invite only", join)))
                .containsExactly(":irc.example 473 alice #vault :invite only");
        String bans = IrcClient.asked(alice.send("MODE #den +b bob")).get(0).id();
        assertThat(alice.receives(new ServerFrame.Bans("den", List.of("bob"), bans))).containsExactly(
                ":irc.example 367 alice #den :bob",
                ":irc.example 368 alice #den :End of channel ban list");
    }
}
