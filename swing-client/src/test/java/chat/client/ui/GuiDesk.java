package chat.client.ui;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import chat.client.testing.LiveServer;
import java.awt.GraphicsEnvironment;
import java.util.prefs.Preferences;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A desk for GUI tests: one live server and one scratch node of preferences per test class, and a
 * fresh {@link GuiSession} for every test, closed after it. Register it as a static field with
 * {@code @RegisterExtension}.
 */
final class GuiDesk implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final String serverSettings;
    private final String preferencesNode;
    private LiveServer server;
    private Preferences scratch;
    private GuiSession session;

    private GuiDesk(String serverSettings, String preferencesNode) {
        this.serverSettings = serverSettings;
        this.preferencesNode = preferencesNode;
    }

    /** A server with {@code serverSettings} (HOCON lines) and preferences kept under {@code preferencesNode}, removed after. */
    static GuiDesk at(String serverSettings, String preferencesNode) {
        return new GuiDesk(serverSettings, preferencesNode);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        assumeFalse(GraphicsEnvironment.isHeadless(), "GUI tests need a display: run them under xvfb-run");
        FailOnThreadViolationRepaintManager.install();
        server = LiveServer.start(serverSettings);
        scratch = Preferences.userRoot().node(preferencesNode);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (server != null) {
            server.close();
            scratch.removeNode();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        session = new GuiSession(server.endpoint(), scratch);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        session.close();
    }

    LiveServer server() {
        return server;
    }

    Preferences scratch() {
        return scratch;
    }

    /** This test's session: its windows close when the test ends. */
    GuiSession session() {
        return session;
    }
}
