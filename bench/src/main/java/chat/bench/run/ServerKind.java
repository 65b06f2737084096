package chat.bench.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The two servers under comparison, and how each is started. */
enum ServerKind {
    OURS("ours"),
    BASELINE("baseline");

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

    final String label;

    ServerKind(String label) {
        this.label = label;
    }

    /** The command line of this server listening on {@code port}; {@code defaultRoom} may be empty. */
    List<String> command(Path root, String classPath, List<String> jvmOptions, int port, String defaultRoom) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        if (this == OURS) {
            command.addAll(OUR_LIMIT_OVERRIDES);
            command.add("-Dchat.default-room=" + defaultRoom);
            command.addAll(List.of("-cp", classPath, "chat.server.Main",
                    "--config", root.resolve("conf/application.conf").toString(),
                    "--host", "127.0.0.1", "--port", Integer.toString(port)));
        } else {
            command.addAll(List.of("-cp", classPath, "chat.bench.baseline.BaselineServer",
                    "--host", "127.0.0.1", "--port", Integer.toString(port), "--default-room", defaultRoom));
        }
        return command;
    }
}
