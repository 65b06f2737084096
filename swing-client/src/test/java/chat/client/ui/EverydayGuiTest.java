package chat.client.ui;

import static chat.client.ui.GuiSession.awaitThat;
import static chat.client.ui.GuiSession.transcript;
import static org.assertj.core.api.Assertions.assertThat;

import chat.client.ChatApp;
import chat.client.ConnectionPreferences;
import chat.client.Options;
import chat.client.model.Conversation;
import chat.client.net.Endpoint;
import chat.client.net.ServerList;
import chat.client.testing.Network;
import chat.client.testing.TestUser;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.KeyboardFocusManager;
import java.awt.event.KeyEvent;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import javax.swing.JLabel;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JTextComponentFixture;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The small things people notice after an afternoon with the client. */
class EverydayGuiTest {

    @RegisterExtension
    static final GuiDesk GUI = GuiDesk.at("", "chat/swing-client-everyday-tests");

    private ChatApp connectDialog() {
        Options withoutNick = new Options(Optional.of(ServerList.of(GUI.server().endpoint())), Optional.empty(),
                Optional.empty(), Optional.of("light"));
        ChatApp app = GuiActionRunner.execute(() -> ChatApp.start(withoutNick, new ConnectionPreferences(GUI.scratch()), new Network()));
        GUI.session().adopt(app);
        return app;
    }

    private static String focused() {
        return GuiActionRunner.execute(() -> {
            Component owner = KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner();
            return owner == null ? "nothing" : owner.getName();
        });
    }

    @Test
    void afterAWrongHostOrPortTheConnectDialogPutsTheCaretThereNotInTheNick() throws Exception {
        ChatApp app = connectDialog();
        FrameFixture dialog = GUI.session().dialog(app);
        Component problem = GUI.session().robot().finder().findByName(app.dialog(), "problem", false);

        dialog.textBox("host").deleteText().enterText("no-such-host.invalid");
        // Enter, the dialog's default button, rather than a mouse click that a loaded machine may lose.
        dialog.textBox("nick").deleteText().enterText("wendy").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        // Finding out that a name does not exist takes what the name server takes; on a busy machine, seconds.
        awaitThat("the refusal", () -> GuiActionRunner.execute(problem::isShowing), Timeout.timeout(60_000));
        awaitThat("the caret in the host", () -> "host".equals(focused()));

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        dialog.textBox("host").deleteText().enterText("127.0.0.1");
        dialog.textBox("port").deleteText().enterText(Integer.toString(closedPort)).pressAndReleaseKeys(KeyEvent.VK_ENTER);
        awaitThat("the second refusal", () -> dialog.textBox("problem").text().contains("connection refused"));
        awaitThat("the caret in the port", () -> "port".equals(focused()));
        dialog.textBox("nick").requireText("wendy");
    }

    @Test
    void aReconnectThatFindsTheNickTakenLetsTheUserPickAnother() throws InterruptedException {
        Network network = new Network();
        ChatApp hana = GUI.session().launch("hana", network, 800, 600);
        FrameFixture window = GUI.session().fixture(hana);
        Component banner = GUI.session().robot().finder().findByName(hana.window(), "connectionBanner", false);
        GuiActionRunner.execute(network::cut);
        awaitThat("the banner", () -> GuiActionRunner.execute(banner::isShowing));

        try (TestUser usurper = takeNick("hana")) {
            GuiActionRunner.execute(network::restore);
            window.button("retryNow").click();
            awaitThat("the offer of another nick", () -> GuiActionRunner.execute(
                    () -> GUI.session().robot().finder().findByName(hana.window(), "bannerNick", false).isShowing()));
            assertThat(window.textBox("connectionBannerText").text()).contains("The nick \u201chana\u201d is still taken");

            window.textBox("bannerNick").enterText("hana2");
            window.button("useNick").click();

            awaitThat("the banner to go", () -> !GuiActionRunner.execute(banner::isShowing));
            window.textBox("input").requireEnabled();
            assertThat(window.label("status").text()).endsWith("as hana2");
            usurper.await("hana2 back in the lobby", u -> u.members("lobby").contains("hana2"));
        }
    }

    /** Logs in as {@code nick} as soon as the server has let go of the session that held it. */
    private static TestUser takeNick(String nick) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            TestUser user = TestUser.tryingToLogIn(nick, GUI.server().endpoint());
            user.await("an answer to the login", u -> !u.events().isEmpty());
            if (user.events().get(0).startsWith("logged in")) {
                return user;
            }
            user.close();
            Thread.sleep(100);
        }
        throw new AssertionError("the server never let go of " + nick);
    }

    @Test
    void theConnectDialogSaysASpaceIsASpace() {
        ChatApp app = connectDialog();
        FrameFixture dialog = GUI.session().dialog(app);

        // Enter, in the field just typed into, is the dialog's default button: no mouse click to lose
        // on a busy machine.
        dialog.textBox("nick").deleteText().enterText("wendy smith").pressAndReleaseKeys(KeyEvent.VK_ENTER);

        dialog.textBox("problem").requireText("That nick will not do: a nick has no spaces.");
    }

    @Test
    void theServerFieldTakesTheNodesOfAClusterAndTheLoginGoesOnPastOneThatIsDown() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Endpoint down = new Endpoint("127.0.0.1", closedPort);
        Endpoint up = GUI.server().endpoint();
        ChatApp app = connectDialog();
        FrameFixture dialog = GUI.session().dialog(app);

        dialog.textBox("host").deleteText().enterText(down + ",," + up);
        dialog.textBox("nick").deleteText().enterText("ulla").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        dialog.textBox("problem").requireText("The server field has an empty entry: two commas in a row, or one at an end.");

        dialog.textBox("host").deleteText().enterText(down + "," + up);
        dialog.textBox("nick").pressAndReleaseKeys(KeyEvent.VK_ENTER);

        awaitThat("the chat window", () -> GuiActionRunner.execute(() -> app.window().isShowing()));
        JLabel status = (JLabel) GUI.session().robot().finder().findByName(app.window(), "status", false);
        awaitThat("the status naming the server that let ulla in",
                () -> GuiActionRunner.execute(status::getText).equals("Connected to " + up + " as ulla"));
        assertThat(new ConnectionPreferences(GUI.scratch()).servers(Optional.empty())).isEqualTo(ServerList.of(down, up));
    }

    @Test
    void atItsSmallestTheWindowLeavesMostOfItsWidthToTheMessages() {
        ChatApp xena = GUI.session().launch("xena", new Network(), 1000, 700);
        Dimension smallest = GuiActionRunner.execute(() -> xena.window().getMinimumSize());
        GuiActionRunner.execute(() -> xena.window().setSize(smallest));
        GUI.session().robot().waitForIdle();

        Component transcript = GUI.session().robot().finder().findByName(xena.window(), "transcript", false);
        JScrollPane scroll = (JScrollPane) SwingUtilities.getAncestorOfClass(JScrollPane.class, transcript);
        int messages = GuiActionRunner.execute(() -> scroll.getWidth());
        assertThat(messages).as("the width of the messages in a window %s wide", smallest.width).isGreaterThanOrEqualTo(400);
    }

    @Test
    void theReconnectBannerShowsItsWholeSentence() {
        Network network = new Network();
        ChatApp yuri = GUI.session().launch("yuri", network, 640, 460);
        Component banner = GUI.session().robot().finder().findByName(yuri.window(), "connectionBanner", false);

        GuiActionRunner.execute(network::cut);
        awaitThat("the banner", () -> GuiActionRunner.execute(banner::isShowing));
        GUI.session().robot().waitForIdle();

        Component text = GUI.session().robot().finder().findByName(yuri.window(), "connectionBannerText", false);
        assertThat(GuiActionRunner.execute(() -> wholeTextShown(text))).as("the whole banner text in sight").isTrue();
    }

    /** A label shows all of its text when it has the width it asks for; a text area when it has the height. */
    private static boolean wholeTextShown(Component text) {
        Dimension wanted = text.getPreferredSize();
        if (text instanceof JLabel) {
            return text.getWidth() >= wanted.width && text.getHeight() >= wanted.height;
        }
        return text.getHeight() >= wanted.height && ((JTextComponent) text).getVisibleRect().height >= wanted.height;
    }

    @Test
    void theInputGrowsToShowFiveLinesBeforeItScrolls() {
        ChatApp zoe = GUI.session().launch("zoe", new Network(), 800, 600);
        JTextComponentFixture input = GUI.session().fixture(zoe).textBox("input");
        input.focus();
        for (int line = 1; line <= 5; line++) {
            input.enterText("line " + line);
            if (line < 5) {
                GUI.session().robot().pressKey(KeyEvent.VK_SHIFT);
                GUI.session().robot().pressAndReleaseKey(KeyEvent.VK_ENTER);
                GUI.session().robot().releaseKey(KeyEvent.VK_SHIFT);
            }
        }
        GUI.session().robot().waitForIdle();

        Component area = input.target();
        int shown = GuiActionRunner.execute(() -> area.getParent().getHeight());
        int needed = GuiActionRunner.execute(() -> area.getPreferredSize().height);
        assertThat(GuiActionRunner.execute(() -> ((JTextComponent) area).getText())).isEqualTo("line 1\nline 2\nline 3\nline 4\nline 5");
        assertThat(shown).as("the height of the input in sight").isGreaterThanOrEqualTo(needed);
    }

    @Test
    void comingBackToARoomShowsWhereTheNewMessagesBegin() {
        try (TestUser ari = TestUser.online("ari", GUI.server().endpoint())) {
            ari.joins("kitchen");
            ari.says("kitchen", "read before");
            ChatApp bea = GUI.session().launch("bea", new Network(), 800, 600);
            GUI.session().type(bea, "/join kitchen");
            awaitThat("the kitchen", () -> transcript(bea).contains("read before"));
            GuiActionRunner.execute(() -> bea.client().model().select(Conversation.roomKey("lobby")));

            ari.says("kitchen", "new one");
            ari.says("kitchen", "new two");
            awaitThat("two unread", () -> GuiActionRunner.execute(
                    () -> bea.client().model().room("kitchen").orElseThrow().unread() == 2));
            GuiActionRunner.execute(() -> bea.client().model().select(Conversation.roomKey("kitchen")));

            List<String> lines = transcript(bea).lines().map(String::strip).toList();
            int marker = lines.indexOf("New messages");
            assertThat(marker).as("the marker in%n%s", lines).isPositive();
            assertThat(lines.subList(0, marker)).contains("read before").doesNotContain("new one");
            assertThat(lines.subList(marker, lines.size())).contains("new one", "new two");
        }
    }

    @Test
    void theServersDefaultWelcomeSpeaksToPeopleNotToNetcat() {
        ChatApp cleo = GUI.session().launch("cleo", new Network(), 800, 600);
        awaitThat("the lobby", () -> transcript(cleo).contains("You joined lobby"));

        String lobby = transcript(cleo);
        assertThat(lobby).startsWith("Welcome");
        assertThat(lobby.lines().findFirst().orElseThrow()).doesNotContain("{").doesNotContain("\"type\"");
    }
}
