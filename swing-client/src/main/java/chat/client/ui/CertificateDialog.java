package chat.client.ui;

import chat.client.net.Endpoint;
import chat.client.net.Fingerprint;
import java.awt.Font;
import java.awt.Window;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.UIManager;
import javax.swing.WindowConstants;
import net.miginfocom.swing.MigLayout;

/**
 * The two questions trust on first use puts to a person: whether to trust a certificate seen for
 * the first time, and (not a question) that a server's certificate changed, so no connection was
 * made. The second offers no way to connect anyway: that takes forgetting the pin on purpose.
 */
final class CertificateDialog extends JDialog {

    private static final int PAIRS_PER_LINE = 16;
    private static final String WIDTH = "w 460:460:";

    private boolean trusted;

    private CertificateDialog(Window owner, String title, String name) {
        super(owner, title, ModalityType.APPLICATION_MODAL);
        setName(name);
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
    }

    /** Shows the fingerprint of a certificate seen for the first time; true when the user trusts it. Blocks until answered. */
    static boolean askFirstUse(Window owner, Endpoint server, Fingerprint presented) {
        CertificateDialog dialog = new CertificateDialog(owner, "New server certificate", "trustCertificate");
        JButton trust = new JButton("Trust and connect");
        trust.setName("trust");
        JButton refuse = new JButton("Don't connect");
        refuse.setName("dontTrust");
        trust.addActionListener(event -> {
            dialog.trusted = true;
            dialog.dispose();
        });
        refuse.addActionListener(event -> dialog.dispose());

        JPanel content = panel();
        content.add(Prose.heading("Trust this server?"), "gapbottom 6");
        content.add(Prose.sentences("trustText", "This is the first connection to " + server + " over TLS. The server "
                + "shows a certificate with this SHA-256 fingerprint:"), WIDTH);
        content.add(fingerprint("fingerprint", presented), "growx");
        content.add(Prose.sentences("trustAdvice", "Ask the server's operator whether it is theirs: the server logs its "
                + "fingerprint when it starts. If you trust it, the client remembers it and connects without asking from now "
                + "on; should the certificate ever change, the client refuses to connect."), WIDTH);
        content.add(Prose.buttons(refuse, trust), "gaptop 10");
        dialog.setContentPane(content);
        // Enter does not trust: that takes a deliberate click.
        dialog.getRootPane().setDefaultButton(refuse);
        dialog.showCentred(owner);
        return dialog.trusted;
    }

    /** Says that the server showed another certificate than the pinned one and that nothing was sent. Blocks until closed. */
    static void warnChanged(Window owner, Endpoint server, Fingerprint pinned, Fingerprint presented) {
        CertificateDialog dialog = new CertificateDialog(owner, "Connection refused", "certificateChanged");
        JButton close = new JButton("Close");
        close.setName("close");
        close.addActionListener(event -> dialog.dispose());

        JLabel heading = Prose.heading("The server's certificate has changed");
        heading.setIcon(UIManager.getIcon("OptionPane.warningIcon"));
        heading.setForeground(Prose.errorColor());
        JPanel content = panel();
        content.add(heading, "gapbottom 6");
        content.add(Prose.sentences("changedText", server + " shows another certificate than the one you trusted. This "
                + "could be an attack: somebody between you and the server may be trying to read the chat and your "
                + "password. It may also be that the operator replaced the certificate. The connection was refused, and "
                + "nothing was sent."), WIDTH);
        content.add(new JLabel("Trusted until now:"), "gaptop 4");
        content.add(fingerprint("pinnedFingerprint", pinned), "growx");
        content.add(new JLabel("Shown now:"), "gaptop 4");
        content.add(fingerprint("presentedFingerprint", presented), "growx");
        content.add(Prose.sentences("changedAdvice", "Only if the server's operator confirms the new fingerprint: "
                + "in the connect dialog, tick \u201cSecure connection (TLS)\u201d, use \u201cForget this server's "
                + "certificate\u201d, and connect again to be asked about the new one."), WIDTH);
        content.add(Prose.buttons(close), "gaptop 10");
        dialog.setContentPane(content);
        dialog.getRootPane().setDefaultButton(close);
        dialog.showCentred(owner);
    }

    private static JPanel panel() {
        return new JPanel(new MigLayout("wrap 1, insets 20 24 20 24, gap 10 8", "[grow,fill]"));
    }

    /** The fingerprint in two lines of monospaced hex, to be read out, compared, or copied. */
    private static JTextArea fingerprint(String name, Fingerprint fingerprint) {
        JTextArea text = Prose.sentences(name, fingerprint.lines(PAIRS_PER_LINE));
        text.setLineWrap(false);
        // Focusable, unlike the other sentences: a person may select the fingerprint and copy it.
        text.setFocusable(true);
        Font base = UIManager.getFont("Label.font");
        text.setFont(new Font(Font.MONOSPACED, Font.PLAIN, base.getSize()));
        return text;
    }

    private void showCentred(Window owner) {
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowOpened(WindowEvent event) {
                // The keyboard starts on the buttons, where Enter does the safe thing.
                getRootPane().getDefaultButton().requestFocusInWindow();
            }
        });
        pack();
        setResizable(false);
        setLocationRelativeTo(owner);
        setVisible(true);
    }
}
