package chat.transcript;

import chat.actors.ChatSettings;
import chat.actors.RegistryActor;
import chat.protocol.irc.IrcProtocol;
import chat.protocol.irc.IrcServer;
import chat.server.connection.IrcWire;
import chat.server.connection.JsonWire;
import chat.server.connection.WireProtocol;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.query.javadsl.PersistenceTestKitReadJournal;
import org.apache.pekko.util.ByteString;

/**
 * The actors alone, in an {@link ActorTestKit} of their own: a registry and an empty store (Pekko's
 * in-memory persistence test kit, whose store belongs to one actor system) per transcript, so that
 * transcripts played at the same time never share a room, and a {@link StandInConnection} where
 * the server would have a socket, speaking the wire protocol of the listener it stands for.
 */
final class ActorHarness implements ChatHarness {

    /** Rooms store their events in Pekko's in-memory persistence test kit. */
    private static final Config STORE_IN_MEMORY = PersistenceTestKitPlugin.getInstance().config()
            .withFallback(PersistenceTestKitSnapshotPlugin.getInstance().config())
            .withValue("chat.store.query-plugin", ConfigValueFactory.fromAnyRef(PersistenceTestKitReadJournal.Identifier()));

    /** The address every stand-in connection claims, as all TCP clients of the tests come from loopback. */
    private static final String CLIENT_ADDRESS = "127.0.0.1";

    private final ActorTestKit testKit;
    private final ChatSettings settings;
    private final ActorRef<RegistryActor.Command> registry;
    private final WireProtocol json;
    private final WireProtocol irc;
    private int connections;

    private ActorHarness(ActorTestKit testKit, ChatSettings settings, IrcServer ircServer) {
        this.testKit = testKit;
        this.settings = settings;
        this.registry = testKit.spawn(RegistryActor.create(settings));
        this.json = new JsonWire(settings.limits());
        this.irc = new IrcWire(new IrcProtocol(ircServer), settings.limits());
    }

    /** A registry with the transcript's settings ({@link ServerSettings}) over the defaults, in a test kit of its own. */
    static ActorHarness start(Config settings) {
        Config config = settings.withFallback(STORE_IN_MEMORY).withFallback(ConfigFactory.load());
        ChatSettings chat = ChatSettings.from(config);
        return new ActorHarness(ActorTestKit.create("transcript", config), chat, ircServer(config, chat));
    }

    /** What IRC clients are told about the server, from the same settings and in the same words as ChatServer tells them. */
    private static IrcServer ircServer(Config config, ChatSettings settings) {
        Config irc = config.getConfig("chat.irc");
        String started = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.RFC_1123_DATE_TIME);
        return new IrcServer(irc.getString("server-name"), irc.getString("network"), settings.serverName(), started,
                irc.getString("server-name"), settings.limits().maxTopic(), settings.limits().maxRoomsPerSession());
    }

    @Override
    public ClientConnection connect(Wire wire) {
        Inbox inbox = new Inbox();
        ActorRef<StandInConnection.Command> connection =
                testKit.spawn(StandInConnection.create(registry, CLIENT_ADDRESS, CLIENT_ADDRESS + ":stand-in-" + (++connections),
                        inbox, wire == Wire.IRC ? irc : json, settings.limits()));
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
        testKit.shutdownTestKit();
    }
}
