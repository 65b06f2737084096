package chat.client.ui;

import static chat.client.testing.Frames.joined;
import static chat.client.testing.Frames.welcome;
import static chat.client.ui.GuiSession.awaitThat;
import static chat.client.ui.GuiSession.transcript;
import static org.assertj.core.api.Assertions.assertThat;

import chat.client.ChatApp;
import chat.client.net.Endpoint;
import chat.client.net.ServerList;
import chat.client.testing.FakeTransports;
import chat.protocol.ClientFrame;
import chat.protocol.ErrorCode;
import chat.protocol.Secret;
import chat.protocol.ServerFrame;
import java.awt.event.KeyEvent;
import java.util.List;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.exception.WaitTimedOutError;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Logging in to an account, registering a nick and changing its password, in real windows; the
 * server is played by the test, frame by frame, as the contract has it answer.
 */
class AccountGuiTest {

    @RegisterExtension
    static final GuiDesk GUI = GuiDesk.at("", "chat/swing-client-account-tests");

    private static final ServerList SERVER = ServerList.of(new Endpoint("chat.test", 7777));

    private final FakeTransports server = new FakeTransports();

    private FakeTransports.Link connection(int number) {
        awaitThat("connection " + number, () -> GuiActionRunner.execute(server::count) >= number);
        FakeTransports.Link link = GuiActionRunner.execute(server::last);
        awaitThat("a hello on connection " + number, () -> GuiActionRunner.execute(() -> !link.sent().isEmpty()));
        return link;
    }

    private static ClientFrame.Hello hello(FakeTransports.Link link) {
        return GuiActionRunner.execute(() -> (ClientFrame.Hello) link.sent().get(0));
    }

    /** The last frame sent on {@code link} once it is a {@code type}: the answer to it carries its id. */
    private static <T extends ClientFrame> T awaitSent(FakeTransports.Link link, Class<T> type, DialogFixture form) {
        try {
            awaitThat("a " + type.getSimpleName(), () -> GuiActionRunner.execute(() -> type.isInstance(link.lastSent())));
        } catch (WaitTimedOutError e) {
            throw new AssertionError("no " + type.getSimpleName() + " went out; the form says: "
                    + form.textBox("accountProblem").text(), e);
        }
        return type.cast(GuiActionRunner.execute(link::lastSent));
    }

    private static long sentOf(FakeTransports.Link link, Class<? extends ClientFrame> type) {
        return GuiActionRunner.execute(() -> link.sent().stream().filter(type::isInstance).count());
    }

    private static String status(ChatApp app) {
        return GUI.session().fixture(app).label("status").text();
    }

    @Test
    void anAccountsNickBringsUpThePasswordPromptWhoseAnswerGoesInTheHelloAndTheWindowNamesTheAccount() {
        ChatApp app = GUI.session().start(SERVER, "alice", server);
        FakeTransports.Link first = connection(1);
        assertThat(hello(first).password()).isNull();

        first.serverSends(new ServerFrame.Error(ErrorCode.AUTH_REQUIRED,
                "\"alice\" is a registered account: log in with its password, or pick another nick", null));

        DialogFixture prompt = GUI.session().awaitDialog("passwordPrompt");
        prompt.textBox("passwordPromptText").requireText(
                "\u201calice\u201d is a registered account \u2014 enter its password, or choose another nick.");
        prompt.textBox("password").enterText("correct horse").pressAndReleaseKeys(KeyEvent.VK_ENTER);

        FakeTransports.Link second = connection(2);
        assertThat(hello(second).nick()).isEqualTo("alice");
        assertThat(hello(second).password()).isEqualTo(new Secret("correct horse"));
        second.serverSends(new ServerFrame.Welcome("alice", 1, "test/1", 30, "Welcome back", "alice", null),
                joined("lobby", List.of("alice"), List.of(), null));

        GUI.session().shown(app, 800, 600);
        assertThat(status(app)).isEqualTo("Connected to chat.test:7777 as alice (account)");
        prompt.requireNotVisible();
        FrameFixture window = GUI.session().fixture(app);
        window.menuItem("registerItem").requireDisabled();
        window.menuItem("changePasswordItem").requireEnabled();
    }

    @Test
    void aWrongPasswordAsksAgainAndChoosingAnotherNickGoesBackToTheConnectDialog() {
        ChatApp app = GUI.session().start(SERVER, "alice", server);
        connection(1).serverSends(new ServerFrame.Error(ErrorCode.AUTH_REQUIRED, "\"alice\" is a registered account", null));
        DialogFixture prompt = GUI.session().awaitDialog("passwordPrompt");

        prompt.textBox("password").enterText("short").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        prompt.textBox("passwordProblem").requireText("An account's password has 8 to 256 characters.");
        assertThat(GuiActionRunner.execute(server::count)).as("no account has such a password: not asked").isEqualTo(1);
        prompt.textBox("password").requireEmpty().enterText("battery staple").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        connection(2).serverSends(new ServerFrame.Error(ErrorCode.AUTH_FAILED, "wrong password", null));

        DialogFixture again = GUI.session().awaitDialog("passwordPrompt");
        again.textBox("passwordPromptText").requireText("Wrong password for \u201calice\u201d. Try again, or choose another nick.");
        again.button("otherNick").click();

        awaitThat("the connect dialog", () -> GuiActionRunner.execute(() -> app.dialog() != null && app.dialog().isShowing()));
        FrameFixture dialog = GUI.session().dialog(app);
        dialog.textBox("problem").requireText("\u201calice\u201d is a registered account: choose another nick, or log in with its password.");
        dialog.textBox("nick").deleteText().enterText("alice2").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        FakeTransports.Link third = connection(3);
        assertThat(hello(third).nick()).isEqualTo("alice2");
        assertThat(hello(third).password()).isNull();
    }

    @Test
    void registeringTheNickChecksThePasswordTwiceThenShowsTheAccountAndThePasswordCanBeChanged() {
        ChatApp app = GUI.session().start(SERVER, "bob", server);
        FakeTransports.Link link = connection(1);
        link.serverSends(welcome("bob"), joined("lobby", List.of("bob"), List.of(), null));
        GUI.session().shown(app, 800, 600);
        FrameFixture window = GUI.session().fixture(app);
        window.menuItem("changePasswordItem").requireDisabled();

        window.menuItemWithPath("Account", "Register this nick…").click();
        DialogFixture register = GUI.session().awaitDialog("registerDialog");
        register.textBox("password").enterText("correct horse");
        register.textBox("passwordAgain").enterText("correct house").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        register.textBox("accountProblem").requireText("The two passwords differ: type the same one twice.");
        register.textBox("password").requireEmpty().enterText("short");
        register.textBox("passwordAgain").enterText("short").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        register.textBox("accountProblem").requireText("That password will not do: a password is 8 to 256 characters; this one has 5.");
        assertThat(sentOf(link, ClientFrame.Register.class)).as("nothing went out for either").isZero();

        register.textBox("password").enterText("correct horse");
        register.textBox("passwordAgain").enterText("correct horse").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        ClientFrame.Register first = awaitSent(link, ClientFrame.Register.class, register);
        assertThat(first.password()).isEqualTo(new Secret("correct horse"));
        link.serverSends(new ServerFrame.Error(ErrorCode.ACCOUNT_EXISTS, "\"bob\" is an account already", first.id()));
        awaitThat("the refusal", () -> register.textBox("accountProblem").text().equals("\u201cbob\u201d is already a registered account."));

        register.textBox("password").enterText("correct horse");
        register.textBox("passwordAgain").enterText("correct horse").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        awaitThat("a second register", () -> sentOf(link, ClientFrame.Register.class) == 2);
        link.serverSends(new ServerFrame.Registered("bob", GuiActionRunner.execute(link::lastSent).id()));

        awaitThat("the form to close", () -> !GuiActionRunner.execute(() -> register.target().isShowing()));
        assertThat(status(app)).isEqualTo("Connected to chat.test:7777 as bob (account)");
        assertThat(transcript(app)).contains("\u201cbob\u201d is now your account");
        window.menuItem("registerItem").requireDisabled();

        window.menuItemWithPath("Account", "Change password…").click();
        DialogFixture change = GUI.session().awaitDialog("changePasswordDialog");
        change.textBox("oldPassword").enterText("correct horse");
        change.textBox("newPassword").enterText("battery staple");
        change.textBox("newPasswordAgain").enterText("battery staple").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        ClientFrame.ChangePassword changed = awaitSent(link, ClientFrame.ChangePassword.class, change);
        assertThat(changed.old()).isEqualTo(new Secret("correct horse"));
        assertThat(changed.password()).isEqualTo(new Secret("battery staple"));
        link.serverSends(new ServerFrame.PasswordChanged(changed.id()));

        awaitThat("the form to close", () -> !GuiActionRunner.execute(() -> change.target().isShowing()));
        assertThat(transcript(app)).contains("Your password has changed");

        window.menuItemWithPath("Account", "Change password…").click();
        DialogFixture unanswered = GUI.session().awaitDialog("changePasswordDialog");
        unanswered.textBox("oldPassword").enterText("battery staple");
        unanswered.textBox("newPassword").enterText("staple battery");
        unanswered.textBox("newPasswordAgain").enterText("staple battery").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        awaitThat("a second change", () -> sentOf(link, ClientFrame.ChangePassword.class) == 2);
        link.drop("connection reset");
        awaitThat("the form to say so", () -> unanswered.textBox("accountProblem").text()
                .equals("The connection dropped before the server answered: try again once it is back."));
        unanswered.button("send").requireEnabled();
    }
}
