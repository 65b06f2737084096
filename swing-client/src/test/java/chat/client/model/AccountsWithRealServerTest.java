package chat.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import chat.client.testing.LiveServer;
import chat.client.testing.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client's accounts against the real server's: register, log in, reconnect, change the password. */
class AccountsWithRealServerTest {

    private static LiveServer server;

    @BeforeAll
    static void startServer() {
        server = LiveServer.start("");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void aRegisteredNickAsksForItsPasswordAndTheRightOneLogsInAndSurvivesAReconnect() {
        try (TestUser kim = TestUser.online("kim", server.endpoint())) {
            kim.registers("correct horse");
            kim.await("registered", u -> u.account().isPresent());
            assertThat(kim.events()).contains("account done: \u201ckim\u201d is now your account: from now on, only its password "
                    + "logs in with this nick.");
            assertThat(kim.status().detail()).endsWith(" as kim (account)");
            kim.quits();
            kim.await("gone", u -> u.events().contains("ended"));
        }

        try (TestUser again = TestUser.tryingToLogIn("KIM", server.endpoint())) {
            again.await("asked for the password", u -> u.events().stream().anyMatch(e -> e.startsWith("password wanted")));
            assertThat(again.events()).containsExactly("password wanted: \u201cKIM\u201d is a registered account \u2014 enter its "
                    + "password, or choose another nick.");

            again.logsInWith("battery staple");
            again.await("asked again", u -> u.events().size() == 2);
            assertThat(again.events().get(1)).isEqualTo("password wanted: Wrong password for \u201cKIM\u201d. Try again, or choose "
                    + "another nick.");

            again.logsInWith("correct horse");
            again.await("logged in", u -> u.events().contains("logged in as kim"));
            assertThat(again.account()).hasValue("kim");

            again.network().cut();
            again.network().restore();
            again.await("back, logged in with the password it kept", u -> u.status().online());
            assertThat(again.status().detail()).endsWith(" as kim (account)");
            assertThat(again.events()).as("not asked again").hasSize(3);

            again.changesPassword("correct horse", "battery staple");
            again.await("changed", u -> u.events().stream().anyMatch(e -> e.startsWith("account done: Your password has changed")));
        }
    }

    @Test
    void registeringAnAccountTwiceSaysSo() {
        try (TestUser lee = TestUser.online("lee", server.endpoint())) {
            lee.registers("correct horse");
            lee.await("registered", u -> u.account().isPresent());

            lee.registers("battery staple");

            lee.await("refused", u -> u.events().contains("account refused: \u201clee\u201d is already a registered account."));
        }
    }
}
