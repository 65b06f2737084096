package chat.client.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerListTest {

    @Test
    void theNodesOfAClusterAreWrittenWithCommasAndABareHostTakesTheDefaultPort() {
        ServerList servers = ServerList.parse("a.chat:7777, b.chat:7778 ,c.chat", 7000);

        assertThat(servers.endpoints()).containsExactly(
                new Endpoint("a.chat", 7777), new Endpoint("b.chat", 7778), new Endpoint("c.chat", 7000));
    }

    @Test
    void oneServerIsAListOfOne() {
        assertThat(ServerList.parse("localhost", 7777)).isEqualTo(ServerList.of(new Endpoint("localhost", 7777)));
    }

    @Test
    void ipv6AddressesAreBracketedForAPortAndBareWithout() {
        ServerList servers = ServerList.parse("[::1]:7001,fe80::1,[fe80::2]", 7777);

        assertThat(servers.endpoints()).containsExactly(new Endpoint("::1", 7001), new Endpoint("fe80::1", 7777), new Endpoint("fe80::2", 7777));
        assertThat(servers.text(7777)).isEqualTo("[::1]:7001,fe80::1,fe80::2");
    }

    @Test
    void afterTheLastServerComesTheFirstAgain() {
        ServerList servers = ServerList.parse("a,b,c", 7777);

        assertThat(servers.after(0)).isEqualTo(1);
        assertThat(servers.after(2)).isEqualTo(0);
    }

    @Test
    void theTextLeavesOutTheDefaultPortAndReadsBackAsTheSameList() {
        ServerList servers = ServerList.parse("a:7777,b:7778,c", 7777);

        assertThat(servers.text(7777)).isEqualTo("a,b:7778,c");
        assertThat(ServerList.parse(servers.text(7777), 7777)).isEqualTo(servers);
    }

    @Test
    void mistakesAreNamedSoThatTheUserCanFindThem() {
        assertThatThrownBy(() -> ServerList.parse("  ", 7777)).hasMessage("names no server");
        assertThatThrownBy(() -> ServerList.parse("a,,b", 7777)).hasMessage("has an empty entry: two commas in a row, or one at an end");
        assertThatThrownBy(() -> ServerList.parse("a,b,", 7777)).hasMessage("has an empty entry: two commas in a row, or one at an end");
        assertThatThrownBy(() -> ServerList.parse("a,b:x", 7777)).hasMessage("gives b:x a port that is not a number from 1 to 65535");
        assertThatThrownBy(() -> ServerList.parse("a:70000", 7777)).hasMessage("gives a:70000 a port that is not a number from 1 to 65535");
        assertThatThrownBy(() -> ServerList.parse("a:", 7777)).hasMessage("gives a: a port that is not a number from 1 to 65535");
        assertThatThrownBy(() -> ServerList.parse(":7000", 7777)).hasMessage("has an entry with a port but no host: :7000");
        assertThatThrownBy(() -> ServerList.parse("a,a:7777", 7777)).hasMessage("names a:7777 twice");
    }
}
