package chat.client.ui;

import chat.client.ChatApp;
import chat.client.ConnectionPreferences;
import chat.client.Options;
import chat.client.net.Endpoint;
import chat.client.net.ServerList;
import chat.client.net.TransportFactory;
import java.awt.EventQueue;
import java.awt.Toolkit;
import java.awt.event.KeyEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.prefs.Preferences;
import javax.swing.JComponent;
import javax.swing.JFrame;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JTextComponentFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;

/**
 * The desk a GUI test sits at: a robot, the chat windows it opened, and the ways a person uses
 * them (type a line, read the transcript, wait for something to show). One per test.
 */
final class GuiSession implements AutoCloseable {

    private static final Timeout PATIENCE = Timeout.timeout(15_000);

    private final Endpoint server;
    private final Preferences preferences;
    private final Robot robot = BasicRobot.robotWithNewAwtHierarchy();
    private final List<FrameFixture> windows = new ArrayList<>();
    private final List<ChatApp> apps = new ArrayList<>();

    GuiSession(Endpoint server, Preferences preferences) {
        this.server = server;
        this.preferences = preferences;
        robot.settings().delayBetweenEvents(10);
    }

    Robot robot() {
        return robot;
    }

    /** Opens a chat window logged in as {@code nick}, {@code width} x {@code height} at the top left. */
    ChatApp launch(String nick, TransportFactory transports, int width, int height) {
        return shown(start(nick, transports), width, height);
    }

    /** Starts the app logging in as {@code nick}; its window shows once the server welcomed it. */
    ChatApp start(String nick, TransportFactory transports) {
        return start(ServerList.of(server), nick, transports);
    }

    /** Starts the app logging in to {@code servers} as {@code nick}: a TLS server, or one the test plays itself. */
    ChatApp start(ServerList servers, String nick, TransportFactory transports) {
        Options options = new Options(Optional.of(servers), Optional.empty(), Optional.of(nick), Optional.of("light"), servers.tls());
        ChatApp app = GuiActionRunner.execute(() -> ChatApp.start(options, new ConnectionPreferences(preferences), transports));
        apps.add(app);
        windows.add(new FrameFixture(robot, app.window()));
        return app;
    }

    /** Waits for the app's window and puts it at the top left, {@code width} x {@code height}. */
    ChatApp shown(ChatApp app, int width, int height) {
        awaitThat("the chat window", () -> GuiActionRunner.execute(() -> app.window().isShowing()));
        GuiActionRunner.execute(() -> app.window().setBounds(0, 0, width, height));
        robot.waitForIdle();
        return app;
    }

    /** Looks after an app the test started itself, such as one that shows the connect dialog. */
    void adopt(ChatApp app) {
        apps.add(app);
    }

    /** The connect dialog of {@code app}, closed with the rest at the end. */
    FrameFixture dialog(ChatApp app) {
        FrameFixture dialog = new FrameFixture(robot, app.dialog());
        windows.add(dialog);
        return dialog;
    }

    /** The dialog called {@code name}, once it shows. */
    DialogFixture awaitDialog(String name) {
        return WindowFinder.findDialog(name).withTimeout(PATIENCE.duration()).using(robot);
    }

    FrameFixture fixture(ChatApp app) {
        return windows.stream().filter(w -> w.target() == app.window()).findFirst().orElseThrow();
    }

    /** Types into a window and presses Enter; without a window manager focus moves unreliably, so the window comes to the front first. */
    void type(ChatApp app, String line) {
        FrameFixture window = fixture(app);
        GuiActionRunner.execute(() -> window.target().toFront());
        window.focus();
        JTextComponentFixture input = window.textBox("input");
        input.focus();
        input.enterText(line);
        input.pressAndReleaseKeys(KeyEvent.VK_ENTER);
    }

    static String transcript(ChatApp app) {
        return GuiActionRunner.execute(() -> app.window().transcriptText());
    }

    static void awaitThat(String what, Supplier<Boolean> condition) {
        awaitThat(what, condition, PATIENCE);
    }

    static void awaitThat(String what, Supplier<Boolean> condition, Timeout patience) {
        Pause.pause(new Condition(what) {
            @Override
            public boolean test() {
                return condition.get();
            }
        }, patience);
    }

    /**
     * What {@code action} costs the window: running it on the event dispatch thread, laying out and
     * painting the whole window, and whatever the action left in the event queue. The wall time is
     * how long a person waits; the dispatch thread's CPU time is the same work without the time
     * other processes on a shared machine took from it.
     */
    record Busy(long wallMillis, long cpuMillis) {
        @Override
        public String toString() {
            return wallMillis + "/" + cpuMillis;
        }
    }

    static Busy busyWith(JFrame window, Runnable action) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] edt = new long[1];
        onEdt(() -> edt[0] = Thread.currentThread().getId());
        long cpuBefore = threads.getThreadCpuTime(edt[0]);
        long start = System.nanoTime();
        onEdt(() -> {
            action.run();
            window.validate();
            JComponent root = window.getRootPane();
            root.paintImmediately(0, 0, root.getWidth(), root.getHeight());
        });
        while (Toolkit.getDefaultToolkit().getSystemEventQueue().peekEvent() != null) {
            onEdt(() -> { });
        }
        long wall = System.nanoTime() - start;
        return new Busy(wall / 1_000_000, (threads.getThreadCpuTime(edt[0]) - cpuBefore) / 1_000_000);
    }

    static void onEdt(Runnable action) {
        try {
            EventQueue.invokeAndWait(action);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (InvocationTargetException e) {
            throw new AssertionError(e.getCause());
        }
    }

    @Override
    public void close() {
        apps.forEach(app -> GuiActionRunner.execute(() -> app.client().quit()));
        windows.forEach(FrameFixture::cleanUp);
        robot.cleanUp();
    }
}
