package chat.bench.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The servers under comparison, and how each is started: ours on each store it can use, ours as a
 * cluster of three nodes on this machine sharing one PostgreSQL, and the lab's baseline, which
 * keeps nothing and cannot form a cluster.
 */
enum ServerKind {
    OURS("ours", "ours (H2)", StoreKind.H2, 1),
    OURS_POSTGRES("ours-postgres", "ours (PostgreSQL)", StoreKind.POSTGRES, 1),
    /** Scenario 7 only: an H2 file belongs to one process, so a cluster's nodes share a PostgreSQL. */
    OURS_THREE_NODES("ours-3-nodes", "ours, three nodes (PostgreSQL)", StoreKind.POSTGRES, 3),
    BASELINE("baseline", "baseline (no store)", null, 1);

    /**
     * What our server needs lifted for a benchmark: its per-connection rate limit and its session
     * caps are protections against abuse, and the load generator is one address opening thousands
     * of connections that each send in bursts. Everything else stays at its shipped default.
     */
    static final List<String> OUR_LIMIT_OVERRIDES = List.of(
            "-Dchat.limits.max-sessions=100000",
            "-Dchat.limits.max-per-address=100000",
            "-Dchat.limits.rate=1000",
            "-Dchat.limits.burst=2000");

    /** In file names and progress lines. */
    final String label;
    /** Above its column in a table. */
    final String heading;
    /** Where it keeps rooms; null for the baseline. */
    final StoreKind store;
    /** Server processes, each a node of one cluster when more than one. */
    final int nodes;

    ServerKind(String label, String heading, StoreKind store, int nodes) {
        this.label = label;
        this.heading = heading;
        this.store = store;
        this.nodes = nodes;
    }

    /** Our server as one process on {@code store}. */
    static ServerKind ours(StoreKind store) {
        for (ServerKind kind : values()) {
            if (kind.store == store && kind.nodes == 1) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no server stores in " + store);
    }

    boolean isOurs() {
        return store != null;
    }

    /** The command line of this server listening on {@code port}; {@code defaultRoom} may be empty. */
    List<String> command(Path root, String classPath, List<String> jvmOptions, int port, String defaultRoom) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        if (isOurs()) {
            command.addAll(OUR_LIMIT_OVERRIDES);
            command.add("-Dchat.default-room=" + defaultRoom);
            command.addAll(List.of("-cp", classPath, "chat.server.Main",
                    "--config", root.resolve("conf/application.conf").toString(),
                    "--host", "127.0.0.1", "--port", Integer.toString(port), "--irc-port", "0",
                    "--tls-port", "0", "--irc-tls-port", "0"));
        } else {
            command.addAll(List.of("-cp", classPath, "chat.bench.baseline.BaselineServer",
                    "--host", "127.0.0.1", "--port", Integer.toString(port), "--default-room", defaultRoom));
        }
        return command;
    }
}
