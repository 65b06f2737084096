package chat.client.ui;

import static chat.client.ui.GuiSession.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;

import chat.client.ChatApp;
import chat.client.ConnectionPreferences;
import chat.client.Options;
import chat.client.net.CertificateTrust;
import chat.client.net.Endpoint;
import chat.client.net.Fingerprint;
import chat.client.net.ServerList;
import chat.client.net.SocketTransportFactory;
import chat.client.testing.TestCertificates;
import chat.client.testing.TlsRelay;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.swing.JButton;
import javax.swing.JDialog;
import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.JOptionPaneFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trust on first use, as a person meets it: the chat server behind a JDK TLS listener with a
 * keytool-made certificate, and the client's own dialogs about it.
 */
class TlsGuiTest {

    @RegisterExtension
    static final GuiDesk GUI = GuiDesk.at("", "chat/swing-client-tls-tests");

    @TempDir
    static Path keys;
    private static TestCertificates.Keystore first;
    private static TestCertificates.Keystore second;

    private final AtomicInteger questions = new AtomicInteger();
    private TlsRelay relay;

    @BeforeAll
    static void makeCertificates() {
        first = TestCertificates.generate(keys, "first");
        second = TestCertificates.generate(keys, "second");
    }

    /**
     * Each test has a relay on a port of its own, so the pins of one are no other's; the node is
     * not removed between tests, since a node removed and made again under the same name may lose
     * its entries to the removal's late write-out. A question a failed test left open is closed,
     * so that its modal dialog does not take the next test's clicks.
     */
    @AfterEach
    void closeRelayAndQuestions() {
        if (relay != null) {
            relay.close();
        }
        GuiActionRunner.execute(() -> {
            for (Window window : Window.getWindows()) {
                if (window instanceof JDialog && window.isShowing()) {
                    window.dispose();
                }
            }
        });
    }

    private ConnectionPreferences preferences() {
        return new ConnectionPreferences(GUI.scratch());
    }

    /** The app's own dialogs, counting each time a person is asked about a certificate. */
    private SocketTransportFactory transports() {
        CertificateDialogs dialogs = new CertificateDialogs();
        return new SocketTransportFactory(preferences(), new CertificateTrust() {
            @Override
            public boolean trustFirstSeen(Endpoint server, Fingerprint presented) {
                questions.incrementAndGet();
                return dialogs.trustFirstSeen(server, presented);
            }

            @Override
            public void refusedChanged(Endpoint server, Fingerprint pinned, Fingerprint presented) {
                questions.incrementAndGet();
                dialogs.refusedChanged(server, pinned, presented);
            }
        });
    }

    private ChatApp start(String nick) {
        return GUI.session().start(ServerList.of(relay.endpoint()), nick, transports());
    }

    private static String oneLine(DialogFixture dialog, String name) {
        return dialog.textBox(name).text().replace("\n", "");
    }

    @Test
    void theFirstConnectionShowsTheFingerprintAndConnectsOnceTrustedOrNotAtAllWhenNot() {
        relay = TlsRelay.start(first, GUI.server().endpoint());
        ChatApp app = start("tina");

        DialogFixture ask = GUI.session().awaitDialog("trustCertificate");
        assertThat(oneLine(ask, "fingerprint")).as("as keytool prints it").isEqualTo(first.fingerprint());
        assertThat(ask.textBox("trustText").text()).contains(relay.endpoint().toString());
        ask.button("dontTrust").click();

        awaitThat("the connect dialog", () -> GuiActionRunner.execute(() -> app.dialog() != null && app.dialog().isShowing()));
        FrameFixture dialog = GUI.session().dialog(app);
        dialog.textBox("problem").requireText("You did not trust the certificate of " + relay.endpoint() + ".");
        dialog.checkBox("tls").requireSelected();
        assertThat(preferences().pinned(relay.endpoint())).isEmpty();
        assertThat(relay.linesFromClients()).isEmpty();

        dialog.button("connect").click();
        DialogFixture again = GUI.session().awaitDialog("trustCertificate");
        again.button("trust").click();

        GUI.session().shown(app, 800, 600);
        assertThat(GUI.session().fixture(app).label("status").text()).isEqualTo("Connected over TLS to " + relay.endpoint() + " as tina");
        assertThat(preferences().pinned(relay.endpoint())).hasValue(new Fingerprint(first.fingerprint()));
        assertThat(relay.linesFromClients()).first().asString().contains("\"type\":\"hello\"").contains("\"nick\":\"tina\"");
    }

    @Test
    void aSecondConnectionWithTheSameCertificateAsksNothing() {
        relay = TlsRelay.start(first, GUI.server().endpoint());
        preferences().pin(relay.endpoint(), new Fingerprint(first.fingerprint()));

        ChatApp app = GUI.session().shown(start("uma"), 800, 600);

        assertThat(questions).hasValue(0);
        assertThat(relay.failedHandshakes()).isZero();
        assertThat(GUI.session().fixture(app).label("status").text()).isEqualTo("Connected over TLS to " + relay.endpoint() + " as uma");
    }

    @Test
    void aChangedCertificateIsRefusedWithAWarningNamingBothAndNothingIsSentUntilThePinIsForgotten() {
        relay = TlsRelay.start(second, GUI.server().endpoint());
        preferences().pin(relay.endpoint(), new Fingerprint(first.fingerprint()));
        ChatApp app = start("vera");

        DialogFixture warning = GUI.session().awaitDialog("certificateChanged");
        assertThat(oneLine(warning, "pinnedFingerprint")).isEqualTo(first.fingerprint());
        assertThat(oneLine(warning, "presentedFingerprint")).isEqualTo(second.fingerprint());
        assertThat(warning.textBox("changedText").text()).contains("could be an attack").contains("The connection was refused");
        assertThat(GUI.session().robot().finder().findAll(warning.target(), new GenericTypeMatcher<>(JButton.class) {
            @Override
            protected boolean isMatching(JButton button) {
                return button.isShowing();
            }
        })).as("no way to connect anyway").extracting(JButton::getText).containsExactly("Close");
        warning.button("close").click();

        awaitThat("the connect dialog", () -> GuiActionRunner.execute(() -> app.dialog() != null && app.dialog().isShowing()));
        FrameFixture dialog = GUI.session().dialog(app);
        dialog.textBox("problem").requireText("The certificate of " + relay.endpoint() + " has changed since you trusted it: "
                + "the connection was refused.");
        assertThat(relay.linesFromClients()).as("not a byte of chat to the other certificate").isEmpty();
        assertThat(preferences().pinned(relay.endpoint())).hasValue(new Fingerprint(first.fingerprint()));

        dialog.button("forgetCertificate").click();
        JOptionPaneFinder.findOptionPane().withTimeout(15_000).using(GUI.session().robot()).okButton().click();
        awaitThat("the pin gone", () -> preferences().pinned(relay.endpoint()).isEmpty());
        dialog.button("connect").click();
        DialogFixture ask = GUI.session().awaitDialog("trustCertificate");
        assertThat(oneLine(ask, "fingerprint")).isEqualTo(second.fingerprint());
        ask.button("trust").click();
        GUI.session().shown(app, 800, 600);
        assertThat(preferences().pinned(relay.endpoint())).hasValue(new Fingerprint(second.fingerprint()));
    }

    @Test
    void tickingTlsSwitchesTheDefaultPortButNotOneTheUserTyped() {
        ChatApp app = GuiActionRunner.execute(() -> ChatApp.start(new Options(
                Optional.of(ServerList.of(new Endpoint("chat.example", 7777))), Optional.empty(), Optional.empty(),
                Optional.of("light")), preferences(), transports()));
        GUI.session().adopt(app);
        FrameFixture dialog = GUI.session().dialog(app);

        dialog.checkBox("tls").check();
        dialog.textBox("port").requireText("7443");
        dialog.button("forgetCertificate").requireVisible();
        dialog.checkBox("tls").uncheck();
        dialog.textBox("port").requireText("7777");

        dialog.textBox("port").deleteText().enterText("7777").pressAndReleaseKeys(KeyEvent.VK_TAB);
        dialog.checkBox("tls").check();
        dialog.textBox("port").requireText("7777");
    }
}
