package chat.server.cluster;

import chat.server.ServerProcess;
import chat.server.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Real server processes on this machine, each a node of one Pekko Cluster, all storing rooms in
 * one real PostgreSQL that the test starts itself: what docs/cluster.md has an operator run, with
 * the settings it shows.
 */
final class LocalCluster implements AutoCloseable {

    private final TestPostgres postgres;
    private final int[] clusterPorts;
    private final ServerProcess[] nodes;
    private final String[] extraSettings;

    private LocalCluster(TestPostgres postgres, int size, String... extraSettings) {
        this.postgres = postgres;
        this.clusterPorts = new int[size];
        this.nodes = new ServerProcess[size];
        this.extraSettings = extraSettings;
        for (int node = 0; node < size; node++) {
            clusterPorts[node] = freePort();
        }
    }

    /** {@code size} nodes, started one after the other; the first is the first seed node. */
    static LocalCluster start(int size, String... settings) {
        LocalCluster cluster = new LocalCluster(TestPostgres.start(), size, settings);
        try {
            for (int node = 0; node < size; node++) {
                cluster.startNode(node);
            }
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** Starts node {@code node}, or starts it again after it died: same cluster address, same seeds. */
    void startNode(int node) {
        List<String> settings = new ArrayList<>(List.of(extraSettings));
        settings.add("-Dpekko.remote.artery.canonical.port=" + clusterPorts[node]);
        for (int seed = 0; seed < clusterPorts.length; seed++) {
            settings.add("-Dpekko.cluster.seed-nodes." + seed + "=pekko://chat@127.0.0.1:" + clusterPorts[seed]);
        }
        nodes[node] = ServerProcess.startOn(postgres.store(), settings.toArray(String[]::new));
    }

    /** The chat port of node {@code node}, where clients connect. */
    int port(int node) {
        return nodes[node].port();
    }

    /** Kills node {@code node} with SIGKILL: nothing of it runs after this returns. */
    void kill(int node) throws InterruptedException {
        nodes[node].kill();
    }

    String log(int node) {
        return nodes[node].log();
    }

    @Override
    public void close() {
        for (ServerProcess node : nodes) {
            if (node != null) {
                node.close();
            }
        }
        postgres.close();
    }

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
