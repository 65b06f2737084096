package chat.client.ui;

import java.awt.AWTException;
import java.awt.SystemTray;
import java.awt.Taskbar;
import java.awt.TrayIcon;
import java.awt.Window;

/** Tells a user who is looking elsewhere that somebody wants them: taskbar attention, and a tray note where there is a tray. */
final class Attention {

    private final Window window;
    private TrayIcon trayIcon;

    Attention(Window window) {
        this.window = window;
    }

    void request(String title, String text) {
        if (window.isFocused()) {
            return;
        }
        if (Taskbar.isTaskbarSupported() && Taskbar.getTaskbar().isSupported(Taskbar.Feature.USER_ATTENTION_WINDOW)) {
            Taskbar.getTaskbar().requestWindowUserAttention(window);
        }
        tray().ifPresent(icon -> icon.displayMessage(title, text, TrayIcon.MessageType.INFO));
    }

    private java.util.Optional<TrayIcon> tray() {
        if (trayIcon == null && SystemTray.isSupported()) {
            TrayIcon icon = new TrayIcon(AppIcon.image(), "Chat");
            icon.setImageAutoSize(true);
            try {
                SystemTray.getSystemTray().add(icon);
                trayIcon = icon;
            } catch (AWTException e) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.ofNullable(trayIcon);
    }

    void dispose() {
        if (trayIcon != null) {
            SystemTray.getSystemTray().remove(trayIcon);
            trayIcon = null;
        }
    }
}
