package chat.client;

import static org.assertj.core.api.Assertions.assertThat;

import chat.client.net.Endpoint;
import chat.client.net.Fingerprint;
import chat.client.net.ServerList;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the client remembers between runs, in a scratch node of the user's preferences. */
class ConnectionPreferencesTest {

    private static final Fingerprint ONE = new Fingerprint(("AB:".repeat(31) + "AB"));
    private static final Fingerprint TWO = new Fingerprint(("CD:".repeat(31) + "CD"));

    private final Preferences scratch = Preferences.userRoot().node("chat/swing-client-preferences-test");
    private final ConnectionPreferences preferences = new ConnectionPreferences(scratch);

    @AfterEach
    void removeScratch() throws BackingStoreException {
        scratch.removeNode();
    }

    @Test
    void aPinnedCertificateIsKeptPerHostAndPortUntilForgotten() {
        Endpoint server = new Endpoint("Chat.Example", 7443, true);
        preferences.pin(server, ONE);

        ConnectionPreferences nextRun = new ConnectionPreferences(Preferences.userRoot().node("chat/swing-client-preferences-test"));
        assertThat(nextRun.pinned(new Endpoint("chat.example", 7443, true))).as("host names compare as DNS does").hasValue(ONE);
        assertThat(nextRun.pinned(new Endpoint("chat.example", 8443, true))).isEmpty();
        assertThat(scratch.node("certificates").get("chat.example:7443", null)).as("readable where a person looks").isEqualTo(ONE.text());

        nextRun.pin(server, TWO);
        assertThat(preferences.pinned(server)).hasValue(TWO);
        preferences.forget(server);
        assertThat(nextRun.pinned(server)).isEmpty();
    }

    @Test
    void aHostTooLongForAPreferencesKeyIsPinnedByItsHash() {
        Endpoint server = new Endpoint("a".repeat(63) + "." + "b".repeat(40) + ".example", 7443, true);

        preferences.pin(server, ONE);

        assertThat(ConnectionPreferences.key(server)).startsWith("sha256:").hasSizeLessThanOrEqualTo(Preferences.MAX_KEY_LENGTH);
        assertThat(preferences.pinned(server)).hasValue(ONE);
    }

    @Test
    void theChoiceOfTlsIsRememberedWithItsPortButNeverAPassword() throws BackingStoreException {
        preferences.remember(ServerList.of(new Endpoint("chat.example", 7443, true)), "alice");

        assertThat(preferences.servers(Optional.empty())).isEqualTo(ServerList.of(new Endpoint("chat.example", 7443, true)));
        assertThat(scratch.keys()).containsExactlyInAnyOrder("host", "port", "tls", "nick");
    }

    @Test
    void askingForTlsWithoutAPortTakesTheTlsPortNotThePlainOneRemembered() {
        preferences.remember(ServerList.of(new Endpoint("chat.example", 7777)), "alice");

        assertThat(preferences.servers(Optional.empty(), true)).isEqualTo(ServerList.of(new Endpoint("chat.example", 7443, true)));
        assertThat(preferences.servers(Optional.of(9000), true)).isEqualTo(ServerList.of(new Endpoint("chat.example", 9000, true)));
        assertThat(preferences.servers(Optional.empty(), false)).isEqualTo(ServerList.of(new Endpoint("chat.example", 7777)));
    }
}
