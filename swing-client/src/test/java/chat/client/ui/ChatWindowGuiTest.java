package chat.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import chat.client.ChatApp;
import chat.client.ConnectionPreferences;
import chat.client.Options;
import chat.client.net.TransportFactory;
import chat.client.testing.LiveServer;
import chat.client.testing.Network;
import chat.client.testing.TestUser;
import java.awt.Component;
import java.awt.GraphicsEnvironment;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JTextComponentFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real windows (under Xvfb in CI) driven by AssertJ Swing's robot: keys are typed, the other
 * window is read. Skipped only where there is no display at all.
 */
class ChatWindowGuiTest {

    private static final Timeout PATIENCE = Timeout.timeout(15_000);
    /** A group's first line as the transcript's text shows it: the nick, two no-break spaces, the time. */
    private static final Pattern GROUP_HEADER = Pattern.compile("(.+)\u00a0\u00a0\\d{2}:\\d{2}");

    private static LiveServer server;
    private static Preferences scratch;

    private Robot robot;
    private final List<FrameFixture> windows = new ArrayList<>();
    private final List<ChatApp> apps = new ArrayList<>();

    @BeforeAll
    static void startServer() {
        assumeFalse(GraphicsEnvironment.isHeadless(), "GUI tests need a display: run them under xvfb-run");
        FailOnThreadViolationRepaintManager.install();
        server = LiveServer.start("chat.history.on-join = 5");
        scratch = Preferences.userRoot().node("chat/swing-client-gui-tests");
    }

    @AfterAll
    static void stopServer() throws BackingStoreException {
        if (server != null) {
            server.close();
            scratch.removeNode();
        }
    }

    @BeforeEach
    void newRobot() {
        robot = BasicRobot.robotWithNewAwtHierarchy();
        robot.settings().delayBetweenEvents(10);
    }

    @AfterEach
    void closeWindows() {
        apps.forEach(app -> GuiActionRunner.execute(() -> app.client().quit()));
        windows.forEach(FrameFixture::cleanUp);
        robot.cleanUp();
    }

    private ChatApp launch(String nick, TransportFactory transports) {
        Options options = new Options(Optional.of(server.endpoint().host()), Optional.of(server.endpoint().port()),
                Optional.of(nick), Optional.of("light"));
        ChatApp app = GuiActionRunner.execute(() -> ChatApp.start(options, new ConnectionPreferences(scratch), transports));
        apps.add(app);
        FrameFixture window = new FrameFixture(robot, app.window());
        windows.add(window);
        awaitThat(nick + "'s window", () -> GuiActionRunner.execute(() -> app.window().isShowing()));
        // xvfb-run's default screen is 640x480: the windows share it, and typing goes to the one in front.
        GuiActionRunner.execute(() -> app.window().setBounds(0, 0, 640, 460));
        return app;
    }

    private ChatApp launch(String nick) {
        return launch(nick, new Network());
    }

    private FrameFixture fixture(ChatApp app) {
        return windows.stream().filter(w -> w.target() == app.window()).findFirst().orElseThrow();
    }

    /** Types into a window; without a window manager focus moves between windows unreliably, so tests type into the newest. */
    private static void type(FrameFixture window, String line) {
        GuiActionRunner.execute(() -> window.target().toFront());
        window.focus();
        JTextComponentFixture input = window.textBox("input");
        input.focus();
        input.enterText(line);
        input.pressAndReleaseKeys(KeyEvent.VK_ENTER);
    }

    private static String transcript(ChatApp app) {
        return GuiActionRunner.execute(() -> app.window().transcriptText());
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

    private static void awaitThat(String what, Supplier<Boolean> condition) {
        Pause.pause(new Condition(what) {
            @Override
            public boolean test() {
                return condition.get();
            }
        }, PATIENCE);
    }

    @Test
    void whatOneTypesTheOtherReadsChineseAndJapaneseIncluded() {
        ChatApp ming = launch("小明");
        ChatApp alice = launch("alice");
        awaitThat("小明 to see alice arrive", () -> transcript(ming).contains("alice joined"));

        type(fixture(alice), "你好，小明！こんにちは");

        awaitThat("小明 to read alice", () -> transcript(ming).contains("你好，小明！こんにちは"));
        assertThat(senderShownFor(transcript(ming), "你好，小明！こんにちは")).as("who 小明 sees saying it").isEqualTo("alice");
        assertThat(fixture(alice).textBox("input").text()).isEmpty();
        awaitThat("alice to see her own line", () -> transcript(alice).contains("你好，小明！こんにちは"));
        assertThat(senderShownFor(transcript(alice), "你好，小明！こんにちは")).as("who alice sees saying it").isEqualTo("alice");
    }

    @Test
    void slashCommandsJoinSetTheTopicAndCompleteOnTab() {
        try (TestUser cathy = TestUser.online("cathy", server.endpoint())) {
            ChatApp carol = launch("carol");
            FrameFixture window = fixture(carol);

            type(window, "/join 大厅");
            awaitThat("the new room to be shown", () -> "# 大厅".equals(window.label("title").text()));
            cathy.joins("大厅");
            awaitThat("cathy in the room", () -> transcript(carol).contains("cathy joined"));
            type(window, "/topic 午饭 at noon");
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
        try (TestUser ivy = TestUser.online("ivy", server.endpoint())) {
            ivy.joins("archive");
            IntStream.rangeClosed(1, 12).forEach(i -> ivy.says("archive", "page line " + i));
            ChatApp jack = launch("jack");
            FrameFixture window = fixture(jack);
            type(window, "/join archive");
            awaitThat("the last five lines", () -> transcript(jack).contains("page line 12"));
            assertThat(transcript(jack)).doesNotContain("page line 7");

            robot.rotateMouseWheel(robot.finder().findByName(window.target(), "transcript"), -3);

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
        Component banner = robot.finder().findByName(window.target(), "connectionBanner", false);
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
        Options withoutNick = new Options(Optional.of(server.endpoint().host()), Optional.of(server.endpoint().port()),
                Optional.empty(), Optional.of("light"));
        ChatApp app = GuiActionRunner.execute(() -> ChatApp.start(withoutNick, new ConnectionPreferences(scratch), new Network()));
        apps.add(app);
        FrameFixture dialog = new FrameFixture(robot, app.dialog());
        windows.add(dialog);

        dialog.textBox("nick").deleteText().enterText("GINA");
        dialog.button("connect").click();

        Component problem = robot.finder().findByName(app.dialog(), "problem", false);
        awaitThat("the refusal", () -> GuiActionRunner.execute(problem::isShowing));
        dialog.textBox("problem").requireText("The nick \u201cGINA\u201d is taken. Please choose another one.");

        dialog.textBox("nick").deleteText().enterText("gina2");
        dialog.button("connect").click();

        awaitThat("the chat window", () -> GuiActionRunner.execute(() -> app.window().isShowing()));
        windows.add(new FrameFixture(robot, app.window()));
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
