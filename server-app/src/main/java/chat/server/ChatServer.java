package chat.server;

import chat.actors.ChatSettings;
import chat.actors.RegistryActor;
import chat.protocol.ErrorCode;
import chat.protocol.ServerFrame;
import chat.protocol.irc.IrcProtocol;
import chat.protocol.irc.IrcServer;
import chat.server.connection.ConnectionFlow;
import chat.server.connection.IrcWire;
import chat.server.connection.JsonWire;
import chat.server.connection.WireProtocol;
import chat.server.store.ChatStore;
import chat.server.store.StoreUnusable;
import chat.server.tls.ServerCertificate;
import chat.server.tls.TlsLayer;
import chat.server.tls.TlsSettings;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import org.apache.pekko.NotUsed;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Tcp;
import org.apache.pekko.util.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running server: an actor system whose guardian is the registry, and TCP listeners (JSON
 * lines and IRC, each also inside TLS, unless switched off) that turn each accepted connection
 * into a session. Closing it runs the same coordinated shutdown as SIGTERM: stop accepting,
 * {@code bye} to every session, terminate.
 */
public final class ChatServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChatServer.class);
    private static final String SERVER_DEFAULTS = "server-defaults.conf";
    private static final String MAX_SESSIONS = "chat.limits.max-sessions";
    private static final String SEED_NODES = "pekko.cluster.seed-nodes";
    /**
     * A client that closes its sending side (nc -N, a script piping a file) still reads the
     * answers; the session closes the connection once they are written.
     */
    private static final boolean HALF_CLOSE = true;

    private final ActorSystem<RegistryActor.Command> system;
    private final ChatSettings settings;
    /** Every listener that is on, in the order they were bound: JSON first. */
    private final Map<Listener, Tcp.ServerBinding> bindings;

    private ChatServer(ActorSystem<RegistryActor.Command> system, ChatSettings settings,
                       Map<Listener, Tcp.ServerBinding> bindings) {
        this.system = system;
        this.settings = settings;
        this.bindings = bindings;
    }

    /** One listener to bind: its protocol on its port, and what wraps each connection's plaintext flow (TLS, or nothing). */
    private record Endpoint(Listener listener, int port, WireProtocol wire,
                            UnaryOperator<Flow<ByteString, ByteString, NotUsed>> layer) {}

    /**
     * Starts a server and returns once it listens: the store answers and has its tables, the
     * actor system runs, the port is bound.
     *
     * @param config the chat and pekko settings; reference defaults are added beneath it
     * @throws chat.server.store.StoreUnusable when the store named by chat.store.url cannot be used
     */
    public static ChatServer start(Config config) {
        Config full = config.withFallback(ConfigFactory.parseResources(SERVER_DEFAULTS))
                .withFallback(ConfigFactory.defaultReference())
                .resolve();
        ChatStore store = ChatStore.from(full);
        refuseUnsharedStoreInCluster(full, store);
        Config withStore = store.pekkoSettings().withFallback(full);
        ListenerSettings listener = ListenerSettings.from(withStore);
        // Opened (or made, on first start) before anything runs, so a keystore that cannot be used
        // stops the server with nothing started to stop; it is logged once the server is up.
        Optional<ServerCertificate> certificate = listener.tls().enabled()
                ? Optional.of(ServerCertificate.open(listener.tls())) : Optional.empty();
        Optional<TlsLayer> tls = certificate.map(opened ->
                new TlsLayer(opened, listener.tls().protocols(), listener.tls().handshakeTimeout()));
        withStore = withinDescriptorBudget(withStore, listener);
        ChatSettings settings = ChatSettings.from(withStore);
        ActorSystem<RegistryActor.Command> system;
        // Held until the journal's connections are up: an embedded database is opened once.
        try (Connection held = store.prepare()) {
            LOG.info("rooms are stored in {}", store.shownUrl());
            system = ActorSystem.create(RegistryActor.create(settings), "chat", withStore);
            awaitStore(system, settings);
            AutoCloseable housekeeping = store.startHousekeeping();
            system.getWhenTerminated().thenRun(() -> closeQuietly(housekeeping));
        } catch (SQLException e) {
            throw new StoreUnusable("cannot use the store " + store.shownUrl() + ": " + e.getMessage(), e);
        }
        Map<Listener, Tcp.ServerBinding> bindings = new EnumMap<>(Listener.class);
        try {
            for (Endpoint endpoint : endpoints(listener, settings, tls)) {
                bindings.put(endpoint.listener(), bindOrStop(system, settings, listener, endpoint));
            }
        } catch (RuntimeException e) {
            bindings.values().forEach(Tcp.ServerBinding::unbind);
            throw e;
        }
        ChatServer server = new ChatServer(system, settings, bindings);
        server.registerShutdownTasks();
        certificate.ifPresent(opened -> logCertificate(opened, listener.tls()));
        bindings.forEach((which, binding) -> LOG.info(which.listening, binding.localAddress()));
        return server;
    }

    /**
     * What each listener speaks. The TLS listeners share the plain ones' wire protocols, so a room's
     * line is encoded once for everyone who speaks its protocol, inside TLS or not.
     */
    private static List<Endpoint> endpoints(ListenerSettings listener, ChatSettings settings, Optional<TlsLayer> tls) {
        UnaryOperator<Flow<ByteString, ByteString, NotUsed>> plain = UnaryOperator.identity();
        WireProtocol json = new JsonWire(settings.limits());
        Optional<WireProtocol> irc = listener.irc().enabled()
                ? Optional.of(new IrcWire(new IrcProtocol(ircServer(listener, settings)), settings.limits()))
                : Optional.empty();
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(new Endpoint(Listener.JSON, listener.port(), json, plain));
        irc.ifPresent(wire -> endpoints.add(new Endpoint(Listener.IRC, listener.irc().port(), wire, plain)));
        tls.ifPresent(layer -> {
            endpoints.add(new Endpoint(Listener.TLS, listener.tls().port(), json, layer::around));
            irc.ifPresent(wire -> endpoints.add(new Endpoint(Listener.IRC_TLS, listener.tls().ircPort(), wire, layer::around)));
        });
        return endpoints;
    }

    /** Where the certificate is and its fingerprint, for people to compare with what their client shows. */
    private static void logCertificate(ServerCertificate certificate, TlsSettings tls) {
        LOG.info("TLS certificate {}, valid until {}, from {}{}", certificate.subject(), certificate.notAfter(),
                certificate.keystore(), certificate.madeNow() ? " (self-signed, made by this start)" : "");
        LOG.info("TLS certificate SHA-256 fingerprint: {}", certificate.fingerprint());
        if (certificate.notAfter().isBefore(Instant.now())) {
            LOG.warn("the TLS certificate expired on {}: clients that check it refuse it; {}", certificate.notAfter(),
                    tls.keystore().isPresent() ? "renew chat.tls.keystore"
                            : "remove " + tls.selfSignedDir().toAbsolutePath() + " and restart for a new one");
        }
    }

    private static Tcp.ServerBinding bindOrStop(ActorSystem<RegistryActor.Command> system, ChatSettings settings,
                                                ListenerSettings listener, Endpoint endpoint) {
        try {
            return bind(system, settings, listener, endpoint).toCompletableFuture().join();
        } catch (RuntimeException e) {
            system.terminate();
            throw new IllegalStateException("cannot listen on " + listener.host() + ":" + endpoint.port() + ": " + rootMessage(e), e);
        }
    }

    /** What IRC clients are told about this server; the version is the one JSON clients see in welcome. */
    private static IrcServer ircServer(ListenerSettings listener, ChatSettings settings) {
        ListenerSettings.Irc irc = listener.irc();
        String started = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.RFC_1123_DATE_TIME);
        return new IrcServer(irc.serverName(), irc.network(), settings.serverName(), started, irc.serverName(),
                settings.limits().maxTopic(), settings.limits().maxRoomsPerSession());
    }

    /**
     * Nodes of one cluster share their rooms, so they must share the store the rooms live in; an H2
     * file belongs to one process. Without seed nodes the server is a cluster of one and any store
     * does.
     */
    private static void refuseUnsharedStoreInCluster(Config config, ChatStore store) {
        if (!config.getStringList(SEED_NODES).isEmpty() && !store.isShared()) {
            throw new StoreUnusable("pekko.cluster.seed-nodes makes this server one node of a cluster, whose nodes "
                    + "share one store, and " + store.shownUrl() + " cannot be shared: set chat.store.url to a "
                    + "PostgreSQL database that every node uses (docs/cluster.md)");
        }
    }

    /** The port opens once the store has served its first reads: nobody waits for its first connections. */
    private static void awaitStore(ActorSystem<RegistryActor.Command> system, ChatSettings settings) {
        try {
            AskPattern.<RegistryActor.Command, Done>ask(system, RegistryActor.WhenReady::new,
                    settings.store().readyTimeout(), system.scheduler()).toCompletableFuture().join();
        } catch (RuntimeException e) {
            system.terminate();
            throw new StoreUnusable("the store did not answer its first reads within " + settings.store().readyTimeout(), e);
        }
    }

    /** The config with chat.limits.max-sessions lowered to what the process's descriptors hold, if they hold fewer. */
    private static Config withinDescriptorBudget(Config config, ListenerSettings listener) {
        int configured = config.getInt(MAX_SESSIONS);
        long fit = DescriptorBudget.sessionsThatFit(listener.descriptorReserve()).orElse(configured);
        if (fit >= configured) {
            return config;
        }
        LOG.warn("max-sessions lowered from {} to {}: the process may open {} more files (ulimit -n) and keeps {} "
                        + "of them in reserve (chat.limits.descriptor-reserve)",
                configured, fit, fit + listener.descriptorReserve(), listener.descriptorReserve());
        return config.withValue(MAX_SESSIONS, ConfigValueFactory.fromAnyRef(fit));
    }

    /**
     * Each accepted connection is admitted by the registry first and only then given its flow, so
     * the connection's stream is one graph from the start. A TLS connection is admitted, and
     * counted against max-sessions and max-per-address, before its handshake: a host cannot hold
     * more unfinished handshakes than it may hold sessions.
     */
    private static CompletionStage<Tcp.ServerBinding> bind(ActorSystem<RegistryActor.Command> system, ChatSettings settings,
                                                           ListenerSettings listener, Endpoint endpoint) {
        ConnectionFlow flows = new ConnectionFlow(endpoint.wire(), settings.limits());
        return Tcp.get(system)
                .bind(listener.host(), endpoint.port(), listener.acceptBacklog(), List.of(), HALF_CLOSE, Optional.empty())
                .mapAsyncUnordered(listener.admissionsAtOnce(), connection -> admit(system, settings, connection)
                        .thenApply(admission -> Pair.create(connection, admission)))
                .to(Sink.foreach(admitted -> admitted.first().handleWith(endpoint.layer().apply(flows.forAdmission(
                        admitted.second(), admitted.first().remoteAddress().getAddress().getHostAddress())), system)))
                .run(system);
    }

    private static CompletionStage<RegistryActor.Admission> admit(ActorSystem<RegistryActor.Command> system,
                                                                  ChatSettings settings, Tcp.IncomingConnection connection) {
        InetSocketAddress remote = connection.remoteAddress();
        String address = remote.getAddress().getHostAddress();
        String peer = address + ":" + remote.getPort();
        CompletionStage<RegistryActor.Admission> admission = AskPattern.ask(system,
                replyTo -> new RegistryActor.Admit(address, peer, replyTo), settings.limits().registerTimeout(),
                system.scheduler());
        // A registry too busy to answer in time must not stop the listener: this one connection is turned away.
        return admission.exceptionally(failure -> new RegistryActor.Refused(new ServerFrame.Error(ErrorCode.SERVER_FULL,
                "the server is too busy to let you in; try again later", null)));
    }

    private void registerShutdownTasks() {
        CoordinatedShutdown shutdown = CoordinatedShutdown.get(system);
        bindings.forEach((which, binding) -> shutdown.addTask(CoordinatedShutdown.PhaseServiceUnbind(),
                "stop-accepting-" + which.name().toLowerCase(Locale.ROOT),
                () -> binding.unbind().thenApply(unbound -> Done.getInstance())));
        shutdown.addTask(CoordinatedShutdown.PhaseServiceRequestsDone(), "say-bye-to-sessions",
                () -> AskPattern.ask(system,
                        replyTo -> new RegistryActor.Shutdown(settings.shutdownTimeout(), replyTo),
                        settings.shutdownTimeout().plusSeconds(1), system.scheduler()));
    }

    public int port() {
        return address().getPort();
    }

    /** The IRC listener's port; fails when chat.irc.enabled is off. */
    public int ircPort() {
        return boundPort(Listener.IRC, "chat.irc.enabled");
    }

    /** The TLS listener's port; fails when chat.tls.enabled is off. */
    public int tlsPort() {
        return boundPort(Listener.TLS, "chat.tls.enabled");
    }

    /** The port of IRC over TLS; fails when chat.tls.enabled or chat.irc.enabled is off. */
    public int ircTlsPort() {
        return boundPort(Listener.IRC_TLS, "chat.tls.enabled, chat.irc.enabled");
    }

    private int boundPort(Listener listener, String switchedOffBy) {
        Tcp.ServerBinding binding = bindings.get(listener);
        if (binding == null) {
            throw new IllegalStateException("the " + listener + " listener is off (" + switchedOffBy + ")");
        }
        return binding.localAddress().getPort();
    }

    public InetSocketAddress address() {
        return bindings.get(Listener.JSON).localAddress();
    }

    /** What the registry holds now: sessions, nicks and rooms. */
    public RegistryActor.Stats stats() {
        return AskPattern.<RegistryActor.Command, RegistryActor.Stats>ask(system, RegistryActor.GetStats::new,
                        Duration.ofSeconds(5), system.scheduler())
                .toCompletableFuture().join();
    }

    /** Runs the coordinated shutdown and waits for it: every session gets {@code bye} first. */
    @Override
    public void close() {
        CoordinatedShutdown.get(system).runAll(CoordinatedShutdown.unknownReason()).toCompletableFuture().join();
        system.getWhenTerminated().toCompletableFuture().join();
    }

    /**
     * Starts the coordinated shutdown without waiting: for signal handlers, which must return.
     * With {@code pekko.coordinated-shutdown.exit-jvm} on, the JVM exits 0 when it is done.
     */
    void shutdownAndExit() {
        CoordinatedShutdown.get(system).runAll(CoordinatedShutdown.jvmExitReason());
    }

    /** Completes when the actor system has terminated, whoever stopped it. */
    public CompletionStage<Done> whenTerminated() {
        return system.getWhenTerminated();
    }

    private static void closeQuietly(AutoCloseable housekeeping) {
        try {
            housekeeping.close();
        } catch (Exception e) {
            LOG.warn("the store's housekeeping did not stop cleanly: {}", e.toString());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
