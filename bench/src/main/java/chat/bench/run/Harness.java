package chat.bench.run;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs one server under one load: starts the server JVM, then one or more load-generator JVMs
 * against it, collects their reports and stops the server. Our server gets a fresh store of its
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
     * generator process (they run at the same time).
     */
    Run run(String scenario, ServerKind kind, String defaultRoom, List<List<String>> loads)
            throws IOException, InterruptedException {
        int port = freePort();
        String name = scenario + "-" + kind.label;
        List<String> jvm = new ArrayList<>(SERVER_JVM_OPTIONS);
        System.out.printf("  %s: %s, %d load generator(s)%n", name, kind.label, loads.size());
        try (RunStore store = kind.isOurs() ? stores.fresh(kind.store, name) : null) {
            if (store != null) {
                jvm.addAll(store.serverOptions());
                jvm.addAll(extraServerOptions);
            }
            List<String> command = kind.command(root, classPath, jvm, port, defaultRoom);
            return run(name, kind, command, port, loads, store);
        }
    }

    private Run run(String name, ServerKind kind, List<String> command, int port, List<List<String>> loads, RunStore store)
            throws IOException, InterruptedException {
        try (ServerProcess server = ServerProcess.start(command, port, results.resolve(name + "-server.log"))) {
            System.out.printf(Locale.ROOT, "  %s: listening %.1f s after start, let a first client into a room after %.1f s%n",
                    name, server.listeningSeconds(), server.readySeconds());
            Path barrier = results.resolve(name + "-barrier");
            if (Files.isDirectory(barrier)) {
                try (var markers = Files.list(barrier)) {
                    for (Path marker : markers.toList()) {
                        Files.delete(marker);
                    }
                }
            }
            List<Process> generators = new ArrayList<>();
            List<Path> outputs = new ArrayList<>();
            for (int index = 0; index < loads.size(); index++) {
                Path out = results.resolve(name + "-load" + index + ".properties");
                Files.deleteIfExists(out);
                outputs.add(out);
                List<String> load = new ArrayList<>(loads.get(index));
                if (loads.size() > 1) {
                    // Several generators hold their connections open at the same time, not one after another.
                    load.addAll(List.of("--barrier", barrier.toString(), "--parties", Integer.toString(loads.size())));
                }
                if (profile && kind.isOurs() && index == 0) {
                    load.addAll(List.of("--jfr-prefix", results.resolve(name).toString()));
                }
                generators.add(startLoad(load, port, server.pid(), out,
                        results.resolve(name + "-load" + index + ".log")));
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
            boolean survived = server.alive();
            double storeBytes = store == null ? Double.NaN : store.bytes();
            return new Run(kind, reports, survived, server.logTail(200), storeBytes, server.readySeconds());
        }
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

    private Process startLoad(List<String> args, int port, long serverPid, Path out, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LOAD_JVM_OPTIONS);
        command.addAll(List.of("-cp", classPath, "chat.bench.load.LoadGenerator",
                "--port", Integer.toString(port), "--server-pid", Long.toString(serverPid), "--out", out.toString()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * What one server did under one load; {@code storeBytes} is what its store took on disk at the
     * end (NaN: none), {@code startSeconds} how long the server took to let a first client into a room.
     */
    record Run(ServerKind kind, List<LoadReport> reports, boolean serverSurvived, List<String> serverLog, double storeBytes,
               double startSeconds) {
        LoadReport report() {
            return reports.get(0);
        }
    }
}
