package chat.bench.run;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs one server under one load: starts the server JVM (or a cluster's node JVMs), then one or
 * more load-generator JVMs against it, collects their reports and stops the server. Our server gets a fresh store of its
 * own for every run (under {@code stores/} in the results folder, deleted after the run), never
 * the repository's {@code data/}. Logs and raw reports stay in the results folder.
 */
final class Harness implements AutoCloseable {

    /** Both servers get the same heap, so neither wins by memory it was given. */
    static final List<String> SERVER_JVM_OPTIONS = List.of("-Xms1g", "-Xmx2g");
    static final List<String> LOAD_JVM_OPTIONS = List.of("-Xms512m", "-Xmx1g");
    private static final long LOAD_TIMEOUT_MINUTES = 10;

    private final Path root;
    private final String classPath;
    private final Path results;
    private final List<String> extraServerOptions;
    private final boolean profile;
    private final Stores stores;

    /** {@code profile}: record our server with JFR while clients connect and while they send. */
    Harness(Path root, String classPath, Path results, List<String> extraServerOptions, boolean profile) throws IOException {
        this.root = root;
        this.classPath = classPath;
        this.results = Files.createDirectories(results);
        this.extraServerOptions = extraServerOptions;
        this.profile = profile;
        this.stores = new Stores(this.results.resolve("stores"));
    }

    /**
     * One server, one load: each element of {@code loads} is the argument list of one load
     * generator process (they run at the same time). A server of several nodes is started as one
     * cluster on one store, and every load generator spreads its clients over the nodes.
     */
    Run run(String scenario, ServerKind kind, String defaultRoom, List<List<String>> loads)
            throws IOException, InterruptedException {
        String name = scenario + "-" + kind.label;
        List<String> jvm = new ArrayList<>(SERVER_JVM_OPTIONS);
        System.out.printf("  %s: %s, %d load generator(s)%n", name, kind.label, loads.size());
        try (RunStore store = kind.isOurs() ? stores.fresh(kind.store, name) : null) {
            if (store != null) {
                jvm.addAll(store.serverOptions());
                jvm.addAll(extraServerOptions);
            }
            ClusterSettings cluster = kind.nodes > 1 ? ClusterSettings.of(kind.nodes, results, name) : null;
            List<Node> nodes = new ArrayList<>();
            for (int node = 0; node < kind.nodes; node++) {
                List<String> options = new ArrayList<>(jvm);
                if (cluster != null) {
                    options.addAll(cluster.nodeOptions(node));
                }
                int port = freePort();
                String log = cluster == null ? name + "-server.log" : name + "-node" + node + "-server.log";
                nodes.add(new Node(kind.command(root, classPath, options, port, defaultRoom), port, results.resolve(log)));
            }
            return run(name, kind, nodes, cluster == null ? List.of() : cluster.remoteCounts(), loads, store);
        }
    }

    /** One server process to start: its command line, its chat port and its log. */
    private record Node(List<String> command, int port, Path log) {}

    private Run run(String name, ServerKind kind, List<Node> nodes, List<Path> remoteCounts, List<List<String>> loads,
                    RunStore store) throws IOException, InterruptedException {
        List<ServerProcess> servers = new ArrayList<>();
        try {
            for (Path counts : remoteCounts) {
                Files.deleteIfExists(counts);
            }
            // One after the other, as an operator starts a cluster: the first seed node forms it alone,
            // and on a busy machine three JVMs starting at once can each take past the start timeout.
            for (int node = 0; node < nodes.size(); node++) {
                ServerProcess server = ServerProcess.start(nodes.get(node).command(), nodes.get(node).port(), nodes.get(node).log());
                servers.add(server);
                System.out.printf(Locale.ROOT, "  %s%s: listening %.1f s after start, let a first client into a room after %.1f s%n",
                        name, nodes.size() > 1 ? " node " + node : "", server.listeningSeconds(), server.readySeconds());
            }
            return load(name, kind, nodes, servers, remoteCounts, loads, store);
        } finally {
            for (ServerProcess server : servers) {
                server.close();
            }
        }
    }

    private Run load(String name, ServerKind kind, List<Node> nodes, List<ServerProcess> servers, List<Path> remoteCounts,
                     List<List<String>> loads, RunStore store) throws IOException, InterruptedException {
        Path barrier = results.resolve(name + "-barrier");
        if (Files.isDirectory(barrier)) {
            try (var markers = Files.list(barrier)) {
                for (Path marker : markers.toList()) {
                    Files.delete(marker);
                }
            }
        }
        List<String> target = new ArrayList<>(List.of(
                "--port", nodes.stream().map(node -> Integer.toString(node.port())).collect(Collectors.joining(",")),
                "--server-pid", servers.stream().map(server -> Long.toString(server.pid())).collect(Collectors.joining(","))));
        if (!remoteCounts.isEmpty()) {
            target.addAll(List.of("--remote-counts", remoteCounts.stream().map(Path::toString).collect(Collectors.joining(","))));
        }
        List<Process> generators = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (int index = 0; index < loads.size(); index++) {
            Path out = results.resolve(name + "-load" + index + ".properties");
            Files.deleteIfExists(out);
            outputs.add(out);
            List<String> load = new ArrayList<>(target);
            load.addAll(loads.get(index));
            if (loads.size() > 1) {
                // Several generators hold their connections open at the same time, not one after another.
                load.addAll(List.of("--barrier", barrier.toString(), "--parties", Integer.toString(loads.size())));
            }
            if (profile && kind.isOurs() && index == 0) {
                load.addAll(List.of("--jfr-prefix", results.resolve(name).toString()));
            }
            generators.add(startLoad(load, out, results.resolve(name + "-load" + index + ".log")));
        }
        List<LoadReport> reports = new ArrayList<>();
        for (int index = 0; index < generators.size(); index++) {
            Process generator = generators.get(index);
            if (!generator.waitFor(LOAD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                generator.destroyForcibly();
            }
            if (!Files.exists(outputs.get(index))) {
                throw new IOException("load generator failed; see " + results.resolve(name + "-load" + index + ".log"));
            }
            reports.add(LoadReport.read(outputs.get(index)));
        }
        boolean survived = servers.stream().allMatch(ServerProcess::alive);
        double storeBytes = store == null ? Double.NaN : store.bytes();
        double startSeconds = servers.stream().mapToDouble(ServerProcess::readySeconds).max().orElse(Double.NaN);
        return new Run(kind, reports, survived, servers.get(0).logTail(200), storeBytes, startSeconds);
    }

    /** The same load against each server, in the given order. */
    Runs each(String scenario, List<ServerKind> order, String defaultRoom, List<List<String>> loads)
            throws IOException, InterruptedException {
        Runs runs = new Runs();
        for (ServerKind kind : order) {
            runs.add(run(scenario, kind, defaultRoom, loads));
        }
        return runs;
    }

    /** The version of the PostgreSQL server our server's stores are in, starting it if need be. */
    String postgresVersion() throws IOException {
        return stores.postgresVersion();
    }

    @Override
    public void close() {
        stores.close();
    }

    private Process startLoad(List<String> args, Path out, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LOAD_JVM_OPTIONS);
        command.addAll(List.of("-cp", classPath, "chat.bench.load.LoadGenerator", "--out", out.toString()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * What one server did under one load; {@code storeBytes} is what its store took on disk at the
     * end (NaN: none), {@code startSeconds} how long the server (its slowest node) took to let a
     * first client into a room, {@code serverLog} the end of its (first node's) log.
     */
    record Run(ServerKind kind, List<LoadReport> reports, boolean serverSurvived, List<String> serverLog, double storeBytes,
               double startSeconds) {
        LoadReport report() {
            return reports.get(0);
        }
    }
}
