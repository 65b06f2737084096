package chat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.client.net.Endpoint;
import chat.client.net.ServerList;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void optionsNameTheServerAndNick() {
        Options options = Options.parse("--host", "chat.example", "--port", "7000", "--nick", "小明", "--theme", "Dark");

        assertThat(options).isEqualTo(new Options(Optional.of(ServerList.of(new Endpoint("chat.example", 7000))), Optional.of(7000),
                Optional.of("小明"), Optional.of("dark")));
    }

    @Test
    void hostTakesTheNodesOfAClusterAndABareOneTakesThePortOption() {
        Options options = Options.parse("--host", "a.example:7777,b.example:7778,c.example", "--port", "7000");

        assertThat(options.servers()).hasValue(ServerList.of(
                new Endpoint("a.example", 7777), new Endpoint("b.example", 7778), new Endpoint("c.example", 7000)));
    }

    @Test
    void withoutPortABareHostTakesTheDefaultPort() {
        assertThat(Options.parse("--host", "a.example,b.example:7778").servers()).hasValue(ServerList.of(
                new Endpoint("a.example", 7777), new Endpoint("b.example", 7778)));
        assertThat(Options.parse("--nick", "alice").servers()).isEmpty();
    }

    @Test
    void aBrokenListOfServersIsRefusedWithASentence() {
        assertThatThrownBy(() -> Options.parse("--host", "a,,b")).hasMessage("--host has an empty entry: two commas in a row, or one at an end");
        assertThatThrownBy(() -> Options.parse("--host", "a:77777")).hasMessage("--host gives a:77777 a port that is not a number from 1 to 65535");
        assertThatThrownBy(() -> Options.parse("--host", "a,b:x")).hasMessage("--host gives b:x a port that is not a number from 1 to 65535");
        assertThatThrownBy(() -> Options.parse("--host", "")).hasMessage("--host names no server");
    }

    @Test
    void tlsIsAFlagThatTakesTheTlsPortForABareHost() {
        Options options = Options.parse("--tls", "--host", "a.example,b.example:9443", "--nick", "alice");

        assertThat(options.tls()).isTrue();
        assertThat(options.servers()).hasValue(ServerList.of(
                new Endpoint("a.example", 7443, true), new Endpoint("b.example", 9443, true)));
        assertThat(Options.parse("--host", "a.example").tls()).isFalse();
        assertThat(Options.USAGE).contains("--tls");
    }

    @Test
    void theUsageShowsTheListOfServers() {
        assertThat(Options.USAGE).contains("--host HOST[:PORT][,HOST[:PORT]...]").contains("the next one in the list");
    }

    @Test
    void nonsenseIsRefusedWithASentence() {
        assertThatThrownBy(() -> Options.parse("--port", "seventy")).hasMessage("--port takes a number from 1 to 65535, not seventy");
        assertThatThrownBy(() -> Options.parse("--nick")).hasMessageStartingWith("--nick needs a value");
        assertThatThrownBy(() -> Options.parse("--colour", "red")).hasMessageStartingWith("unknown option --colour");
    }
}
