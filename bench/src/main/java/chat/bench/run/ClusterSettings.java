package chat.bench.run;

import chat.bench.remote.RemoteCountsFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What makes several server processes on this machine one Pekko Cluster, as docs/cluster.md has an
 * operator set it up: each node its own Artery port, every node the same list of seed nodes (the
 * first forms the cluster). Each node also counts the messages it sends the others, by class, in a
 * file of the run's (chat.bench.remote), which the load generators read between steps.
 */
final class ClusterSettings {

    /** Our server's actor system, as the seed nodes' addresses must name it. */
    private static final String ACTOR_SYSTEM = "chat";
    private static final String HOST = "127.0.0.1";

    private final int[] arteryPorts;
    private final List<Path> remoteCounts = new ArrayList<>();

    private ClusterSettings(int[] arteryPorts, List<Path> remoteCounts) {
        this.arteryPorts = arteryPorts;
        this.remoteCounts.addAll(remoteCounts);
    }

    /** Settings for {@code nodes} nodes of the run named {@code run}, their counts in {@code results}. */
    static ClusterSettings of(int nodes, Path results, String run) throws IOException {
        int[] ports = new int[nodes];
        List<Path> counts = new ArrayList<>();
        for (int node = 0; node < nodes; node++) {
            ports[node] = Harness.freePort();
            counts.add(results.resolve(run + "-node" + node + "-remote-sent.properties"));
        }
        return new ClusterSettings(ports, counts);
    }

    /** The JVM options of node {@code node}. */
    List<String> nodeOptions(int node) {
        List<String> options = new ArrayList<>();
        options.add("-Dpekko.remote.artery.canonical.hostname=" + HOST);
        options.add("-Dpekko.remote.artery.canonical.port=" + arteryPorts[node]);
        for (int seed = 0; seed < arteryPorts.length; seed++) {
            options.add("-Dpekko.cluster.seed-nodes." + seed + "=pekko://" + ACTOR_SYSTEM + "@" + HOST + ":" + arteryPorts[seed]);
        }
        options.add(RemoteCountsFile.instrumentOption());
        options.add(RemoteCountsFile.serverOption(remoteCounts.get(node)));
        return options;
    }

    /** Where each node counts what it sends the others. */
    List<Path> remoteCounts() {
        return List.copyOf(remoteCounts);
    }
}
