package chat.client.net;

import static org.assertj.core.api.Assertions.assertThat;

import chat.client.model.ChatClient;
import chat.client.model.ChatModel;
import chat.client.model.ConnectionStatus;
import chat.client.model.ReconnectPolicy;
import chat.client.testing.LiveServer;
import chat.client.testing.Timers;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The client over the real server's own TLS listener and the self-signed certificate it made itself. */
class TlsWithRealServerTest {

    private final CertificatePins pins = CertificatePins.inMemory();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final CertificateTrust person = new CertificateTrust() {
        @Override
        public boolean trustFirstSeen(Endpoint server, Fingerprint presented) {
            asked.add(presented.text());
            return true;
        }

        @Override
        public void refusedChanged(Endpoint server, Fingerprint pinned, Fingerprint presented) {
            asked.add("changed");
        }
    };

    @Test
    void theFirstClientIsAskedAndTheNextConnectsSilentlyWithThePin() throws Exception {
        ScheduledExecutorService timer = Timers.daemon();
        try (LiveServer server = LiveServer.start("")) {
            for (String nick : List.of("tess", "tom")) {
                ExecutorService thread = Executors.newSingleThreadExecutor();
                ChatModel model = new ChatModel();
                ChatClient client = new ChatClient(model, new SocketTransportFactory(pins, person), thread, timer, ReconnectPolicy.DEFAULT);
                thread.execute(() -> client.connect(ServerList.of(server.tlsEndpoint()), nick));

                ConnectionStatus status = null;
                for (int i = 0; i < 750 && (status == null || !status.online()); i++) {
                    Thread.sleep(20);
                    status = CompletableFuture.supplyAsync(model::status, thread).get(15, TimeUnit.SECONDS);
                }
                assertThat(status.detail()).isEqualTo("Connected over TLS to " + server.tlsEndpoint() + " as " + nick);
                thread.execute(client::quit);
                thread.shutdown();
            }
        } finally {
            timer.shutdownNow();
        }
        assertThat(asked).as("asked once, about a SHA-256 fingerprint").singleElement().asString().hasSize(95);
    }
}
