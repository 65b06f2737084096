package chat.client.ui;

import chat.client.ChatApp;
import chat.client.ConnectionPreferences;
import chat.client.Options;
import chat.client.model.Conversation;
import chat.client.net.Endpoint;
import chat.client.net.ServerList;
import chat.client.net.SocketTransportFactory;
import chat.client.testing.LiveServer;
import chat.client.testing.TestUser;
import java.awt.Color;
import java.awt.EventQueue;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javax.imageio.ImageIO;
import javax.swing.JFrame;

/**
 * Sets the scene for the README: a server, two client windows side by side and a few headless
 * friends chatting in Chinese, Japanese and English; saves chat-light.png and chat-dark.png.
 * Run by swing-client/screenshot.sh under Xvfb.
 */
public final class ScreenshotStage {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 620;
    private static final int MARGIN = 28;
    /** Time for the server's answers to arrive and the windows to paint them. */
    private static final long SETTLE_MILLIS = 400;

    private ScreenshotStage() {}

    public static void main(String[] args) throws Exception {
        File directory = new File(args.length > 0 ? args[0] : "docs/screenshots");
        directory.mkdirs();
        Preferences scratch = Preferences.userRoot().node("chat/swing-client-screenshots");
        try (LiveServer server = LiveServer.start("chat.motd = \"Welcome to the team chat\"")) {
            stage(server.endpoint(), new ConnectionPreferences(scratch), directory);
        } finally {
            removeQuietly(scratch);
        }
        System.exit(0);
    }

    private static void stage(Endpoint server, ConnectionPreferences preferences, File directory) throws Exception {
        JFrame.setDefaultLookAndFeelDecorated(true);
        try (TestUser yuki = TestUser.online("ユキ", server);
             TestUser bob = TestUser.online("bob", server)) {
            ChatApp alice = launch(server, "alice", preferences);
            ChatApp ming = launch(server, "小明", preferences);
            settle();
            bob.joins("dev");
            onEdt(() -> alice.client().submit("/join dev"));
            settle();
            onEdt(() -> alice.client().model().select(Conversation.roomKey("lobby")));
            onEdt(() -> ming.client().model().select(Conversation.roomKey("lobby")));
            yuki.selects(Conversation.roomKey("lobby"));

            onEdt(() -> alice.client().submit("/topic Weekend hike · 周末爬山 · 週末ハイキング"));
            say(ming, "大家好！周末一起去爬山吗？");
            say(alice, "好啊！I'm in.");
            say(alice, "What time?");
            say(ming, "Saturday 8:00 at 西湖 station.\nMap: https://example.org/xihu");
            yuki.types("私も行きたい！お弁当を持っていきます 🍙");
            settle();
            say(alice, "Perfect, see you all there 👍🏽 小明, bring the map!");
            bob.says("dev", "build is green again");
            bob.says("dev", "alice: can you review #42?");
            onEdt(() -> ming.client().submit("/msg alice 别忘了带水 😉"));
            settle();
            onEdt(() -> ming.client().model().select(Conversation.roomKey("lobby")));
            onEdt(() -> {
                alice.window().setBounds(0, 0, WIDTH, HEIGHT);
                ming.window().setBounds(WIDTH, 0, WIDTH, HEIGHT);
            });
            settle();
            capture(new File(directory, "chat-light.png"), Theme.LIGHT, alice, ming);
            onEdt(() -> alice.switchTheme(Theme.DARK));
            onEdt(() -> ming.window().theme(Theme.DARK));
            settle();
            capture(new File(directory, "chat-dark.png"), Theme.DARK, alice, ming);
            onEdt(() -> alice.client().quit());
            onEdt(() -> ming.client().quit());
            settle();
        }
    }

    private static ChatApp launch(Endpoint server, String nick, ConnectionPreferences preferences) throws Exception {
        AtomicReference<ChatApp> app = new AtomicReference<>();
        Options options = new Options(Optional.of(ServerList.of(server)), Optional.empty(), Optional.of(nick), Optional.of("light"));
        onEdt(() -> app.set(ChatApp.start(options, preferences, new SocketTransportFactory())));
        return app.get();
    }

    private static void say(ChatApp app, String text) throws Exception {
        onEdt(() -> app.client().submit(text));
        settle();
    }

    private static void capture(File file, Theme theme, ChatApp left, ChatApp right) throws Exception {
        Robot robot = new Robot();
        BufferedImage shot = robot.createScreenCapture(new Rectangle(0, 0, 2 * WIDTH, HEIGHT));
        BufferedImage canvas = new BufferedImage(2 * WIDTH + 3 * MARGIN, HEIGHT + 2 * MARGIN, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(theme.dark() ? new Color(0x15171B) : new Color(0xDDE3EA));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        drawWindow(g, shot.getSubimage(0, 0, WIDTH, HEIGHT), MARGIN, MARGIN);
        drawWindow(g, shot.getSubimage(WIDTH, 0, WIDTH, HEIGHT), 2 * MARGIN + WIDTH, MARGIN);
        g.dispose();
        ImageIO.write(canvas, "png", file);
        System.out.println("saved " + file);
    }

    private static void drawWindow(Graphics2D g, BufferedImage window, int x, int y) {
        for (int shadow = 8; shadow > 0; shadow--) {
            g.setColor(new Color(0, 0, 0, 10));
            g.fillRoundRect(x - shadow + 3, y - shadow + 6, window.getWidth() + 2 * shadow - 6, window.getHeight() + 2 * shadow - 6, 16, 16);
        }
        g.drawImage(window, x, y, null);
    }

    private static void onEdt(Runnable action) throws InterruptedException, InvocationTargetException {
        EventQueue.invokeAndWait(action);
    }

    private static void settle() throws InterruptedException, InvocationTargetException {
        Thread.sleep(SETTLE_MILLIS);
        onEdt(() -> { });
    }

    private static void removeQuietly(Preferences node) {
        try {
            node.removeNode();
        } catch (BackingStoreException e) {
            System.err.println("could not remove the scratch preferences: " + e.getMessage());
        }
    }
}
