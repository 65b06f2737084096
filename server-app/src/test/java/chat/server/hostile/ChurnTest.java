package chat.server.hostile;

import chat.server.NickRace;
import chat.server.RawClient;
import chat.server.TestServer;
import static org.assertj.core.api.Assertions.assertThat;

import chat.actors.RegistryActor;
import chat.protocol.ClientFrame;
import chat.protocol.ServerFrame;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 4, item 7: thousands of comings and goings, polite or not, leave nothing behind. */
class ChurnTest {

    private static final int CYCLES = 5000;
    private static final int WORKERS = 8;
    private static final int RACERS = 50;
    private static final RegistryActor.Stats EMPTY = new RegistryActor.Stats(0, 0, 0);
    private static TestServer server;

    /** The ways a client can leave, from polite to rude. */
    private enum Departure {
        BYE, CLOSE, RESET, CLOSE_MID_FRAME, RESET_MID_FRAME, CLOSE_BEFORE_HELLO, RESET_MID_HELLO,
        RESET_RIGHT_AFTER_HELLO, RENAME_THEN_RESET, JOIN_ROOMS_THEN_RESET
    }

    private static final int ROOMS_JOINED_BEFORE_RESET = 3;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void nothingIsLeftBehind() {
        server.awaitStats(EMPTY);
        if (OpenConnections.visible()) {
            TestServer.Eventually.equal("connections the server still holds open", 0L,
                    () -> OpenConnections.toPort(server.port()), Duration.ofSeconds(15));
        }
    }

    @Test
    void thousandsOfConnectRegisterDisconnectCyclesLeaveNoSessionNickOrRoom() throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Future<?>> cycles = new ArrayList<>();
            for (int i = 0; i < CYCLES; i++) {
                int cycle = i;
                cycles.add(workers.submit(() -> cycle(cycle, Departure.values()[cycle % Departure.values().length])));
            }
            for (Future<?> cycle : cycles) {
                cycle.get(60, TimeUnit.SECONDS);
            }
        } finally {
            workers.shutdownNow();
        }
        server.awaitStats(EMPTY);
        try (RawClient last = RawClient.registered(server.port(), "c0")) {
            last.send(new ClientFrame.Who("w", "lobby"));
            assertThat(last.receive(ServerFrame.Members.class).members()).containsExactly("c0");
        }
    }

    @Test
    void fiftyClientsRaceForOneNickAndExactlyOneWins() throws Exception {
        List<RawClient> racers = IntStream.range(0, RACERS).mapToObj(i -> RawClient.connect(server.port())).toList();
        try {
            assertThat(NickRace.welcomes(racers, "racer")).isEqualTo(1);
            server.awaitStats(new RegistryActor.Stats(RACERS, 1, 1));
            if (OpenConnections.visible()) {
                assertThat(OpenConnections.toPort(server.port())).as("connections seen by the kernel").isEqualTo(RACERS);
            }
        } finally {
            racers.forEach(RawClient::reset);
        }
    }

    private static void cycle(int cycle, Departure departure) {
        RawClient client = RawClient.connect(server.port());
        byte[] halfFrame = "{\"type\":\"say\",\"room\":\"lob".getBytes(StandardCharsets.UTF_8);
        switch (departure) {
            case CLOSE_BEFORE_HELLO -> client.close();
            case RESET_MID_HELLO -> {
                client.sendBytes("{\"type\":\"hello\",\"ni".getBytes(StandardCharsets.UTF_8));
                client.reset();
            }
            case RESET_RIGHT_AFTER_HELLO -> {
                client.send(new ClientFrame.Hello(null, "c" + cycle, 1, null));
                client.reset();
            }
            default -> {
                client.hello("c" + cycle);
                switch (departure) {
                    case BYE -> {
                        client.send(new ClientFrame.Bye(null, null));
                        client.receiveSkipping(ServerFrame.Bye.class);
                        client.close();
                    }
                    case CLOSE -> client.close();
                    case RESET -> client.reset();
                    case RENAME_THEN_RESET -> {
                        client.send(new ClientFrame.Nick(null, "renamed" + cycle));
                        client.receive(ServerFrame.NickChanged.class);
                        client.reset();
                    }
                    case JOIN_ROOMS_THEN_RESET -> {
                        for (int room = 0; room < ROOMS_JOINED_BEFORE_RESET; room++) {
                            client.send(new ClientFrame.Join(null, "room" + cycle + "x" + room, null));
                            client.receive(ServerFrame.Joined.class);
                        }
                        client.reset();
                    }
                    case CLOSE_MID_FRAME -> {
                        client.sendBytes(halfFrame);
                        client.close();
                    }
                    default -> {
                        client.sendBytes(halfFrame);
                        client.reset();
                    }
                }
            }
        }
    }
}
