package chat.client.model;

import static chat.client.testing.Frames.joined;
import static chat.client.testing.Frames.welcome;
import static org.assertj.core.api.Assertions.assertThat;

import chat.client.net.ConnectFailure;
import chat.client.net.Endpoint;
import chat.client.net.ServerList;
import chat.client.testing.FakeTransports;
import chat.client.testing.Timers;
import chat.protocol.ClientFrame;
import chat.protocol.ErrorCode;
import chat.protocol.Secret;
import chat.protocol.ServerFrame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Accounts and untrusted certificates, seen from the client: the in-memory server answers frame by frame. */
class AccountsClientTest {

    /** Long enough that no reconnect fires while a test runs. */
    private static final ReconnectPolicy NEVER_SOON = new ReconnectPolicy(Duration.ofHours(1), Duration.ofHours(1));
    private static final Endpoint SERVER = new Endpoint("chat.test", 7777);
    private static final Secret HORSE = new Secret("correct horse");

    private final FakeTransports server = new FakeTransports();
    private final ScheduledExecutorService timer = Timers.daemon();
    private final ChatModel model = new ChatModel();
    private final ChatClient client = new ChatClient(model, server, Runnable::run, timer, NEVER_SOON);
    private final List<String> heard = new ArrayList<>();

    @BeforeEach
    void listen() {
        model.addListener(new ChatListener() {
            @Override
            public void loggedIn(String nick) {
                heard.add("logged in as " + nick);
            }

            @Override
            public void loginFailed(String reason, LoginField wrong) {
                heard.add("login failed: " + reason + " (" + wrong + ")");
            }

            @Override
            public void passwordWanted(PasswordPrompt prompt) {
                heard.add("password wanted: " + prompt.sentence());
            }

            @Override
            public void accountChanged(String account) {
                heard.add("account: " + account);
            }

            @Override
            public void accountAnswered(AccountAnswer answer) {
                heard.add((answer.done() ? "done: " : "refused: ") + answer.sentence());
            }
        });
    }

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    private static ServerFrame.Welcome welcomeToAccount(String nick, String account) {
        return new ServerFrame.Welcome(nick, 1, "test/1", 30, "Hello from the test server", account, null);
    }

    private static ServerFrame.Error error(ErrorCode code, String message, String re) {
        return new ServerFrame.Error(code, message, re);
    }

    private static Secret passwordOf(ClientFrame hello) {
        return ((ClientFrame.Hello) hello).password();
    }

    private FakeTransports.Link onlineAsGuest(String nick) {
        client.connect(ServerList.of(SERVER), nick);
        FakeTransports.Link link = server.last();
        link.serverSends(welcome(nick), joined("lobby", List.of(nick), List.of(), null));
        heard.clear();
        return link;
    }

    @Test
    void anAccountsNickAsksForThePasswordAndTheNextHelloCarriesIt() {
        client.connect(ServerList.of(SERVER), "alice");
        FakeTransports.Link first = server.last();
        assertThat(passwordOf(first.sent().get(0))).as("a guest's hello").isNull();

        first.serverSends(error(ErrorCode.AUTH_REQUIRED, "\"alice\" is a registered account", null));

        assertThat(heard).containsExactly("password wanted: \u201calice\u201d is a registered account \u2014 enter its password, "
                + "or choose another nick.");
        assertThat(first.closed()).as("the server would not wait for a person to type").isTrue();
        client.logIn(HORSE);
        FakeTransports.Link second = server.last();
        assertThat(second).isNotSameAs(first);
        assertThat(passwordOf(second.sent().get(0))).isEqualTo(HORSE);

        second.serverSends(welcomeToAccount("alice", "alice"), joined("lobby", List.of("alice"), List.of(), null));

        assertThat(heard).endsWith("account: alice", "logged in as alice");
        assertThat(model.account()).hasValue("alice");
        assertThat(model.status().detail()).isEqualTo("Connected to chat.test:7777 as alice (account)");
    }

    @Test
    void aWrongPasswordAsksAgainAndChoosingAnotherNickGoesBackToTheConnectDialog() {
        client.connect(ServerList.of(SERVER), "alice", new Secret("battery staple"));
        assertThat(passwordOf(server.last().sent().get(0))).isEqualTo(new Secret("battery staple"));

        server.last().serverSends(error(ErrorCode.AUTH_FAILED, "wrong password", null));
        assertThat(heard).containsExactly("password wanted: Wrong password for \u201calice\u201d. Try again, or choose another nick.");

        client.chooseAnotherNick();

        assertThat(heard).last().isEqualTo("login failed: \u201calice\u201d is a registered account: choose another nick, "
                + "or log in with its password. (NICK)");
        client.logIn(HORSE);
        assertThat(server.last().closed()).as("a late answer to a question no longer open does nothing").isTrue();
    }

    @Test
    void aPasswordForANickThatIsNoAccountSaysWhatTheServerSaid() {
        client.connect(ServerList.of(SERVER), "bob", HORSE);

        server.last().serverSends(error(ErrorCode.AUTH_FAILED, "there is no account \"bob\": say hello without a password", null));

        assertThat(heard).containsExactly("password wanted: The password for \u201cbob\u201d was refused: there is no account "
                + "\"bob\": say hello without a password. Try again, or choose another nick.");
    }

    @Test
    void tooManyWrongPasswordsShowTheServersWordsButARateLimitWithoutAPasswordIsNoQuestionOfOne() {
        client.connect(ServerList.of(SERVER), "alice", HORSE);
        server.last().serverSends(error(ErrorCode.RATE_LIMITED, "too many wrong passwords for this account: try again in 30 s", null));

        assertThat(heard).containsExactly("password wanted: Too many tries for \u201calice\u201d: the server said \u201ctoo many "
                + "wrong passwords for this account: try again in 30 s\u201d. Wait a little before you try again, or choose another nick.");

        heard.clear();
        client.connect(ServerList.of(SERVER), "carol");
        server.last().serverSends(error(ErrorCode.RATE_LIMITED, "slow down", null));

        assertThat(heard).containsExactly("login failed: The server refused the login: slow down (NICK)");
    }

    @Test
    void aReconnectLogsInAgainWithThePasswordKeptInMemory() {
        client.connect(ServerList.of(SERVER), "alice", HORSE);
        server.last().serverSends(welcomeToAccount("alice", "alice"), joined("lobby", List.of("alice"), List.of(), null));

        server.last().drop("connection reset");
        client.retryNow();

        assertThat(passwordOf(server.last().sent().get(0))).isEqualTo(HORSE);
    }

    @Test
    void aReconnectThatMeetsAnAccountAsksAndWaitsWithoutRetrying() {
        FakeTransports.Link first = onlineAsGuest("alice");
        first.drop("connection reset");
        client.retryNow();
        FakeTransports.Link retry = server.last();

        retry.serverSends(error(ErrorCode.AUTH_REQUIRED, "\"alice\" is a registered account", null));

        assertThat(model.status().state()).isEqualTo(ConnectionStatus.State.PASSWORD_NEEDED);
        assertThat(heard).contains("password wanted: \u201calice\u201d is a registered account \u2014 enter its password, "
                + "or choose another nick.");
        client.chooseAnotherNick();
        assertThat(model.status().detail()).endsWith("Reconnect to enter the password.");
        assertThat(server.last()).isSameAs(retry);

        assertThat(client.retryAs("alice2")).isEmpty();
        assertThat(((ClientFrame.Hello) server.last().sent().get(0)).nick()).isEqualTo("alice2");
    }

    @Test
    void registeringSendsThePasswordAndMakesItTheOneReconnectsUse() {
        FakeTransports.Link link = onlineAsGuest("bob");

        client.register(new Secret("short"));
        assertThat(heard).containsExactly("refused: That password will not do: a password is 8 to 256 characters; this one has 5.");
        assertThat(link.sent()).noneMatch(ClientFrame.Register.class::isInstance);

        client.register(HORSE);
        ClientFrame.Register register = (ClientFrame.Register) link.lastSent();
        assertThat(register.password()).isEqualTo(HORSE);
        link.serverSends(error(ErrorCode.ACCOUNT_EXISTS, "you are logged in to account \"bob\" already", register.id()));
        assertThat(heard).last().isEqualTo("refused: \u201cbob\u201d is already a registered account.");

        client.register(HORSE);
        link.serverSends(new ServerFrame.Registered("Bob", link.lastSent().id()));

        assertThat(heard).last().isEqualTo("done: \u201cBob\u201d is now your account: from now on, only its password logs in "
                + "with this nick.");
        assertThat(model.account()).hasValue("Bob");
        assertThat(model.status().detail()).isEqualTo("Connected to chat.test:7777 as bob (account)");
        link.drop("connection reset");
        client.retryNow();
        assertThat(passwordOf(server.last().sent().get(0))).as("the nick compares as nicks do").isEqualTo(HORSE);
    }

    @Test
    void changingThePasswordSendsOldAndNewAndReconnectsUseTheNewOne() {
        client.connect(ServerList.of(SERVER), "alice", HORSE);
        FakeTransports.Link link = server.last();
        link.serverSends(welcomeToAccount("alice", "alice"), joined("lobby", List.of("alice"), List.of(), null));
        Secret staple = new Secret("battery staple");

        client.changePassword(new Secret("not it at all"), staple);
        link.serverSends(error(ErrorCode.AUTH_FAILED, "wrong password", link.lastSent().id()));
        assertThat(heard).last().isEqualTo("refused: The current password is wrong.");

        client.changePassword(HORSE, staple);
        assertThat(link.lastSent()).isInstanceOfSatisfying(ClientFrame.ChangePassword.class, change -> {
            assertThat(change.old()).isEqualTo(HORSE);
            assertThat(change.password()).isEqualTo(staple);
        });
        link.serverSends(new ServerFrame.PasswordChanged(link.lastSent().id()));

        assertThat(heard).last().isEqualTo("done: Your password has changed: log in with the new one from now on.");
        link.drop("connection reset");
        client.retryNow();
        assertThat(passwordOf(server.last().sent().get(0))).isEqualTo(staple);
    }

    @Test
    void afterARenameAwayFromTheAccountAReconnectSaysHelloWithoutThePassword() {
        client.connect(ServerList.of(SERVER), "alice", HORSE);
        FakeTransports.Link link = server.last();
        link.serverSends(welcomeToAccount("alice", "alice"), joined("lobby", List.of("alice"), List.of(), null));

        link.serverSends(new ServerFrame.NickChanged("alice", "ally", null));
        assertThat(model.status().detail()).isEqualTo("Connected to chat.test:7777 as ally (account alice)");
        link.drop("connection reset");
        client.retryNow();

        assertThat(passwordOf(server.last().sent().get(0))).as("the password is alice's, not ally's").isNull();
    }

    @Test
    void anUntrustedCertificateEndsTheLoginAtOnceAndStopsReconnects() {
        Endpoint a = new Endpoint("a.chat.test", 7443, true);
        Endpoint b = new Endpoint("b.chat.test", 7443, true);
        client.connect(ServerList.of(a, b), "alice");
        server.last().cannotConnect("the certificate of a.chat.test:7443 has changed", ConnectFailure.UNTRUSTED);

        assertThat(heard).containsExactly("login failed: The certificate of a.chat.test:7443 has changed. (HOST)");
        assertThat(server.last().endpoint()).as("no other server tried behind the user's back").isEqualTo(a);

        heard.clear();
        client.connect(ServerList.of(b), "alice");
        FakeTransports.Link online = server.last();
        online.serverSends(welcome("alice"), joined("lobby", List.of("alice"), List.of(), null));
        assertThat(model.status().detail()).isEqualTo("Connected over TLS to b.chat.test:7443 as alice");
        online.drop("connection reset");
        client.retryNow();
        FakeTransports.Link retry = server.last();
        retry.cannotConnect("the certificate of b.chat.test:7443 has changed", ConnectFailure.UNTRUSTED);

        assertThat(model.status().state()).isEqualTo(ConnectionStatus.State.OFFLINE);
        assertThat(model.status().detail()).isEqualTo("Not reconnected: the certificate of b.chat.test:7443 has changed.");
    }

    @Test
    void aLoginCutBeforeAWordHintsAtTls() {
        client.connect(ServerList.of(new Endpoint("chat.test", 7443)), "alice");
        server.last().drop("the server closed the connection");

        assertThat(heard).containsExactly("login failed: The server closed the connection before a word (if that is a TLS port, "
                + "connect with TLS). (NICK)");
    }
}
