package chat.transcript;

import chat.actors.ChatSettings;
import chat.actors.RegistryActor;
import chat.actors.history.InMemoryHistory;
import chat.protocol.FrameCodec;
import chat.server.connection.InboundDecoder;
import com.typesafe.config.Config;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.util.ByteString;

/**
 * The actors alone, in an {@link ActorTestKit}: a fresh registry per transcript, and a
 * {@link StandInConnection} where the server would have a socket.
 */
final class ActorHarness implements ChatHarness {

    /** The address every stand-in connection claims, as all TCP clients of the tests come from loopback. */
    private static final String CLIENT_ADDRESS = "127.0.0.1";
    private static final FrameCodec CODEC = new FrameCodec();

    private final ActorTestKit testKit;
    private final ChatSettings settings;
    private final ActorRef<RegistryActor.Command> registry;
    private int connections;

    private ActorHarness(ActorTestKit testKit, ChatSettings settings) {
        this.testKit = testKit;
        this.settings = settings;
        this.registry = testKit.spawn(RegistryActor.create(settings, new InMemoryHistory(settings.history().keepPerRoom())));
    }

    /** A registry with the transcript's settings ({@link ServerSettings}), in the shared test kit. */
    static ActorHarness start(ActorTestKit testKit, Config settings) {
        return new ActorHarness(testKit, ChatSettings.from(settings));
    }

    @Override
    public ClientConnection connect() {
        Inbox inbox = new Inbox();
        InboundDecoder decoder = new InboundDecoder(CODEC, settings.limits().maxFrameBytesUnregistered(),
                settings.limits().maxFrameBytes());
        ActorRef<StandInConnection.Command> connection =
                testKit.spawn(StandInConnection.create(registry, CLIENT_ADDRESS,
                        CLIENT_ADDRESS + ":stand-in-" + (++connections), inbox, decoder));
        return new ClientConnection() {
            @Override
            public void send(byte[] bytes) {
                connection.tell(new StandInConnection.Feed(ByteString.fromArray(bytes)));
            }

            @Override
            public Inbox inbox() {
                return inbox;
            }

            @Override
            public void stopReading() {
                connection.tell(StandInConnection.StopReading.INSTANCE);
            }

            @Override
            public void stopSending() {
                connection.tell(StandInConnection.StopSending.INSTANCE);
            }

            @Override
            public void drop() {
                connection.tell(StandInConnection.Drop.INSTANCE);
            }
        };
    }

    @Override
    public void shutDown() {
        TestProbe<Done> done = testKit.createTestProbe();
        registry.tell(new RegistryActor.Shutdown(settings.shutdownTimeout(), done.ref()));
        done.expectMessage(settings.shutdownTimeout().plusSeconds(1), Done.getInstance());
    }

    @Override
    public void close() {
        testKit.stop(registry);
    }
}
