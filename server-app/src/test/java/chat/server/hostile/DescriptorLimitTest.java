package chat.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ClientFrame;
import chat.protocol.ErrorCode;
import chat.protocol.ServerFrame;
import chat.server.RawClient;
import chat.server.ServerProcess;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A server that may open few files (ulimit -n) takes as many people as fit and tells the rest
 * server-full, instead of failing to accept them ("Too many open files", over and over).
 */
class DescriptorLimitTest {

    private static final int DESCRIPTORS = 320;
    private static final int PEOPLE = 150;
    private static final String WELCOMED = " welcomed";
    private static final String TOLD_FULL = " told server-full, then closed";
    private static final Pattern LOWERED = Pattern.compile("max-sessions lowered from \\d+ to (\\d+)");

    @Test
    void pastWhatItsDescriptorsHoldTheServerRefusesWithServerFullAndKeepsServingTheOthers() {
        List<RawClient> clients = new ArrayList<>();
        try (ServerProcess server = ServerProcess.startWithDescriptorLimit(DESCRIPTORS)) {
            int places = placesTheServerSaysFit(server.log());
            List<String> outcomes = new ArrayList<>();
            for (int i = 0; i < PEOPLE; i++) {
                outcomes.add(arrive(server.port(), "person" + i, clients));
            }

            assertThat(places).as("places the descriptors hold").isBetween(1, PEOPLE - 1);
            assertThat(outcomes).as("what each person got, in the order they came")
                    .containsExactlyElementsOf(IntStream.range(0, PEOPLE)
                            .mapToObj(i -> "person" + i + (i < places ? WELCOMED : TOLD_FULL)).toList());
            assertThat(server.log()).doesNotContain("Too many open files");
            assertThat(server.isAlive()).isTrue();
            RawClient firstIn = clients.get(0);
            firstIn.receive(ServerFrame.Joined.class);
            firstIn.assertAlive("still served");
        } finally {
            clients.forEach(RawClient::close);
        }
    }

    private static int placesTheServerSaysFit(String log) {
        Matcher lowered = LOWERED.matcher(log);
        assertThat(lowered.find()).as("the server says it lowered max-sessions; its log:%n%s", log).isTrue();
        return Integer.parseInt(lowered.group(1));
    }

    /**
     * Connects, says hello and tells what came back: welcomed; told server-full, which the
     * contract says is sent and then the connection closed; or what else happened. A welcomed
     * person's connection stays open in {@code clients}.
     */
    private static String arrive(int port, String nick, List<RawClient> clients) {
        try {
            RawClient client = RawClient.connect(port);
            clients.add(client);
            client.send(new ClientFrame.Hello(null, nick, 1, "descriptor-test/1"));
            ServerFrame first = client.receiveAny();
            if (first instanceof ServerFrame.Welcome) {
                return nick + WELCOMED;
            }
            if (!(first instanceof ServerFrame.Error error && error.code() == ErrorCode.SERVER_FULL)) {
                return nick + " got " + first;
            }
            List<ServerFrame> after = client.readUntilClosed();
            return after.isEmpty() ? nick + TOLD_FULL : nick + " was told server-full, then got " + after;
        } catch (AssertionError | UncheckedIOException failure) {
            return nick + ": " + failure.getMessage();
        }
    }
}
