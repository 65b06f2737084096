package chat.client.ui;

import static chat.client.ui.GuiSession.awaitThat;
import static chat.client.ui.GuiSession.transcript;
import static org.assertj.core.api.Assertions.assertThat;

import chat.client.ChatApp;
import chat.client.testing.Network;
import chat.protocol.Secret;
import java.awt.event.KeyEvent;
import java.util.List;
import javax.swing.JLabel;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JPopupMenuFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A newcomer runs a room of their own from the window, on the real server: the owner's right-click
 * menu in the member list ops, bans and kicks, the Room menu makes the room invite-only and
 * invites, and every window shows what changed.
 */
class ModerationGuiTest {

    @RegisterExtension
    static final GuiDesk GUI = GuiDesk.at("", "chat/swing-client-moderation-tests");

    private static final int WIDTH = 900;
    private static final int HEIGHT = 620;

    /** {@code nick} logged in and registered as an account: the rooms it creates are its own. */
    private static ChatApp account(String nick) {
        ChatApp app = GUI.session().launch(nick, new Network(), WIDTH, HEIGHT);
        GuiActionRunner.execute(() -> app.client().register(new Secret("correct horse battery")));
        awaitThat(nick + " an account", () -> GuiActionRunner.execute(() -> app.client().model().account().isPresent()));
        return app;
    }

    /** Somebody else, their window lower and to the right, so that both member lists stay in sight; only accounts hold roles. */
    private static ChatApp other(String nick, boolean account) {
        ChatApp app = account ? account(nick) : GUI.session().launch(nick, new Network(), WIDTH, HEIGHT);
        GuiActionRunner.execute(() -> app.window().setLocation(660, 360));
        return app;
    }

    /**
     * Brings {@code app}'s window to the front with the keyboard focus. Without a window manager
     * toFront alone moves no focus between windows; a click on the window (its room's name, which
     * does nothing) does, as it would for a person.
     */
    private static FrameFixture front(ChatApp app) {
        FrameFixture window = GUI.session().fixture(app);
        GuiActionRunner.execute(() -> window.target().toFront());
        window.label("title").click();
        awaitThat("the focus in " + app.window().getTitle(), () -> GuiActionRunner.execute(() -> app.window().isFocused()));
        return window;
    }

    private static void type(ChatApp app, String line) {
        front(app);
        GUI.session().type(app, line);
    }

    private static List<String> members(ChatApp app) {
        return List.of(GUI.session().fixture(app).list("members").contents());
    }

    private static void awaitMembers(ChatApp app, String what, java.util.function.Predicate<List<String>> condition) {
        awaitThat(what, () -> condition.test(members(app)));
    }

    private static void awaitLine(ChatApp app, String text) {
        awaitThat("\u201c" + text + "\u201d", () -> transcript(app).contains(text));
    }

    /** Right-clicks {@code nick} in the member list of {@code app}'s window. */
    private static JPopupMenuFixture memberMenu(ChatApp app, String nick) {
        return front(app).list("members").item(nick).showPopupMenu();
    }

    /** What the header says of the room's modes; the label hides when there is nothing to say. */
    private static String roomMode(ChatApp app) {
        JLabel label = GUI.session().robot().finder().findByName(app.window(), "roomMode", JLabel.class, false);
        return GuiActionRunner.execute(() -> label.isVisible() ? label.getText() : "");
    }

    private static void join(ChatApp app, String room) {
        type(app, "/join " + room);
        awaitThat(room + " open", () -> GUI.session().fixture(app).label("title").text().equals("# " + room));
    }

    @Test
    void theOwnerOpsBansAndKicksFromTheMemberListAndEveryWindowShowsIt() {
        ChatApp alice = account("alice");
        join(alice, "den");
        ChatApp bob = other("bob", true);
        join(bob, "den");
        awaitMembers(alice, "bob in alice's list", list -> list.contains("bob"));
        assertThat(members(alice)).containsExactly("\u2605 alice (you)", "bob");

        memberMenu(alice, "bob").menuItem("opItem").click();
        awaitMembers(alice, "bob marked op for alice", list -> list.equals(List.of("\u2605 alice (you)", "@ bob")));
        awaitMembers(bob, "bob marked op for bob", list -> list.equals(List.of("\u2605 alice", "@ bob (you)")));
        awaitLine(bob, "alice made you an op of den");

        // A member may not act on the owner: bob's menu for alice offers nothing but a whisper.
        JPopupMenuFixture bobsMenu = memberMenu(bob, "\u2605 alice");
        bobsMenu.menuItem("kickItem").requireDisabled();
        bobsMenu.menuItem("opItem").requireDisabled();
        GuiActionRunner.execute(() -> bobsMenu.target().setVisible(false));

        // Bans keep no owner or op out: bob loses op first.
        memberMenu(alice, "@ bob").menuItem("deopItem").click();
        awaitMembers(bob, "bob no longer op for bob", list -> list.equals(List.of("\u2605 alice", "bob (you)")));
        awaitLine(bob, "alice took op from you");

        memberMenu(alice, "bob").menuItem("banItem").click();
        awaitLine(alice, "Banned from den (1): bob");

        memberMenu(alice, "bob").menuItem("kickItem").click();
        DialogFixture kick = GUI.session().awaitDialog("kickDialog");
        // Enter, the form's default button, rather than a click a loaded machine may lose.
        kick.textBox("kickDialogAnswer").enterText("spam").pressAndReleaseKeys(KeyEvent.VK_ENTER);

        awaitLine(bob, "You were kicked from den by alice (spam)");
        awaitMembers(alice, "bob gone from alice's list", list -> list.equals(List.of("\u2605 alice (you)")));
        awaitLine(alice, "bob was kicked by alice (spam)");
        assertThat(roomMode(bob)).isEqualTo("not joined");

        type(bob, "/join den");
        awaitLine(bob, "Cannot join: you are banned from room \"den\"");
    }

    @Test
    void theRoomMenuMakesTheRoomInviteOnlyAndAnInvitationLetsSomebodyIn() {
        ChatApp olga = account("olga");
        join(olga, "attic");
        ChatApp pete = other("pete", false);

        front(olga).menuItemWithPath("Room", "Invite-only").click();
        awaitLine(olga, "You made attic invite-only");
        awaitThat("the mode beside the name", () -> roomMode(olga).equals("invite-only"));

        type(pete, "/join attic");
        awaitLine(pete, "Cannot join: room \"attic\" is invite-only");

        front(olga).menuItemWithPath("Room", "Invite someone\u2026").click();
        DialogFixture invite = GUI.session().awaitDialog("inviteDialog");
        invite.textBox("inviteDialogAnswer").enterText("pete").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        awaitLine(pete, "olga invited you to attic \u2014 /join attic");

        join(pete, "attic");
        awaitLine(pete, "attic is invite-only");
        awaitMembers(olga, "pete in olga's list", list -> list.contains("pete"));

        // The commands do what the menus do.
        type(olga, "/mode -i");
        awaitLine(pete, "olga made attic open to everyone");
        awaitThat("no mode beside the name", () -> roomMode(pete).isEmpty());
    }
}
