package chat.client;

import chat.client.model.ChatClient;
import chat.client.model.ChatListener;
import chat.client.model.ChatModel;
import chat.client.model.ConnectionStatus;
import chat.client.model.LoginField;
import chat.client.model.PasswordPrompt;
import chat.client.model.ReconnectPolicy;
import chat.client.net.ServerList;
import chat.client.net.SocketTransportFactory;
import chat.client.net.TransportFactory;
import chat.client.ui.CertificateDialogs;
import chat.client.ui.ChatWindow;
import chat.client.ui.ConnectDialog;
import chat.client.ui.Fonts;
import chat.client.ui.PasswordPromptDialog;
import chat.client.ui.Theme;
import chat.protocol.Secret;
import java.awt.EventQueue;
import java.awt.Window;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The desktop client: asks whom to log in as (or takes it from the command line), then shows the
 * chat window. The model lives on the event dispatch thread; the network on the transport's threads.
 */
public final class ChatApp implements ChatListener {

    private final ConnectionPreferences preferences;
    private final ChatClient client;
    private final ChatWindow window;
    private final ScheduledExecutorService timer;
    private final CountDownLatch finished = new CountDownLatch(1);
    private ConnectDialog dialog;
    private PasswordPromptDialog prompt;
    private ServerList servers;
    private String nick;

    public static void main(String[] args) throws InterruptedException, InvocationTargetException {
        if (java.util.List.of(args).contains("--help") || java.util.List.of(args).contains("-h")) {
            System.out.println(Options.USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        ConnectionPreferences preferences = ConnectionPreferences.forUser();
        AtomicReference<ChatApp> app = new AtomicReference<>();
        EventQueue.invokeAndWait(() -> app.set(start(options, preferences, new SocketTransportFactory(preferences, new CertificateDialogs()))));
        // Until the first window shows, nothing else keeps Java running: logging in with --nick over
        // TLS, the handshake and the question about a new certificate take a while with no window.
        app.get().finished.await();
    }

    /** Builds the client on the event dispatch thread and logs in, or shows the connect dialog. */
    public static ChatApp start(Options options, ConnectionPreferences preferences, TransportFactory transports) {
        Theme theme = Theme.named(options.theme().orElse(preferences.theme()));
        Fonts.preferCjk();
        theme.apply();
        ChatApp app = new ChatApp(preferences, transports, theme);
        ServerList servers = options.servers().orElseGet(() -> preferences.servers(options.port(), options.tls()));
        if (options.nick().isPresent()) {
            app.connect(servers, options.nick().get());
        } else {
            app.askWhere(servers, preferences.nick());
        }
        return app;
    }

    private ChatApp(ConnectionPreferences preferences, TransportFactory transports, Theme theme) {
        this.preferences = preferences;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "chat-timer");
            thread.setDaemon(true);
            return thread;
        });
        ChatModel model = new ChatModel();
        this.client = new ChatClient(model, transports, EventQueue::invokeLater, timer, ReconnectPolicy.DEFAULT);
        this.window = new ChatWindow(client, theme, this::switchTheme);
        model.addListener(this);
    }

    public ChatWindow window() {
        return window;
    }

    public ChatClient client() {
        return client;
    }

    /** The connect dialog, when it was needed. */
    public ConnectDialog dialog() {
        return dialog;
    }

    /** Installs {@code theme} for the whole application and remembers it for the next run. */
    public void switchTheme(Theme theme) {
        theme.apply();
        window.theme(theme);
        preferences.rememberTheme(theme.name().toLowerCase(Locale.ROOT));
    }

    private void askWhere(ServerList suggestedServers, String suggestedNick) {
        dialog = newDialog(suggestedServers, suggestedNick);
        dialog.setVisible(true);
    }

    private ConnectDialog newDialog(ServerList suggestedServers, String suggestedNick) {
        ConnectDialog connectDialog = new ConnectDialog(suggestedServers, suggestedNick, preferences,
                choice -> connect(choice.servers(), choice.nick(), choice.password()));
        connectDialog.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent event) {
                // Closing the dialog while a login is under way means: never mind.
                client.quit();
            }
        });
        return connectDialog;
    }

    private void connect(ServerList chosenServers, String chosenNick) {
        connect(chosenServers, chosenNick, null);
    }

    private void connect(ServerList chosenServers, String chosenNick, Secret password) {
        servers = chosenServers;
        nick = chosenNick;
        client.connect(chosenServers, chosenNick, password);
    }

    @Override
    public void loggedIn(String ownNick) {
        preferences.remember(servers, nick);
        closePrompt();
        if (dialog != null) {
            dialog.dispose();
        }
        window.setVisible(true);
    }

    /** Asks over the window in use: the connect dialog during the first login, the chat window after. */
    @Override
    public void passwordWanted(PasswordPrompt wanted) {
        closePrompt();
        Window owner = dialog != null && dialog.isShowing() ? dialog : window;
        prompt = new PasswordPromptDialog(owner, wanted, client::logIn, client::chooseAnotherNick);
        prompt.setVisible(true);
    }

    /** A reconnect that went through another way (another nick from the banner) leaves no question open. */
    @Override
    public void statusChanged(ConnectionStatus status) {
        if (status.online()) {
            closePrompt();
        }
    }

    private void closePrompt() {
        if (prompt != null) {
            prompt.dispose();
            prompt = null;
        }
    }

    @Override
    public void loginFailed(String reason, LoginField wrong) {
        closePrompt();
        if (dialog == null) {
            dialog = newDialog(servers, nick);
        }
        dialog.failed(reason, wrong);
    }

    @Override
    public void ended() {
        closePrompt();
        timer.shutdown();
        finished.countDown();
    }
}
