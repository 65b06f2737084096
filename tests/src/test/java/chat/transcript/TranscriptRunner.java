package chat.transcript;

import chat.protocol.FrameCodec;
import chat.protocol.ProtocolException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plays a transcript against a {@link ChatHarness}: sends what the clients say, checks what
 * they receive. The first difference fails with the file, the line, the expected frame and what
 * actually arrived.
 */
final class TranscriptRunner {

    /** How long a client waits for an expected frame, or for the end of its connection, before the transcript fails. */
    static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(5);
    /**
     * How long {@code < nothing} watches when the line names no time. A correct server never
     * sends, so this bounds how late a stray frame is still caught.
     */
    static final Duration NOTHING_WINDOW = Duration.ofMillis(300);
    /**
     * After the last line: how long every client still connected is watched (all at once) for
     * frames, or an end of the connection, that no line lists; {@code quiet after end:} changes it.
     */
    static final Duration QUIET_AFTER_END = Duration.ofMillis(500);
    /** Between the attempts of {@code while server-full}: the places free up on their own, no need to hammer. */
    static final Duration ADMISSION_RETRY_PAUSE = Duration.ofMillis(50);
    private static final int FRAMES_SHOWN_BEFORE = 6;
    private static final int SHOWN_FRAME_CHARS = 240;

    private static final FrameCodec CODEC = new FrameCodec();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Transcript transcript;
    private final ChatHarness harness;
    private final String mode;
    private final Map<String, Client> clients = new LinkedHashMap<>();
    private Bindings bindings = Bindings.NONE;

    private static final class Client {
        final ClientConnection connection;
        final Wire wire;
        final List<String> seen = new ArrayList<>();

        Client(ClientConnection connection, Wire wire) {
            this.connection = connection;
            this.wire = wire;
        }

        /** An arrival as a failure shows it: an IRC line without its CR LF, long texts cut. */
        String shown(Arrival arrival) {
            if (wire == Wire.IRC && arrival instanceof Arrival.Line line && IrcLineRules.problem(line.bytes()).isEmpty()) {
                return shortened(IrcLineRules.text(line.bytes()));
            }
            return shortened(arrival.toString());
        }
    }

    private TranscriptRunner(Transcript transcript, ChatHarness harness, String mode) {
        this.transcript = transcript;
        this.harness = harness;
        this.mode = mode;
    }

    static void run(Transcript transcript, ChatHarness harness, String mode) throws Exception {
        new TranscriptRunner(transcript, harness, mode).run();
    }

    private void run() throws Exception {
        for (Step step : transcript.steps()) {
            execute(step);
        }
        watchAfterTheEnd();
    }

    /** Whatever arrives for a client still connected once the last line has run is something no line lists. */
    private void watchAfterTheEnd() throws InterruptedException {
        if (clients.isEmpty()) {
            return;
        }
        Duration window = transcript.quietAfterEnd().orElse(QUIET_AFTER_END);
        Thread.sleep(window.toMillis());
        StringBuilder late = new StringBuilder();
        for (Map.Entry<String, Client> entry : clients.entrySet()) {
            List<String> arrived = entry.getValue().connection.inbox().drain().stream()
                    .map(entry.getValue()::shown)
                    .toList();
            if (!arrived.isEmpty()) {
                late.append("\n  ").append(entry.getKey()).append(" received what no line lists:\n").append(indent(arrived, -1));
            }
        }
        if (!late.isEmpty()) {
            Step last = transcript.steps().get(transcript.steps().size() - 1);
            throw new TranscriptFailure(transcript.name() + ":" + last.line() + " [" + mode + "]: after the last line, within "
                    + spoken(window) + late + captures());
        }
    }

    private void execute(Step step) throws Exception {
        if (step instanceof Step.Connect connect) {
            if (clients.containsKey(connect.client())) {
                throw fail(step, connect.client() + " is already connected");
            }
            client(step, connect.client(), connect.wire());
        } else if (step instanceof Step.Send send) {
            client(step, send.client(), Wire.JSON).connection.send(rendered(step, send.template()));
        } else if (step instanceof Step.SendIrc send) {
            client(step, send.client(), Wire.IRC).connection.send((send.text() + "\r\n").getBytes(StandardCharsets.UTF_8));
        } else if (step instanceof Step.SendUntilAdmitted send) {
            sendUntilAdmitted(send);
        } else if (step instanceof Step.SendRaw raw) {
            Client open = clients.get(raw.client());
            (open != null ? open : client(step, raw.client(), Wire.JSON)).connection.send(raw.bytes());
        } else if (step instanceof Step.Expect expect) {
            expectFrame(expect);
        } else if (step instanceof Step.ExpectIrc expect) {
            expectIrcLine(expect);
        } else if (step instanceof Step.ExpectNothing nothing) {
            Client client = connected(step, nothing.client());
            Duration window = nothing.window().orElse(NOTHING_WINDOW);
            Arrival arrival = client.connection.inbox().next(window);
            if (arrival != null) {
                record(client, arrival);
                throw fail(step, nothing.client() + " should receive nothing for " + spoken(window) + ", but got "
                        + client.shown(arrival), nothing.client(), true);
            }
        } else if (step instanceof Step.ExpectClosed closed) {
            expectEnd(step, closed.client(), Arrival.Closed.class);
        } else if (step instanceof Step.ExpectReset reset) {
            expectEnd(step, reset.client(), Arrival.Reset.class);
        } else if (step instanceof Step.AnyOrder group) {
            expectInAnyOrder(group);
        } else if (step instanceof Step.StopReading stop) {
            connected(step, stop.client()).connection.stopReading();
        } else if (step instanceof Step.StopSending stop) {
            connected(step, stop.client()).connection.stopSending();
        } else if (step instanceof Step.Drop drop) {
            connected(step, drop.client()).connection.drop();
            clients.remove(drop.client());
        } else if (step instanceof Step.ShutDown) {
            harness.shutDown();
        } else if (step instanceof Step.Wait wait) {
            Thread.sleep(wait.duration().toMillis());
        }
    }

    private byte[] rendered(Step step, SendTemplate template) {
        try {
            return (template.render(bindings) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IllegalStateException e) {
            throw fail(step, e.getMessage());
        }
    }

    /** The next arrival must end the connection the given way: an orderly close, or a reset. */
    private void expectEnd(Step step, String name, Class<? extends Arrival> expected) throws InterruptedException {
        Client client = connected(step, name);
        Arrival arrival = client.connection.inbox().next(ARRIVAL_TIMEOUT);
        if (!expected.isInstance(arrival)) {
            record(client, arrival);
            String wanted = expected == Arrival.Closed.class ? "closed in order by the server (FIN)" : "reset (RST, an abort)";
            String instead;
            if (arrival == null) {
                instead = "it stayed open for " + spoken(ARRIVAL_TIMEOUT);
            } else if (arrival instanceof Arrival.Line) {
                instead = "a frame came: " + client.shown(arrival);
            } else {
                instead = arrival instanceof Arrival.Reset ? "it was reset" : "it was closed in order";
            }
            throw fail(step, name + "'s connection should be " + wanted + ", but " + instead, name, arrival != null);
        }
        clients.remove(name);
    }

    /**
     * Connects and sends; a refusal with {@code server-full} (and the close after it) is tried
     * again on a new connection until {@code bound} has passed. The first other arrival is left
     * in the inbox for the next line.
     */
    private void sendUntilAdmitted(Step.SendUntilAdmitted step) throws Exception {
        byte[] line = rendered(step, step.template());
        long deadline = System.nanoTime() + step.bound().toNanos();
        for (int refusals = 0; ; refusals++) {
            if (clients.containsKey(step.client())) {
                throw fail(step, step.client() + " is connected already; this line opens a new connection");
            }
            Client client = client(step, step.client(), Wire.JSON);
            client.connection.send(line);
            Arrival first = client.connection.inbox().next(ARRIVAL_TIMEOUT);
            if (!isServerFull(first)) {
                if (first != null) {
                    client.connection.inbox().putBack(first);
                }
                return;
            }
            record(client, first);
            Arrival end = client.connection.inbox().next(ARRIVAL_TIMEOUT);
            if (!(end instanceof Arrival.Closed)) {
                record(client, end);
                throw fail(step, "after error server-full " + step.client() + "'s connection should be closed in order, but "
                        + (end == null ? "it stayed open for " + spoken(ARRIVAL_TIMEOUT) : "got " + client.shown(end)), step.client(), end != null);
            }
            clients.remove(step.client());
            if (System.nanoTime() - deadline > 0) {
                throw fail(step, step.client() + " was refused with server-full " + (refusals + 1) + " times in "
                        + spoken(step.bound()) + ": no place came free");
            }
            Thread.sleep(ADMISSION_RETRY_PAUSE.toMillis());
        }
    }

    private static boolean isServerFull(Arrival arrival) {
        if (!(arrival instanceof Arrival.Line line)) {
            return false;
        }
        try {
            JsonNode frame = JSON.readTree(line.bytes());
            return frame.path("type").asText().equals("error") && frame.path("code").asText().equals("server-full");
        } catch (IOException e) {
            return false;
        }
    }

    /** The client's connection, opened to the listener for {@code wire} if it has none; one to the other listener fails the line. */
    private Client client(Step step, String name, Wire wire) throws Exception {
        Client client = clients.get(name);
        if (client == null) {
            client = new Client(harness.connect(wire), wire);
            clients.put(name, client);
        }
        return speaking(step, name, client, wire);
    }

    private Client speaking(Step step, String name, Client client, Wire wire) {
        if (client.wire != wire) {
            throw fail(step, name + " is connected to the " + client.wire + " listener; what it sends and receives is written with "
                    + (client.wire == Wire.IRC ? "irc> and irc<" : "> and <"));
        }
        return client;
    }

    private Client connected(Step step, String name) {
        Client client = clients.get(name);
        if (client == null) {
            throw fail(step, name + " is not connected at this point (connect by sending, or with '" + name + " connects')");
        }
        return client;
    }

    private void expectFrame(Step.Expect expect) throws Exception {
        Client client = speaking(expect, expect.client(), connected(expect, expect.client()), expect.wire());
        JsonNode frame = nextFrame(expect, client);
        Outcome outcome = FrameMatcher.match(expect.frame(), frame, bindings);
        if (outcome instanceof Outcome.Mismatch mismatch) {
            throw fail(expect, "the frame differs at " + mismatch, expect.client(), true);
        }
        bindings = ((Outcome.Matched) outcome).bindings();
    }

    private void expectIrcLine(Step.ExpectIrc expect) throws Exception {
        Client client = speaking(expect, expect.client(), connected(expect, expect.client()), expect.wire());
        String line = nextIrcLine(expect, client);
        Outcome outcome = IrcLineMatcher.match(expect.pattern(), line, bindings);
        if (outcome instanceof Outcome.Mismatch mismatch) {
            throw fail(expect, "the line differs at " + mismatch, expect.client(), true);
        }
        bindings = ((Outcome.Matched) outcome).bindings();
    }

    private void expectInAnyOrder(Step.AnyOrder group) throws Exception {
        Map<String, List<Step.Expectation>> byClient = new LinkedHashMap<>();
        for (Step.Expectation expect : group.expectations()) {
            byClient.computeIfAbsent(expect.client(), name -> new ArrayList<>()).add(expect);
        }
        for (Map.Entry<String, List<Step.Expectation>> entry : byClient.entrySet()) {
            String name = entry.getKey();
            Client client = connected(group, name);
            for (Step.Expectation expect : entry.getValue()) {
                speaking(expect, name, client, expect.wire());
            }
            if (client.wire == Wire.IRC) {
                List<IrcLinePattern> patterns = new ArrayList<>();
                List<String> lines = new ArrayList<>();
                for (Step.Expectation expect : entry.getValue()) {
                    patterns.add(((Step.ExpectIrc) expect).pattern());
                    lines.add(nextIrcLine(expect, client));
                }
                assignInAnyOrder(group, name, entry.getValue(), patterns, lines, IrcLineMatcher::match, "IRC line");
            } else {
                List<FramePattern> patterns = new ArrayList<>();
                List<JsonNode> frames = new ArrayList<>();
                for (Step.Expectation expect : entry.getValue()) {
                    patterns.add(((Step.Expect) expect).frame());
                    frames.add(nextFrame(expect, client));
                }
                assignInAnyOrder(group, name, entry.getValue(), patterns, frames, FrameMatcher::match, "frame");
            }
        }
    }

    /**
     * Pairs what one client received with the group's lines for it, in any order, or fails naming
     * what does not fit; {@code what} names one thing received: a frame, an IRC line.
     */
    private <P, C> void assignInAnyOrder(Step.AnyOrder group, String name, List<Step.Expectation> expectations, List<P> patterns,
                                         List<C> received, Assignment.Comparison<P, C> comparison, String what) {
        Bindings assigned = Assignment.find(patterns, received, bindings, comparison);
        if (assigned == null) {
            int unmatched = Assignment.firstUnmatched(patterns, received, bindings, comparison);
            List<C> strays = Assignment.unmatchedCandidates(patterns, received, bindings, comparison);
            String which = (unmatched < 0 ? "" : "\n  no " + what + " matches line " + expectations.get(unmatched).line())
                    + (strays.isEmpty() ? "" : "\n  " + what + "s no line matches:\n" + indent(strays.stream()
                            .limit(FRAMES_SHOWN_BEFORE).map(stray -> shortened(stray.toString())).toList(), -1));
            throw fail(group, "the last " + received.size() + " " + what + "s " + name
                    + " received do not match these lines in any order:\n" + indent(expectations.stream()
                            .distinct().map(expect -> expect.line() + ": " + expect.source().strip()).toList(), -1) + which,
                    name, false);
        }
        bindings = assigned;
    }

    /** The next frame, checked to be a valid protocol v1 frame, as a JSON tree. */
    private JsonNode nextFrame(Step.Expectation step, Client client) throws Exception {
        String name = step.client();
        byte[] bytes = nextLine(step, client);
        try {
            CODEC.decodeServerFrame(bytes);
        } catch (ProtocolException e) {
            throw fail(step, "the server sent a frame the protocol codec rejects: " + e.getMessage(), name, true);
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw fail(step, "the server sent something that is not JSON", name, true);
        }
        Optional<String> broken = FrameRules.problem(tree);
        if (broken.isPresent()) {
            throw fail(step, "the server sent a frame that breaks the protocol: " + broken.get(), name, true);
        }
        return tree;
    }

    /** The next IRC line, checked to keep the rules every IRC line keeps, without its CR LF. */
    private String nextIrcLine(Step.Expectation step, Client client) throws Exception {
        byte[] bytes = nextLine(step, client);
        Optional<String> broken = IrcLineRules.problem(bytes);
        if (broken.isPresent()) {
            throw fail(step, "the server sent a line that breaks IRC: " + broken.get(), step.client(), true);
        }
        return IrcLineRules.text(bytes);
    }

    /** The bytes of the next line the client receives; its connection's end, or nothing in time, fails the step. */
    private byte[] nextLine(Step.Expectation step, Client client) throws Exception {
        String name = step.client();
        Arrival arrival = client.connection.inbox().next(ARRIVAL_TIMEOUT);
        if (arrival == null) {
            throw fail(step, "nothing arrived for " + name + " within " + spoken(ARRIVAL_TIMEOUT), name, false);
        }
        record(client, arrival);
        if (arrival instanceof Arrival.Closed) {
            throw fail(step, "the server closed " + name + "'s connection instead", name, true);
        }
        if (arrival instanceof Arrival.Reset) {
            throw fail(step, name + "'s connection was reset instead", name, true);
        }
        return ((Arrival.Line) arrival).bytes();
    }

    private static void record(Client client, Arrival arrival) {
        if (arrival != null) {
            client.seen.add(client.shown(arrival));
        }
    }

    /** A frame as shown in a failure: long texts are cut, so that the frames around stay readable. */
    private static String shortened(String shown) {
        if (shown.length() <= SHOWN_FRAME_CHARS) {
            return shown;
        }
        return shown.substring(0, SHOWN_FRAME_CHARS) + "… (" + shown.length() + " characters)";
    }

    private TranscriptFailure fail(Step step, String problem) {
        return new TranscriptFailure(where(step) + "\n  " + problem + captures());
    }

    /**
     * The failure, with the latest frames the client received and those already waiting;
     * {@code comparedLast} marks the latest one as the frame this line looked at.
     */
    private TranscriptFailure fail(Step step, String problem, String clientName, boolean comparedLast) {
        StringBuilder message = new StringBuilder(where(step)).append("\n  ").append(problem);
        Client client = clients.get(clientName);
        if (client != null) {
            List<String> shown = new ArrayList<>(client.seen.subList(Math.max(0, client.seen.size() - FRAMES_SHOWN_BEFORE), client.seen.size()));
            int marked = comparedLast ? shown.size() - 1 : -1;
            client.connection.inbox().drain().forEach(arrival -> shown.add(client.shown(arrival)));
            message.append("\n  ").append(clientName).append(" received, oldest first")
                    .append(comparedLast ? " (> marks the frame this line looked at)" : "").append(":\n")
                    .append(shown.isEmpty() ? "    (nothing at all)" : indent(shown, marked));
        }
        return new TranscriptFailure(message.append(captures()).toString());
    }

    private String where(Step step) {
        return transcript.name() + ":" + step.line() + " [" + mode + "]: " + step.source().strip();
    }

    private String captures() {
        return bindings.isEmpty() ? "" : "\n  captured so far: " + bindings;
    }

    /** {@code 300 ms}, {@code 2 s}. */
    static String spoken(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static String indent(List<String> lines, int marked) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            out.append(i == marked ? "  > " : "    ").append(lines.get(i));
            if (i < lines.size() - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }
}
