package chat.client.net;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ClientFrame;
import chat.protocol.Decoded;
import chat.protocol.FrameCodec;
import chat.protocol.ServerFrame;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The socket transport against a hand-written server that sends raw bytes. */
class SocketTransportTest {

    private final FrameCodec codec = new FrameCodec();
    private final BlockingQueue<Object> heard = new LinkedBlockingQueue<>();
    private final TransportListener listener = new TransportListener() {
        @Override
        public void received(ServerFrame frame) {
            heard.add(frame);
        }

        @Override
        public void closed(String reason, ConnectFailure failure) {
            heard.add("closed: " + reason);
        }
    };

    private Object next() throws InterruptedException {
        Object item = heard.poll(10, TimeUnit.SECONDS);
        assertThat(item).as("something from the transport").isNotNull();
        return item;
    }

    @Test
    void framesArriveWholeHoweverTheBytesAreCutLargeOnesIncludedAndUnknownTypesAreSkipped() throws Exception {
        String big = "字".repeat(300_000);
        try (ServerSocket server = new ServerSocket(0)) {
            Transport transport = SocketTransport.open(new Endpoint("127.0.0.1", server.getLocalPort()), listener, codec);
            try (Socket peer = server.accept()) {
                OutputStream out = peer.getOutputStream();
                for (byte b : "{\"type\":\"pong\"}\r\n\n".getBytes(StandardCharsets.UTF_8)) {
                    out.write(b);
                    out.flush();
                }
                out.write("{\"type\":\"sparkles\",\"level\":9}\n".getBytes(StandardCharsets.UTF_8));
                out.write(codec.encode(new ServerFrame.Message("lobby", "bob", big, 1, chat.protocol.Timestamps.now(), null)));
                out.flush();

                assertThat(next()).isEqualTo(new ServerFrame.Pong(null));
                assertThat(next()).isInstanceOfSatisfying(ServerFrame.Message.class, m -> assertThat(m.text()).isEqualTo(big));
            }
            assertThat(next()).isEqualTo("closed: the server closed the connection");
            transport.close();
        }
    }

    @Test
    void framesGoOutInOrderWhileFramesComeIn() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            Transport transport = SocketTransport.open(new Endpoint("127.0.0.1", server.getLocalPort()), listener, codec);
            List<ClientFrame> said = java.util.stream.IntStream.range(0, 200)
                    .<ClientFrame>mapToObj(i -> new ClientFrame.Say("c" + i, "lobby", "line " + i)).toList();
            said.forEach(transport::send);
            transport.finish();
            try (Socket peer = server.accept()) {
                peer.getOutputStream().write("{\"type\":\"ping\"}\n".getBytes(StandardCharsets.UTF_8));
                BufferedReader lines = new BufferedReader(new InputStreamReader(peer.getInputStream(), StandardCharsets.UTF_8));
                List<String> received = lines.lines().toList();

                assertThat(received).extracting(codec::decodeRequest).as("what the server read, in order")
                        .containsExactlyElementsOf(said.stream().map(Decoded.Request::new).toList());
                assertThat(next()).isEqualTo(new ServerFrame.Ping());
            }
        }
    }

    @Test
    void aRefusedConnectionIsReportedInWords() throws Exception {
        int port;
        try (ServerSocket gone = new ServerSocket(0)) {
            port = gone.getLocalPort();
        }
        SocketTransport.open(new Endpoint("127.0.0.1", port), listener, codec);

        assertThat(next()).isEqualTo("closed: nobody is listening at 127.0.0.1:" + port + " (connection refused)");
    }

    @Test
    void aSilentServerIsGivenUpOn() throws IOException, InterruptedException {
        try (ServerSocket server = new ServerSocket(0)) {
            Transport transport = SocketTransport.open(new Endpoint("127.0.0.1", server.getLocalPort()), listener, codec);
            try (Socket peer = server.accept()) {
                transport.expectTrafficWithin(java.time.Duration.ofMillis(200));
                // A read already waiting keeps its old timeout; the next one after this frame uses the new one.
                peer.getOutputStream().write("{\"type\":\"pong\"}\n".getBytes(StandardCharsets.UTF_8));

                assertThat(next()).isEqualTo(new ServerFrame.Pong(null));
                assertThat(next()).isEqualTo("closed: the server stopped answering");
            }
        }
    }
}
