package chat.client.ui;

import chat.client.net.CertificateTrust;
import chat.client.net.Endpoint;
import chat.client.net.Fingerprint;
import java.awt.EventQueue;
import java.awt.KeyboardFocusManager;
import java.awt.Window;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Puts the transport's questions about certificates to the person, in dialogs over the window they
 * are using. A transport asks from its own thread and waits there for the answer; the dialogs run
 * on the event dispatch thread like every other window.
 */
public final class CertificateDialogs implements CertificateTrust {

    @Override
    public boolean trustFirstSeen(Endpoint server, Fingerprint presented) {
        AtomicBoolean trusted = new AtomicBoolean();
        onEventThread(() -> trusted.set(CertificateDialog.askFirstUse(owner(), server, presented)));
        return trusted.get();
    }

    @Override
    public void refusedChanged(Endpoint server, Fingerprint pinned, Fingerprint presented) {
        onEventThread(() -> CertificateDialog.warnChanged(owner(), server, pinned, presented));
    }

    /**
     * The window in front, else any window showing: the connect dialog or the chat window. The
     * active window is taken only while it shows: without a window manager it may be one closed
     * a while ago, and a dialog over a closed window is found by nobody.
     */
    private static Window owner() {
        Window active = KeyboardFocusManager.getCurrentKeyboardFocusManager().getActiveWindow();
        if (active != null && active.isShowing()) {
            return active;
        }
        for (Window window : Window.getWindows()) {
            if (window.isShowing()) {
                return window;
            }
        }
        return null;
    }

    private static void onEventThread(Runnable dialog) {
        if (EventQueue.isDispatchThread()) {
            dialog.run();
            return;
        }
        try {
            EventQueue.invokeAndWait(dialog);
        } catch (InterruptedException e) {
            // The transport was stopped while the question was open; not trusting is the safe answer.
            Thread.currentThread().interrupt();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the certificate dialog failed", e.getCause());
        }
    }
}
