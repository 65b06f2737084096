package chat.client.testing;

import static org.assertj.core.api.Assertions.fail;

import chat.client.model.AccountAnswer;
import chat.client.model.ChatClient;
import chat.client.model.ChatListener;
import chat.client.model.ChatModel;
import chat.client.model.ConnectionStatus;
import chat.client.model.LoginField;
import chat.client.model.PasswordPrompt;
import chat.client.model.Conversation;
import chat.client.model.ReconnectPolicy;
import chat.client.model.TranscriptEntry;
import chat.client.net.Endpoint;
import chat.client.net.ServerList;
import chat.protocol.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One person with the headless client: a model thread of their own (as the app has the event
 * dispatch thread), a real connection through a {@link Network} the test can cut.
 */
public final class TestUser implements AutoCloseable {

    /** Generous for a loaded machine; a passing test never waits this long. */
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(20);
    /** Fast retries so reconnect tests take a moment, not the production backoff. */
    private static final ReconnectPolicy QUICK = new ReconnectPolicy(Duration.ofMillis(100), Duration.ofMillis(400));

    private final String nick;
    private final ExecutorService thread;
    private final ScheduledExecutorService timer = Timers.daemon();
    private final Network network = new Network();
    private final ChatModel model = new ChatModel();
    private final ChatClient client;
    private final List<String> events = new CopyOnWriteArrayList<>();

    private TestUser(String nick) {
        this.nick = nick;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread modelThread = new Thread(runnable, "model-" + nick);
            modelThread.setDaemon(true);
            return modelThread;
        });
        this.client = new ChatClient(model, network, thread, timer, QUICK);
        model.addListener(new ChatListener() {
            @Override
            public void loggedIn(String ownNick) {
                events.add("logged in as " + ownNick);
            }

            @Override
            public void loginFailed(String reason, LoginField wrong) {
                events.add("login failed: " + reason);
            }

            @Override
            public void ended() {
                events.add("ended");
            }

            @Override
            public void passwordWanted(PasswordPrompt prompt) {
                events.add("password wanted: " + prompt.sentence());
            }

            @Override
            public void accountAnswered(AccountAnswer answer) {
                events.add((answer.done() ? "account done: " : "account refused: ") + answer.sentence());
            }
        });
    }

    /** Logs in and waits until the server welcomed this user. */
    public static TestUser online(String nick, Endpoint server) {
        return online(nick, ServerList.of(server));
    }

    /** Logs in on the first of {@code servers} that answers and waits until it welcomed this user. */
    public static TestUser online(String nick, ServerList servers) {
        TestUser user = new TestUser(nick);
        user.connect(servers);
        user.await("logged in", u -> u.events.contains("logged in as " + nick));
        return user;
    }

    /** A user who has only tried to log in; the test looks at {@link #events}. */
    public static TestUser tryingToLogIn(String nick, Endpoint server) {
        TestUser user = new TestUser(nick);
        user.connect(ServerList.of(server));
        return user;
    }

    private void connect(ServerList servers) {
        on(() -> client.connect(servers, nick));
    }

    /** Answers the question for a password. */
    public void logsInWith(String password) {
        on(() -> client.logIn(new Secret(password)));
    }

    /** Makes the nick an account, as the Account menu does; the answer is in {@link #events}. */
    public void registers(String password) {
        on(() -> client.register(new Secret(password)));
    }

    public void changesPassword(String old, String password) {
        on(() -> client.changePassword(new Secret(old), new Secret(password)));
    }

    /** The account the session is logged in to; empty for a guest. */
    public Optional<String> account() {
        return read(ChatModel::account);
    }

    public List<String> events() {
        return events;
    }

    public Network network() {
        return network;
    }

    /** Types a line and presses Enter. */
    public void types(String line) {
        on(() -> client.submit(line));
    }

    /** Joins a room and waits until it is shown. */
    public void joins(String room) {
        types("/join " + room);
        await("joined " + room, u -> u.model.room(room).map(Conversation::joined).orElse(false)
                && u.model.selected().map(c -> c.name().equals(room)).orElse(false));
    }

    /** Says {@code text} in {@code room} and waits for the server's echo. */
    public void says(String room, String text) {
        on(() -> model.select(Conversation.roomKey(room)));
        types(text);
        await("own message " + text, u -> u.messages(room).contains(text));
    }

    public void scrollsBack(String room) {
        on(() -> model.room(room).ifPresent(client::loadOlder));
    }

    public void quits() {
        on(client::quit);
    }

    /** The texts of the messages shown in a conversation, oldest first. */
    public List<String> messages(String room) {
        return read(m -> m.room(room).map(TestUser::messageTexts).orElse(List.of()));
    }

    public List<String> members(String room) {
        return read(m -> m.room(room).map(Conversation::members).orElse(List.of()));
    }

    /** Every line shown in a room: messages, presence and notices. */
    public List<String> lines(String room) {
        return read(m -> m.room(room).map(TestUser::lines).orElse(List.of()));
    }

    /** The problems shown in a room, in words. */
    public List<String> errors(String room) {
        return read(m -> m.room(room).orElseThrow().transcript().stream()
                .filter(e -> e.kind() == TranscriptEntry.Kind.ERROR).map(TranscriptEntry::text).toList());
    }

    public List<Long> seqs(String room) {
        return read(m -> m.room(room).orElseThrow().transcript().stream().filter(TranscriptEntry::isRoomMessage)
                .map(TranscriptEntry::seq).toList());
    }

    public TranscriptEntry firstMessage(String room) {
        return read(m -> m.room(room).orElseThrow().transcript().stream()
                .filter(e -> e.kind() == TranscriptEntry.Kind.MESSAGE).findFirst().orElseThrow());
    }

    public ConnectionStatus status() {
        return read(ChatModel::status);
    }

    public String nick() {
        return read(ChatModel::nick);
    }

    public String selectedName() {
        return read(m -> m.selected().map(Conversation::name).orElse(""));
    }

    public Optional<String> conversationName(String key) {
        return read(m -> m.find(key).map(Conversation::name));
    }

    public boolean olderAvailable(String room) {
        return read(m -> m.room(room).orElseThrow().olderAvailable());
    }

    public void selects(String key) {
        on(() -> model.select(key));
    }

    public static List<String> messageTexts(Conversation conversation) {
        return conversation.transcript().stream().filter(e -> e.kind() == TranscriptEntry.Kind.MESSAGE).map(TranscriptEntry::text).toList();
    }

    public static List<String> lines(Conversation conversation) {
        return conversation.transcript().stream().map(TranscriptEntry::text).toList();
    }

    /** Reads the model on its own thread, as the UI would. */
    public <T> T read(Function<ChatModel, T> question) {
        try {
            return CompletableFuture.supplyAsync(() -> question.apply(model), thread).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the model of " + nick + " did not answer", e);
        }
    }

    public void on(Runnable action) {
        read(m -> {
            action.run();
            return null;
        });
    }

    /** Waits until {@code condition} holds for the model; fails saying what was awaited. */
    public void await(String what, Predicate<TestUser> condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.test(this)) {
            if (System.nanoTime() > deadline) {
                fail(nick + " waited in vain for: " + what + "; status " + read(ChatModel::status) + ", events " + events);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Waits until the conversation {@code key} satisfies {@code condition}. */
    public void awaitConversation(String what, String key, Predicate<Conversation> condition) {
        await(what, u -> u.read(m -> m.find(key).map(condition::test).orElse(false)));
    }

    @Override
    public void close() {
        on(client::quit);
        await("the session to end", u -> u.events.contains("ended"));
        timer.shutdownNow();
        thread.shutdown();
    }
}
