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
        int port,
        long serverPid,
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
        Path out) {

    private static final int CONNECTIONS_PER_SOURCE_ADDRESS = 25_000;

    public static String usage() {
        return """
                LoadGenerator --port P [--host 127.0.0.1] [--server-pid PID] --clients N [--rooms R]
                  [--default-room lobby|""] [--idle N] [--slow-readers N] [--slow-read-bytes-per-second B]
                  [--rates MSGS_PER_S,...] [--warmup S] [--measure S] [--drain S] [--text-bytes B] [--threads T]
                  [--source-addresses K] [--first-source-address X] [--connect-concurrency C]
                  [--connect-timeout S] [--heap-probe true] [--hold S] [--barrier DIR --parties K]
                  [--sustain-p99-ms MS] [--nick-prefix P]
                  [--jfr-prefix PATH] [--out FILE]
                Active clients are in rooms bench-0..R-1, or in the default room when R is 1 and one is given.
                --rates are messages per second into all rooms together, one measured step each; the steps stop
                after the first one the server does not sustain (p99 above --sustain-p99-ms, deliveries missing,
                or clients disconnected). --source-addresses 0 picks one 127.0.0.x per 25,000 connections.
                --hold keeps every connection open that long after connecting, then pings each one; with
                --barrier, K generators sharing a run start the hold together and leave after all pinged.
                --jfr-prefix records the server with JFR: PATH-connect.jfr while connecting, PATH-load.jfr
                during the steps.
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
                o.integer("port", -1),
                o.longInteger("server-pid", 0),
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
                options.containsKey("out") ? Path.of(o.text("out", "")) : null);
        o.rejectUnknown();
        if (plan.port <= 0) {
            throw new IllegalArgumentException("--port is required\n" + usage());
        }
        return plan;
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
            String list = text(name, "");
            List<Double> result = new ArrayList<>();
            for (String item : list.split(",")) {
                if (!item.isBlank()) {
                    result.add(Double.parseDouble(item.trim()));
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
