package chat.bench.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one load-generator process does, from its command line ({@code --name value} pairs; see
 * {@link #usage()}). Active clients sit in rooms and send; idle clients only say hello; slow readers
 * join the first room, never send, and read at a trickle.
 */
public record LoadPlan(
        String host,
        List<Integer> ports,
        List<Long> serverPids,
        int clients,
        int rooms,
        String defaultRoom,
        int idle,
        int slowReaders,
        int slowReadBytesPerSecond,
        List<Double> rates,
        double warmupSeconds,
        double measureSeconds,
        double drainSeconds,
        int textBytes,
        int threads,
        int sourceAddresses,
        int firstSourceAddress,
        int connectConcurrency,
        double connectTimeoutSeconds,
        boolean heapProbe,
        double holdSeconds,
        String barrier,
        int parties,
        double sustainP99Millis,
        String nickPrefix,
        String jfrPrefix,
        List<Path> remoteCounts,
        Path out) {

    private static final int CONNECTIONS_PER_SOURCE_ADDRESS = 25_000;

    public static String usage() {
        return """
                LoadGenerator --port P[,P...] [--host 127.0.0.1] [--server-pid PID[,PID...]] --clients N [--rooms R]
                  [--default-room lobby|""] [--idle N] [--slow-readers N] [--slow-read-bytes-per-second B]
                  [--rates MSGS_PER_S,...] [--warmup S] [--measure S] [--drain S] [--text-bytes B] [--threads T]
                  [--source-addresses K] [--first-source-address X] [--connect-concurrency C]
                  [--connect-timeout S] [--heap-probe true] [--hold S] [--barrier DIR --parties K]
                  [--sustain-p99-ms MS] [--nick-prefix P]
                  [--jfr-prefix PATH] [--remote-counts FILE[,FILE...]] [--out FILE]
                Several ports are the nodes of one cluster: client i connects to port i mod their number.
                Several server PIDs are those nodes' processes: their CPU, memory and threads are added up.
                Active clients are in rooms bench-0..R-1, or in the default room when R is 1 and one is given.
                --rates are messages per second into all rooms together, one measured step each; the steps stop
                after the first one the server does not sustain (p99 above --sustain-p99-ms, deliveries missing,
                or clients disconnected). --source-addresses 0 picks one 127.0.0.x per 25,000 connections.
                --hold keeps every connection open that long after connecting, then pings each one; with
                --barrier, K generators sharing a run start the hold together and leave after all pinged.
                --jfr-prefix records the server with JFR: PATH-connect.jfr while connecting, PATH-load.jfr
                during the steps. --remote-counts are the files in which the nodes count the messages they send
                each other (chat.bench.remote); each step reports what they sent while it ran.
                """;
    }

    public static LoadPlan parse(String[] args) {
        Map<String, String> options = new TreeMap<>();
        for (int index = 0; index < args.length; index += 2) {
            if (!args[index].startsWith("--") || index + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + List.of(args) + "\n" + usage());
            }
            options.put(args[index].substring(2), args[index + 1]);
        }
        Options o = new Options(options);
        LoadPlan plan = new LoadPlan(
                o.text("host", "127.0.0.1"),
                o.integers("port"),
                o.longs("server-pid"),
                o.integer("clients", 0),
                o.integer("rooms", 1),
                o.text("default-room", "lobby"),
                o.integer("idle", 0),
                o.integer("slow-readers", 0),
                o.integer("slow-read-bytes-per-second", 1000),
                o.decimals("rates"),
                o.decimal("warmup", 3),
                o.decimal("measure", 10),
                o.decimal("drain", 3),
                o.integer("text-bytes", 64),
                o.integer("threads", 1),
                o.integer("source-addresses", 0),
                o.integer("first-source-address", 1),
                o.integer("connect-concurrency", 200),
                o.decimal("connect-timeout", 15),
                Boolean.parseBoolean(o.text("heap-probe", "false")),
                o.decimal("hold", 0),
                o.text("barrier", ""),
                o.integer("parties", 1),
                o.decimal("sustain-p99-ms", 100),
                o.text("nick-prefix", "b"),
                o.text("jfr-prefix", ""),
                o.paths("remote-counts"),
                options.containsKey("out") ? Path.of(o.text("out", "")) : null);
        o.rejectUnknown();
        if (plan.ports.isEmpty() || plan.ports.stream().anyMatch(port -> port <= 0)) {
            throw new IllegalArgumentException("--port is required\n" + usage());
        }
        return plan;
    }

    /** The chat port client {@code number} (counted over every client of this process) connects to. */
    public int portOf(int number) {
        return ports.get(number % ports.size());
    }

    /** The first server process (the only one unless the server is a cluster), or 0 for none given. */
    public long serverPid() {
        return serverPids.isEmpty() ? 0 : serverPids.get(0);
    }

    /** The room active client {@code index} (counted over all active clients) sits in. */
    public String roomOf(int index) {
        if (rooms == 1 && !defaultRoom.isEmpty()) {
            return defaultRoom;
        }
        return "bench-" + (index % rooms);
    }

    /** Source addresses to spread connections over; the loopback's ephemeral ports run out near 28,000. */
    public int sourceAddressCount() {
        if (sourceAddresses > 0) {
            return sourceAddresses;
        }
        return (idle + clients + slowReaders + CONNECTIONS_PER_SOURCE_ADDRESS - 1) / CONNECTIONS_PER_SOURCE_ADDRESS;
    }

    public boolean autoJoins(String room) {
        return room.equals(defaultRoom);
    }

    private static final class Options {
        private final Map<String, String> values;
        private final List<String> read = new ArrayList<>();

        Options(Map<String, String> values) {
            this.values = values;
        }

        String text(String name, String fallback) {
            read.add(name);
            return values.getOrDefault(name, fallback);
        }

        int integer(String name, int fallback) {
            return Integer.parseInt(text(name, Integer.toString(fallback)));
        }

        long longInteger(String name, long fallback) {
            return Long.parseLong(text(name, Long.toString(fallback)));
        }

        double decimal(String name, double fallback) {
            return Double.parseDouble(text(name, Double.toString(fallback)));
        }

        List<Double> decimals(String name) {
            return items(name).stream().map(Double::parseDouble).toList();
        }

        List<Integer> integers(String name) {
            return items(name).stream().map(Integer::parseInt).toList();
        }

        List<Long> longs(String name) {
            return items(name).stream().map(Long::parseLong).toList();
        }

        List<Path> paths(String name) {
            return items(name).stream().map(Path::of).toList();
        }

        /** The comma-separated items of option {@code name}; none when it is not given. */
        private List<String> items(String name) {
            List<String> result = new ArrayList<>();
            for (String item : text(name, "").split(",")) {
                if (!item.isBlank()) {
                    result.add(item.trim());
                }
            }
            return result;
        }

        void rejectUnknown() {
            for (String name : values.keySet()) {
                if (!read.contains(name)) {
                    throw new IllegalArgumentException("unknown option --" + name + "\n" + usage());
                }
            }
        }
    }
}
