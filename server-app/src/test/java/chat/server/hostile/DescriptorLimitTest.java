package chat.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ClientFrame;
import chat.protocol.ErrorCode;
import chat.protocol.ServerFrame;
import chat.server.RawClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A server that may open few files (ulimit -n) takes as many people as fit and tells the rest
 * server-full, instead of failing to accept them ("Too many open files", over and over).
 */
class DescriptorLimitTest {

    private static final int DESCRIPTORS = 320;
    private static final int PEOPLE = 150;

    @Test
    void pastWhatItsDescriptorsHoldTheServerRefusesWithServerFullAndKeepsServingTheOthers() {
        List<RawClient> clients = new ArrayList<>();
        try (ServerProcess server = ServerProcess.startWithDescriptorLimit(DESCRIPTORS)) {
            int welcomed = 0;
            int refused = 0;
            for (int i = 0; i < PEOPLE; i++) {
                RawClient client = RawClient.connect(server.port());
                clients.add(client);
                client.send(new ClientFrame.Hello(null, "person" + i, 1, "descriptor-test/1"));
                ServerFrame first = client.receiveAny();
                if (first instanceof ServerFrame.Welcome) {
                    welcomed++;
                } else {
                    assertThat(first).isInstanceOf(ServerFrame.Error.class);
                    assertThat(((ServerFrame.Error) first).code()).isEqualTo(ErrorCode.SERVER_FULL);
                    refused++;
                }
            }

            assertThat(server.log()).contains("max-sessions lowered from");
            assertThat(welcomed).as("some were let in").isPositive();
            assertThat(refused).as("the rest were told the server is full").isEqualTo(PEOPLE - welcomed);
            assertThat(refused).isPositive();
            assertThat(server.log()).doesNotContain("Too many open files");
            assertThat(server.isAlive()).isTrue();
            RawClient firstIn = clients.get(0);
            firstIn.receive(ServerFrame.Joined.class);
            firstIn.assertAlive("still served");
        } finally {
            clients.forEach(RawClient::close);
        }
    }
}
