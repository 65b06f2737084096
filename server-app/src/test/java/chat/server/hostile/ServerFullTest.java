package chat.server.hostile;

import chat.server.RawClient;
import chat.server.TestServer;
import static org.assertj.core.api.Assertions.assertThat;

import chat.actors.RegistryActor;
import chat.protocol.ErrorCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 4, item 6: past max-per-address or max-sessions a connection gets server-full and is closed. */
class ServerFullTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("chat.limits.max-sessions = 4", "chat.limits.max-per-address = 2");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void oneAddressMayNotTakeEveryPlaceAndTheServerTakesNoMoreThanItsMaximum() {
        try (RawClient first = RawClient.registered(server.port(), "first");
             RawClient second = RawClient.registered(server.port(), "second")) {
            try (RawClient third = RawClient.connect(server.port())) {
                assertRefused(third, "too many connections from your address");
            }
            try (RawClient otherHost = RawClient.connectFrom("127.0.0.2", server.port());
                 RawClient otherHostToo = RawClient.connectFrom("127.0.0.2", server.port())) {
                otherHost.hello("remote1");
                otherHostToo.hello("remote2");
                try (RawClient fifth = RawClient.connectFrom("127.0.0.3", server.port())) {
                    assertRefused(fifth, "server is full");
                }
            }
            server.awaitStats(new RegistryActor.Stats(2, 2, 1));
            first.assertAlive("the refusals harmed nobody");
            second.assertAlive("the refusals harmed nobody");
            try (RawClient againFromTheSecondHost = RawClient.connectFrom("127.0.0.2", server.port())) {
                againFromTheSecondHost.hello("remote3");
                againFromTheSecondHost.assertAlive("a freed place is given again");
            }
        }
        server.awaitStats(new RegistryActor.Stats(0, 0, 0));
    }

    private static void assertRefused(RawClient client, String reason) {
        assertThat(client.receiveError(ErrorCode.SERVER_FULL).message()).contains(reason);
        assertThat(client.readUntilClosed()).isEmpty();
    }
}
