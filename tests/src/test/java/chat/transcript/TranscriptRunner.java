package chat.transcript;

import chat.protocol.FrameCodec;
import chat.protocol.ProtocolException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    /** How long a client waits for an expected frame before the transcript fails. */
    static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(5);
    /** How long {@code < nothing} watches. A correct server never sends, so this only bounds how late a stray frame is caught. */
    static final Duration QUIET_PERIOD = Duration.ofMillis(150);
    /** After the last line: how long every client is watched for frames the transcript did not list. */
    static final Duration FINAL_QUIET_PERIOD = Duration.ofMillis(100);
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
        final List<String> seen = new ArrayList<>();

        Client(ClientConnection connection) {
            this.connection = connection;
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
        Thread.sleep(FINAL_QUIET_PERIOD.toMillis());
        for (Map.Entry<String, Client> entry : clients.entrySet()) {
            List<String> unexpected = entry.getValue().connection.inbox().drain().stream()
                    .filter(arrival -> arrival instanceof Arrival.Line)
                    .map(TranscriptRunner::shortened)
                    .toList();
            if (!unexpected.isEmpty()) {
                throw new TranscriptFailure(transcript.name() + " [" + mode + "], after the last line: "
                        + entry.getKey() + " received frames the transcript does not list:\n"
                        + indent(unexpected, -1));
            }
        }
    }

    private void execute(Step step) throws Exception {
        if (step instanceof Step.Connect connect) {
            if (clients.containsKey(connect.client())) {
                throw fail(step, connect.client() + " is already connected");
            }
            client(connect.client());
        } else if (step instanceof Step.Send send) {
            String line;
            try {
                line = send.template().render(bindings);
            } catch (IllegalStateException e) {
                throw fail(step, e.getMessage());
            }
            client(send.client()).connection.send((line + "\n").getBytes(StandardCharsets.UTF_8));
        } else if (step instanceof Step.SendRaw raw) {
            client(raw.client()).connection.send(raw.bytes());
        } else if (step instanceof Step.Expect expect) {
            expectFrame(expect);
        } else if (step instanceof Step.ExpectNothing nothing) {
            Client client = connected(step, nothing.client());
            Arrival arrival = client.connection.inbox().next(QUIET_PERIOD);
            if (arrival != null) {
                record(client, arrival);
                throw fail(step, nothing.client() + " should receive nothing, but got " + shortened(arrival), nothing.client(), true);
            }
        } else if (step instanceof Step.ExpectClosed closed) {
            Client client = connected(step, closed.client());
            Arrival arrival = client.connection.inbox().next(ARRIVAL_TIMEOUT);
            if (!(arrival instanceof Arrival.Closed)) {
                record(client, arrival);
                throw fail(step, closed.client() + "'s connection should be closed by the server, but "
                        + (arrival == null ? "it stayed open for " + ARRIVAL_TIMEOUT.toSeconds() + " s" : "a frame came: " + shortened(arrival)),
                        closed.client(), arrival != null);
            }
            clients.remove(closed.client());
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

    private Client client(String name) throws Exception {
        Client client = clients.get(name);
        if (client == null) {
            client = new Client(harness.connect());
            clients.put(name, client);
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
        Client client = connected(expect, expect.client());
        JsonNode frame = nextFrame(expect, client);
        Outcome outcome = FrameMatcher.match(expect.frame(), frame, bindings);
        if (outcome instanceof Outcome.Mismatch mismatch) {
            throw fail(expect, "the frame differs at " + mismatch, expect.client(), true);
        }
        bindings = ((Outcome.Matched) outcome).bindings();
    }

    private void expectInAnyOrder(Step.AnyOrder group) throws Exception {
        Map<String, List<Step.Expect>> byClient = new LinkedHashMap<>();
        for (Step.Expect expect : group.expectations()) {
            byClient.computeIfAbsent(expect.client(), name -> new ArrayList<>()).add(expect);
        }
        for (Map.Entry<String, List<Step.Expect>> entry : byClient.entrySet()) {
            Client client = connected(group, entry.getKey());
            List<JsonNode> frames = new ArrayList<>();
            for (Step.Expect expect : entry.getValue()) {
                frames.add(nextFrame(expect, client));
            }
            List<FramePattern> patterns = entry.getValue().stream().map(Step.Expect::frame).toList();
            Bindings assigned = Assignment.find(patterns, frames, bindings);
            if (assigned == null) {
                int unmatched = Assignment.firstUnmatched(patterns, frames, bindings);
                List<JsonNode> strays = Assignment.unmatchedCandidates(patterns, frames, bindings);
                String which = (unmatched < 0 ? "" : "\n  no frame matches line " + entry.getValue().get(unmatched).line())
                        + (strays.isEmpty() ? "" : "\n  frames no line matches:\n" + indent(strays.stream()
                                .limit(FRAMES_SHOWN_BEFORE).map(frame -> shortened(new Arrival.Line(frame.toString().getBytes(StandardCharsets.UTF_8)))).toList(), -1));
                throw fail(group, "the last " + frames.size() + " frames " + entry.getKey()
                        + " received do not match these lines in any order:\n" + indent(entry.getValue().stream()
                                .distinct().map(expect -> expect.line() + ": " + expect.source().strip()).toList(), -1) + which,
                        entry.getKey(), false);
            }
            bindings = assigned;
        }
    }

    /** The next frame, checked to be a valid protocol v1 frame, as a JSON tree. */
    private JsonNode nextFrame(Step step, Client client) throws Exception {
        String name = ((Step.Expect) step).client();
        Arrival arrival = client.connection.inbox().next(ARRIVAL_TIMEOUT);
        if (arrival == null) {
            throw fail(step, "nothing arrived for " + name + " within " + ARRIVAL_TIMEOUT.toSeconds() + " s", name, false);
        }
        record(client, arrival);
        if (arrival instanceof Arrival.Closed) {
            throw fail(step, "the server closed " + name + "'s connection instead", name, true);
        }
        byte[] bytes = ((Arrival.Line) arrival).bytes();
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

    private static void record(Client client, Arrival arrival) {
        if (arrival != null) {
            client.seen.add(shortened(arrival));
        }
    }

    /** A frame as shown in a failure: long texts are cut, so that the frames around stay readable. */
    private static String shortened(Arrival arrival) {
        String shown = arrival.toString();
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
            client.connection.inbox().drain().forEach(arrival -> shown.add(shortened(arrival)));
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
