package chat.bench.load;

import chat.bench.remote.RemoteCountsFile;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The load generator process: connects the plan's clients, drives the rate steps open-loop and
 * reports what it measured ({@link Report}, to stdout and {@code --out}).
 */
public final class LoadGenerator {

    /** Senders start a little after the step is published, so every reactor has picked it up. */
    private static final long STEP_LEAD_NANOS = 50_000_000L;
    private static final long POLL_MILLIS = 20;
    /** How long a connect phase may go without a single client settling before it is given up. */
    private static final double STALL_GRACE_SECONDS = 5;
    private static final double PONG_WAIT_SECONDS = 10;
    /** A step is sustained only if at most this share of the expected deliveries is missing. */
    private static final double MISSING_TOLERANCE = 0.001;
    private static final double MICROS_PER_MILLI = 1000.0;
    /**
     * Before reading the nodes' counts of remote messages, this many of their write periods pass,
     * so that the files show the quiet moment before or after a step and not one half written.
     */
    private static final int REMOTE_COUNTS_SETTLE_PERIODS = 3;
    /** Enough classes of the server's heap histogram to see what an idle connection is made of. */
    private static final int HISTOGRAM_CLASSES = 150;

    private final LoadPlan plan;
    private final Outcomes outcomes;
    private final Report report = new Report();
    private final List<Reactor> reactors = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private int clientsMade;
    private boolean recording;

    private LoadGenerator(LoadPlan plan) {
        this.plan = plan;
        this.outcomes = new Outcomes(plan.rooms());
    }

    public static void main(String[] args) throws Exception {
        LoadPlan plan = LoadPlan.parse(args);
        Report report = new LoadGenerator(plan).run();
        System.out.print(report.text());
        if (plan.out() != null) {
            report.writeTo(plan.out());
        }
    }

    private Report run() throws IOException, InterruptedException {
        for (int index = 0; index < plan.threads(); index++) {
            Reactor reactor = new Reactor(index, plan.threads(), plan, outcomes);
            Thread thread = new Thread(reactor, "reactor-" + index);
            reactors.add(reactor);
            threads.add(thread);
            thread.start();
        }
        ServerWatch server = plan.serverPid() > 0 ? new ServerWatch(plan.serverPids()) : null;
        try {
            long heapBefore = plan.heapProbe() ? HeapProbe.liveHeapBytes(plan.serverPid()) : 0;
            record("connect", true);
            long rssBefore = server != null ? server.now().rssBytes() : 0;
            if (plan.idle() > 0) {
                long idleReady = connectPhase("idle", clients(plan.idle(), false, false));
                if (plan.heapProbe()) {
                    long heapAfter = HeapProbe.liveHeapBytes(plan.serverPid());
                    if (plan.out() != null) {
                        Files.writeString(Path.of(plan.out() + ".heap-histogram.txt"),
                                HeapProbe.classHistogram(plan.serverPid(), HISTOGRAM_CLASSES));
                    }
                    long rssAfter = server.now().rssBytes();
                    report.put("heap.before-bytes", heapBefore);
                    report.put("heap.after-bytes", heapAfter);
                    report.put("heap.per-idle-connection-bytes", (heapAfter - heapBefore) / (double) Math.max(1, idleReady));
                    report.put("rss.per-idle-connection-bytes", (rssAfter - rssBefore) / (double) Math.max(1, idleReady));
                }
            }
            List<Client> active = clients(plan.clients(), true, false);
            active.addAll(clients(plan.slowReaders(), true, true));
            if (!active.isEmpty()) {
                connectPhase("connect", active);
            }
            record("connect", false);
            if (plan.holdSeconds() > 0) {
                hold();
            }
            record("load", !plan.rates().isEmpty());
            for (int index = 0; index < plan.rates().size(); index++) {
                if (!step(index, plan.rates().get(index), server)) {
                    break;
                }
            }
            record("load", false);
            if (server != null) {
                ProcessStats last = server.now();
                report.put("server.cpu-seconds", last.cpuSeconds());
                report.put("server.rss-peak-bytes", server.peakRssBytes());
                report.put("server.threads-peak", server.peakThreads());
            }
            report.put("deliveries", outcomes.deliveries.sum());
            report.put("echoes", outcomes.echoes.sum());
            report.put("seq-gaps", outcomes.seqGaps.sum());
            report.putAll("errors", outcomes.errors.snapshot());
            report.putAll("disconnects", outcomes.disconnects.snapshot());
            report.putAll("slow-reader", outcomes.slowReaderFate.snapshot());
            report.putAll("unreadable", outcomes.unreadable.snapshot());
            return report;
        } finally {
            for (Reactor reactor : reactors) {
                reactor.stop();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            if (server != null) {
                server.close();
            }
        }
    }

    /** Starts or stops the server's JFR recording of a phase, when asked to record. */
    private void record(String phase, boolean start) throws IOException, InterruptedException {
        if (plan.jfrPrefix().isEmpty() || plan.serverPid() <= 0) {
            return;
        }
        if (start) {
            HeapProbe.startRecording(plan.serverPid());
            recording = true;
        } else if (recording) {
            HeapProbe.stopRecording(plan.serverPid(), plan.jfrPrefix() + "-" + phase + ".jfr");
            recording = false;
        }
    }

    private List<Client> clients(int count, boolean active, boolean slow) throws IOException {
        List<Client> made = new ArrayList<>();
        int sources = plan.sourceAddressCount();
        for (int index = 0; index < count; index++) {
            int number = clientsMade++;
            InetAddress source = sources > 1 || plan.firstSourceAddress() != 1
                    ? InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (plan.firstSourceAddress() + number % sources)})
                    : null;
            String nick = plan.nickPrefix() + number;
            InetSocketAddress server = new InetSocketAddress(plan.host(), plan.portOf(number));
            if (!active) {
                made.add(new Client(nick, null, -1, false, source, server));
            } else {
                // Slow readers all sit in the first room, the one the scenario watches.
                int roomIndex = slow ? 0 : index % plan.rooms();
                made.add(new Client(nick, plan.roomOf(roomIndex), roomIndex, slow, source, server));
            }
        }
        return made;
    }

    /** Connects the clients, {@code --connect-concurrency} at a time; returns how many got ready. */
    private long connectPhase(String name, List<Client> batch) throws InterruptedException {
        long readyBefore = outcomes.ready.sum();
        long settledBefore = outcomes.settled.sum();
        Map<String, Long> failuresBefore = outcomes.connectFailures.snapshot();
        outcomes.connectMicros.getIntervalHistogram();
        long startedAt = Clock.now();
        for (int index = 0; index < reactors.size(); index++) {
            List<Client> share = new ArrayList<>();
            for (int client = index; client < batch.size(); client += reactors.size()) {
                share.add(batch.get(client));
            }
            reactors.get(index).connect(share);
        }
        long stallLimit = (long) ((plan.connectTimeoutSeconds() + STALL_GRACE_SECONDS) * Step.NANOS_PER_SECOND);
        long lastSettled = -1;
        long lastProgressAt = startedAt;
        while (outcomes.settled.sum() - settledBefore < batch.size()) {
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            long settled = outcomes.settled.sum();
            if (settled != lastSettled) {
                lastSettled = settled;
                lastProgressAt = Clock.now();
            } else if (Clock.now() - lastProgressAt > stallLimit) {
                report.put(name + ".stalled", "true");
                break;
            }
        }
        long ready = outcomes.ready.sum() - readyBefore;
        double seconds = Math.max(1, outcomes.lastReadyAt.get() - startedAt) / (double) Step.NANOS_PER_SECOND;
        Histogram connectTimes = outcomes.connectMicros.getIntervalHistogram();
        report.put(name + ".attempted", batch.size());
        report.put(name + ".ready", ready);
        report.put(name + ".failed", outcomes.settled.sum() - settledBefore - ready);
        report.put(name + ".seconds", seconds);
        report.put(name + ".per-second", ready / seconds);
        report.put(name + ".ms.p50", connectTimes.getValueAtPercentile(50) / MICROS_PER_MILLI);
        report.put(name + ".ms.p99", connectTimes.getValueAtPercentile(99) / MICROS_PER_MILLI);
        report.put(name + ".ms.max", connectTimes.getMaxValue() / MICROS_PER_MILLI);
        outcomes.connectFailures.snapshot().forEach((why, count) -> {
            long added = count - failuresBefore.getOrDefault(why, 0L);
            if (added > 0) {
                report.put(name + ".failure." + why.replace('=', ':'), added);
            }
        });
        return ready;
    }

    /** Keeps every connection open, then checks that the server still answers each of them. */
    private void hold() throws IOException, InterruptedException {
        Barrier together = plan.barrier().isEmpty() ? null : new Barrier(Path.of(plan.barrier()), plan.nickPrefix(), plan.parties());
        if (together != null && !together.await("connected")) {
            report.put("hold.barrier", "timed out waiting for the other load generators");
        }
        TimeUnit.MILLISECONDS.sleep((long) (plan.holdSeconds() * 1000));
        long ready = outcomes.ready.sum() - outcomes.disconnects.total();
        long pongsBefore = outcomes.pongs.sum();
        long askedAt = Clock.now();
        for (Reactor reactor : reactors) {
            reactor.pingAll();
        }
        long deadline = askedAt + (long) (PONG_WAIT_SECONDS * Step.NANOS_PER_SECOND);
        while (outcomes.pongs.sum() - pongsBefore < ready && Clock.now() < deadline) {
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        }
        report.put("hold.open", ready);
        report.put("hold.pongs", outcomes.pongs.sum() - pongsBefore);
        report.put("hold.pong-seconds", (Clock.now() - askedAt) / (double) Step.NANOS_PER_SECOND);
        if (together != null) {
            together.await("pinged");
        }
    }

    /** Runs one rate step; false when the server did not sustain it. */
    private boolean step(int index, double messagesPerSecond, ServerWatch server) throws IOException, InterruptedException {
        Map<String, Long> remoteBefore = plan.remoteCounts().isEmpty() ? null : remoteCounts();
        long remoteCountedFrom = Clock.now();
        long errorsBefore = outcomes.errors.total();
        long disconnectsBefore = outcomes.disconnects.total();
        long gapsBefore = outcomes.seqGaps.sum();
        Step step = new Step(messagesPerSecond, Clock.now() + STEP_LEAD_NANOS, plan.warmupSeconds(),
                plan.measureSeconds(), outcomes.measuredMembers());
        long senders = outcomes.readySenders.sum();
        for (Reactor reactor : reactors) {
            reactor.begin(step, senders);
        }
        sleepUntil(step.windowStart);
        List<ProcessStats> serverAtStart = server != null ? server.each() : List.of();
        ProcessStats selfAtStart = ProcessStats.of(ProcessHandle.current().pid());
        sleepUntil(step.windowEnd);
        List<ProcessStats> serverAtEnd = server != null ? server.each() : List.of();
        ProcessStats selfAtEnd = ProcessStats.of(ProcessHandle.current().pid());
        long drainEnd = step.windowEnd + (long) (plan.drainSeconds() * Step.NANOS_PER_SECOND);
        while (Clock.now() < drainEnd && step.delivered.sum() < step.expected.sum()) {
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        }
        Histogram latency = step.latencyMicros.getIntervalHistogram();
        long expected = step.expected.sum();
        long delivered = step.delivered.sum();
        long missing = Math.max(0, expected - delivered);
        long disconnects = outcomes.disconnects.total() - disconnectsBefore;
        double p99 = latency.getValueAtPercentile(99) / MICROS_PER_MILLI;
        boolean sustained = delivered > 0 && p99 <= plan.sustainP99Millis()
                && missing <= expected * MISSING_TOLERANCE && disconnects == 0;
        String key = "step." + index + ".";
        report.put(key + "messages-per-second", messagesPerSecond);
        report.put(key + "sent", step.sent.sum());
        report.put(key + "said", step.said.sum());
        report.put(key + "offered-deliveries-per-second", expected / plan.measureSeconds());
        report.put(key + "deliveries-per-second", delivered / plan.measureSeconds());
        report.put(key + "missing", missing);
        report.put(key + "ms.p50", latency.getValueAtPercentile(50) / MICROS_PER_MILLI);
        report.put(key + "ms.p99", p99);
        report.put(key + "ms.p999", latency.getValueAtPercentile(99.9) / MICROS_PER_MILLI);
        report.put(key + "ms.max", latency.getMaxValue() / MICROS_PER_MILLI);
        report.put(key + "slow-reader-deliveries", step.slowDelivered.sum());
        echoes(step, key);
        report.put(key + "errors", outcomes.errors.total() - errorsBefore);
        report.put(key + "disconnects", disconnects);
        report.put(key + "seq-gaps", outcomes.seqGaps.sum() - gapsBefore);
        report.put(key + "loadgen-cpu-percent", 100 * (selfAtEnd.cpuSeconds() - selfAtStart.cpuSeconds()) / plan.measureSeconds());
        if (server != null) {
            report.put(key + "server-cpu-percent", cpuPercent(ProcessStats.sum(serverAtStart), ProcessStats.sum(serverAtEnd)));
            report.put(key + "server-rss-bytes", ProcessStats.sum(serverAtEnd).rssBytes());
            if (serverAtEnd.size() > 1) {
                for (int node = 0; node < serverAtEnd.size(); node++) {
                    report.put(key + "server-cpu-percent.node-" + node, cpuPercent(serverAtStart.get(node), serverAtEnd.get(node)));
                }
            }
        }
        if (remoteBefore != null) {
            remoteSent(key, remoteBefore, remoteCounts());
            report.put(key + "remote-seconds", (Clock.now() - remoteCountedFrom) / (double) Step.NANOS_PER_SECOND);
        }
        report.put(key + "sustained", Boolean.toString(sustained));
        return sustained;
    }

    private double cpuPercent(ProcessStats start, ProcessStats end) {
        return 100 * (end.cpuSeconds() - start.cpuSeconds()) / plan.measureSeconds();
    }

    /** What the nodes count of the messages they sent each other, at a quiet moment. */
    private Map<String, Long> remoteCounts() throws IOException, InterruptedException {
        TimeUnit.MILLISECONDS.sleep(REMOTE_COUNTS_SETTLE_PERIODS * RemoteCountsFile.WRITE_PERIOD_MILLIS);
        return RemoteCountsFile.readAll(plan.remoteCounts());
    }

    /**
     * The messages the nodes sent each other during the whole step (warm-up and drain included, as
     * {@code said} counts every line of it), by class, and all of them together; {@code remote-seconds}
     * is how long that was, for the messages that come by the second rather than by the line.
     */
    private void remoteSent(String key, Map<String, Long> before, Map<String, Long> after) {
        long total = 0;
        for (Map.Entry<String, Long> entry : after.entrySet()) {
            long sent = entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
            if (sent > 0) {
                report.put(key + "remote." + entry.getKey(), sent);
                total += sent;
            }
        }
        report.put(key + "remote-total", total);
    }

    /**
     * The senders' own lines back: our server echoes a line only once it is stored, so these are
     * the lines stored per second, in all and per room (of the rooms that had lines sent).
     */
    private void echoes(Step step, String key) {
        Histogram latency = step.echoMicros.getIntervalHistogram();
        report.put(key + "echoes-per-second", step.echoed.sum() / plan.measureSeconds());
        report.put(key + "echoes-missing", Math.max(0, step.sent.sum() - step.echoed.sum()));
        report.put(key + "echo.ms.p50", latency.getValueAtPercentile(50) / MICROS_PER_MILLI);
        report.put(key + "echo.ms.p99", latency.getValueAtPercentile(99) / MICROS_PER_MILLI);
        report.put(key + "echo.ms.p999", latency.getValueAtPercentile(99.9) / MICROS_PER_MILLI);
        report.put(key + "echo.ms.max", latency.getMaxValue() / MICROS_PER_MILLI);
        LongSummaryStatistics perRoom = new LongSummaryStatistics();
        for (int room = 0; room < step.echoedInRoom.length(); room++) {
            if (step.sentInRoom.get(room) > 0) {
                perRoom.accept(step.echoedInRoom.get(room));
            }
        }
        if (perRoom.getCount() > 0) {
            report.put(key + "echoes-per-second-per-room.min", perRoom.getMin() / plan.measureSeconds());
            report.put(key + "echoes-per-second-per-room.mean", perRoom.getAverage() / plan.measureSeconds());
            report.put(key + "echoes-per-second-per-room.max", perRoom.getMax() / plan.measureSeconds());
        }
    }

    private static void sleepUntil(long time) throws InterruptedException {
        long wait = time - Clock.now();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
