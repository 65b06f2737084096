package chat.client.ui;

import static chat.client.ui.GuiSession.awaitThat;
import static chat.client.ui.GuiSession.transcript;
import static org.assertj.core.api.Assertions.assertThat;

import chat.client.ChatApp;
import chat.client.ConnectionPreferences;
import chat.client.Options;
import chat.client.net.ServerList;
import chat.client.net.TransportFactory;
import chat.client.testing.Network;
import chat.client.testing.TestUser;
import java.awt.Component;
import java.awt.event.KeyEvent;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JTextComponentFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real windows (under Xvfb in CI) driven by AssertJ Swing's robot: keys are typed, the other
 * window is read. Skipped only where there is no display at all.
 */
class ChatWindowGuiTest {

    @RegisterExtension
    static final GuiDesk GUI = GuiDesk.at("chat.history.on-join = 5", "chat/swing-client-gui-tests");

    /** xvfb-run's default screen is 640x480: the windows share it, and typing goes to the one in front. */
    private static final int WINDOW_WIDTH = 640;
    private static final int WINDOW_HEIGHT = 460;
    /** A group's first line as the transcript's text shows it: the nick, two no-break spaces, the time. */
    private static final Pattern GROUP_HEADER = Pattern.compile("(.+)\u00a0\u00a0\\d{2}:\\d{2}");

    private static ChatApp launch(String nick, TransportFactory transports) {
        return GUI.session().launch(nick, transports, WINDOW_WIDTH, WINDOW_HEIGHT);
    }

    private static ChatApp launch(String nick) {
        return launch(nick, new Network());
    }

    private static FrameFixture fixture(ChatApp app) {
        return GUI.session().fixture(app);
    }

    private static void type(ChatApp app, String line) {
        GUI.session().type(app, line);
    }

    /**
     * The nick in the header above the line {@code text}: a message group starts with its sender
     * and the time, and further lines of the same sender follow it without a header.
     */
    private static String senderShownFor(String transcript, String text) {
        List<String> lines = transcript.lines().map(String::strip).toList();
        int at = lines.indexOf(text);
        assertThat(at).as("the line %s in the transcript:%n%s", text, transcript).isNotNegative();
        for (int above = at - 1; above >= 0; above--) {
            Matcher header = GROUP_HEADER.matcher(lines.get(above));
            if (header.matches()) {
                return header.group(1);
            }
        }
        throw new AssertionError("no sender above " + text + " in the transcript:\n" + transcript);
    }

    @Test
    void whatOneTypesTheOtherReadsChineseAndJapaneseIncluded() {
        ChatApp ming = launch("小明");
        ChatApp alice = launch("alice");
        awaitThat("小明 to see alice arrive", () -> transcript(ming).contains("alice joined"));

        type(alice, "你好，小明！こんにちは");

        awaitThat("小明 to read alice", () -> transcript(ming).contains("你好，小明！こんにちは"));
        assertThat(senderShownFor(transcript(ming), "你好，小明！こんにちは")).as("who 小明 sees saying it").isEqualTo("alice");
        assertThat(fixture(alice).textBox("input").text()).isEmpty();
        awaitThat("alice to see her own line", () -> transcript(alice).contains("你好，小明！こんにちは"));
        assertThat(senderShownFor(transcript(alice), "你好，小明！こんにちは")).as("who alice sees saying it").isEqualTo("alice");
    }

    @Test
    void slashCommandsJoinSetTheTopicAndCompleteOnTab() {
        try (TestUser cathy = TestUser.online("cathy", GUI.server().endpoint())) {
            ChatApp carol = launch("carol");
            FrameFixture window = fixture(carol);

            type(carol, "/join 大厅");
            awaitThat("the new room to be shown", () -> "# 大厅".equals(window.label("title").text()));
            cathy.joins("大厅");
            awaitThat("cathy in the room", () -> transcript(carol).contains("cathy joined"));
            type(carol, "/topic 午饭 at noon");
            awaitThat("the topic in the header", () -> "午饭 at noon".equals(window.label("topic").text()));

            JTextComponentFixture input = window.textBox("input");
            input.enterText("/jo");
            input.pressAndReleaseKeys(KeyEvent.VK_TAB);
            assertThat(input.text()).isEqualTo("/join ");
            input.deleteText();
            input.enterText("ca");
            input.pressAndReleaseKeys(KeyEvent.VK_TAB);
            assertThat(input.text()).as("the others are offered, not carol herself").isEqualTo("cathy: ");
            input.deleteText();

            input.pressAndReleaseKeys(KeyEvent.VK_UP);
            assertThat(input.text()).isEqualTo("/topic 午饭 at noon");
        }
    }

    @Test
    void turningTheWheelUpAtTheTopBringsOlderHistory() {
        try (TestUser ivy = TestUser.online("ivy", GUI.server().endpoint())) {
            ivy.joins("archive");
            IntStream.rangeClosed(1, 12).forEach(i -> ivy.says("archive", "page line " + i));
            ChatApp jack = launch("jack");
            FrameFixture window = fixture(jack);
            type(jack, "/join archive");
            awaitThat("the last five lines", () -> transcript(jack).contains("page line 12"));
            assertThat(transcript(jack)).doesNotContain("page line 7");

            GUI.session().robot().rotateMouseWheel(GUI.session().robot().finder().findByName(window.target(), "transcript"), -3);

            awaitThat("the older lines", () -> transcript(jack).contains("page line 1\n"));
            String shown = transcript(jack);
            assertThat(shown.indexOf("page line 1\n")).isLessThan(shown.indexOf("page line 12"));
        }
    }

    @Test
    void aLostConnectionShowsTheBannerDisablesInputAndComesBack() {
        Network network = new Network();
        ChatApp dave = launch("dave", network);
        FrameFixture window = fixture(dave);
        Component banner = GUI.session().robot().finder().findByName(window.target(), "connectionBanner", false);
        assertThat(GuiActionRunner.execute(banner::isShowing)).isFalse();

        GuiActionRunner.execute(network::cut);

        awaitThat("the banner", () -> GuiActionRunner.execute(banner::isShowing));
        assertThat(window.textBox("connectionBannerText").text()).startsWith("Connection lost");
        window.textBox("input").requireDisabled();

        GuiActionRunner.execute(network::restore);

        awaitThat("the banner to go", () -> !GuiActionRunner.execute(banner::isShowing));
        window.textBox("input").requireEnabled();
        assertThat(transcript(dave)).contains("Reconnected");
    }

    @Test
    void theConnectDialogSaysTheNickIsTakenAndLetsTheUserPickAnother() {
        launch("gina");
        Options withoutNick = new Options(Optional.of(ServerList.of(GUI.server().endpoint())), Optional.empty(),
                Optional.empty(), Optional.of("light"));
        ChatApp app = GuiActionRunner.execute(() -> ChatApp.start(withoutNick, new ConnectionPreferences(GUI.scratch()), new Network()));
        GUI.session().adopt(app);
        FrameFixture dialog = GUI.session().dialog(app);

        // Enter, the dialog's default button, rather than a mouse click that a loaded machine may lose.
        dialog.textBox("nick").deleteText().enterText("GINA").pressAndReleaseKeys(KeyEvent.VK_ENTER);

        Component problem = GUI.session().robot().finder().findByName(app.dialog(), "problem", false);
        awaitThat("the refusal", () -> GuiActionRunner.execute(problem::isShowing));
        dialog.textBox("problem").requireText("The nick \u201cGINA\u201d is taken. Please choose another one.");

        dialog.textBox("nick").deleteText().enterText("gina2").pressAndReleaseKeys(KeyEvent.VK_ENTER);

        awaitThat("the chat window", () -> GuiActionRunner.execute(() -> app.window().isShowing()));
        assertThat(GuiActionRunner.execute(() -> app.dialog().isDisplayable())).isFalse();
    }

    @Test
    void closingTheWindowSaysByeToTheOthers() {
        ChatApp erin = launch("erin");
        ChatApp frank = launch("frank");
        awaitThat("erin to see frank", () -> transcript(erin).contains("frank joined"));

        fixture(frank).close();

        awaitThat("erin to see frank leave", () -> transcript(erin).contains("frank quit (client quit)"));
        awaitThat("frank's window to close", () -> !GuiActionRunner.execute(() -> frank.window().isDisplayable()));
    }
}
