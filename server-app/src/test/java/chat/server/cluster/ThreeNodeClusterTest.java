package chat.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ClientFrame;
import chat.protocol.ErrorCode;
import chat.protocol.PresenceEvent;
import chat.protocol.ServerFrame;
import chat.server.NickRace;
import chat.server.RawClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three server processes on this machine form one cluster over one PostgreSQL, as docs/cluster.md
 * sets them up; people connected to different nodes chat as on one server, and a node killed with
 * SIGKILL loses no line anyone saw acknowledged. The node kill comes last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreeNodeClusterTest {

    /**
     * A request to a room whose node died waits in sharding until the room runs on a survivor
     * (failure detection plus split-brain-resolver.stable-after, about 10 s); one that was on its
     * way to the dead node is lost, and its sender hears "unavailable" after this long.
     */
    private static final String PATIENT_SESSIONS = "-Dchat.limits.answer-timeout=20s";
    private static final int ROOMS = 8;
    /** How long `rooms` on one node may take to show a change made on another (docs/cluster.md). */
    private static final Duration DIRECTORY_LAG = Duration.ofSeconds(2);
    private static final Duration LIST_AGAIN_AFTER = Duration.ofMillis(100);
    /**
     * How long a node that joins may take to list a room in use elsewhere that nothing changed
     * since: chat.directory-republish-after, then the lag of any change.
     */
    private static final Duration REJOINED_NODE_LAG = Duration.ofSeconds(3).plus(DIRECTORY_LAG);
    /** Enough people that some of their nicks are kept on the node that is killed. */
    private static final int NICK_KEEPERS = 20;
    /** Rooms only the person on the killed node is in: some of them live on it. */
    private static final int NOOKS = 4;
    private static final Duration FAILOVER = Duration.ofSeconds(60);
    private static LocalCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = LocalCluster.start(3, PATIENT_SESSIONS);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void peopleOnThreeNodesSeeOneConversationInOneOrder() throws Exception {
        try (RawClient alice = RawClient.registered(cluster.port(0), "alice");
             RawClient bob = RawClient.registered(cluster.port(1), "bob");
             RawClient carol = RawClient.registered(cluster.port(2), "carol")) {
            List<RawClient> people = List.of(alice, bob, carol);
            for (RawClient person : people) {
                person.send(new ClientFrame.Join("j", "square", null));
                assertThat(person.receive(ServerFrame.Joined.class).room()).isEqualTo("square");
            }
            for (RawClient person : people) {
                assertListedWithin(DIRECTORY_LAG, person, "square", people.size());
            }
            int linesEach = 5;
            for (int line = 1; line <= linesEach; line++) {
                for (int person = 0; person < people.size(); person++) {
                    people.get(person).send(new ClientFrame.Say(null, "square", "line " + line + " from " + person));
                }
            }
            List<List<String>> seen = new ArrayList<>();
            for (RawClient person : people) {
                List<String> lines = new ArrayList<>();
                List<Long> seqs = new ArrayList<>();
                while (lines.size() < linesEach * people.size()) {
                    ServerFrame.Message message = person.receive(ServerFrame.Message.class);
                    lines.add(message.seq() + " " + message.from() + ": " + message.text());
                    seqs.add(message.seq());
                }
                assertThat(seqs).as("seq grows by one").containsExactlyElementsOf(
                        LongStream.rangeClosed(1, linesEach * people.size()).boxed().toList());
                seen.add(lines);
            }
            assertThat(seen.get(1)).as("bob, on another node, saw what alice saw").isEqualTo(seen.get(0));
            assertThat(seen.get(2)).as("carol, on a third node, saw what alice saw").isEqualTo(seen.get(0));
        }
    }

    /** The list of rooms that {@code asker}'s node gives shows {@code room} with {@code members} within {@code lag}. */
    private static void assertListedWithin(Duration lag, RawClient asker, String room, int members) throws InterruptedException {
        long deadline = System.nanoTime() + lag.toNanos();
        List<ServerFrame.RoomSummary> listed;
        do {
            asker.send(new ClientFrame.Rooms("r"));
            listed = asker.receive(ServerFrame.RoomList.class).rooms();
            if (listed.contains(new ServerFrame.RoomSummary(room, members, ""))) {
                return;
            }
            Thread.sleep(LIST_AGAIN_AFTER.toMillis());
        } while (System.nanoTime() < deadline);
        throw new AssertionError(room + " with " + members + " members not listed within " + lag + ": " + listed);
    }

    @Test
    @Order(2)
    void aWhisperReachesSomeoneOnAnotherNodeAndNobodyElse() {
        try (RawClient dave = RawClient.registered(cluster.port(0), "dave");
             RawClient erin = RawClient.registered(cluster.port(2), "erin");
             RawClient frank = RawClient.registered(cluster.port(1), "frank")) {
            dave.send(new ClientFrame.Whisper("w1", "Erin", "the cake is in the fridge"));
            ServerFrame.Whisper echo = dave.receive(ServerFrame.Whisper.class);
            assertThat(echo.to()).isEqualTo("erin");
            assertThat(echo.re()).isEqualTo("w1");
            ServerFrame.Whisper received = erin.receive(ServerFrame.Whisper.class);
            assertThat(received.from()).isEqualTo("dave");
            assertThat(received.text()).isEqualTo("the cake is in the fridge");
            frank.assertAlive("p");

            dave.send(new ClientFrame.Whisper("w2", "nobody", "hello?"));
            assertThat(dave.receiveError(ErrorCode.NO_SUCH_NICK).re()).isEqualTo("w2");
        }
    }

    @Test
    @Order(3)
    void twoPeopleOnEachNodeRacingForOneNickLeaveExactlyOneWinner() throws Exception {
        List<RawClient> racers = new ArrayList<>();
        try {
            for (int node = 0; node < 3; node++) {
                racers.add(RawClient.connect(cluster.port(node)));
                racers.add(RawClient.connect(cluster.port(node)));
            }
            assertThat(NickRace.welcomes(racers, "Racer")).as("welcomes across three nodes").isEqualTo(1);
        } finally {
            racers.forEach(RawClient::close);
        }
    }

    /**
     * The rooms are spread over the nodes by sharding, so among eight some live on the node that
     * is killed: they start again on the survivors, from the store.
     */
    @Test
    @Order(4)
    void aNodeKilledMidConversationLosesNoAcknowledgedLineAndComesBackIntoTheCluster() throws Exception {
        try {
            killNodeTwoMidConversation();
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n--- node 0 ---\n" + cluster.log(0) + "\n--- node 1 ---\n"
                    + cluster.log(1), e);
        }
    }

    private void killNodeTwoMidConversation() throws Exception {
        Map<String, List<ServerFrame.Message>> acknowledged = new HashMap<>();
        List<RawClient> keepers = new ArrayList<>();
        try (Person vera = new Person(RawClient.registered(cluster.port(0), "vera"));
             Person walt = new Person(RawClient.registered(cluster.port(1), "walt"));
             Person xena = new Person(RawClient.registered(cluster.port(2), "xena"))) {
            for (int keeper = 0; keeper < NICK_KEEPERS; keeper++) {
                keepers.add(RawClient.registered(cluster.port(keeper % 2), "keeper" + keeper));
            }
            for (int room = 0; room < ROOMS; room++) {
                for (Person person : List.of(vera, walt, xena)) {
                    person.client().send(new ClientFrame.Join("j", "hall" + room, null));
                    person.client().receive(ServerFrame.Joined.class);
                }
            }
            int line = 0;
            for (int room = 0; room < ROOMS; room++) {
                for (Person person : List.of(vera, walt, xena)) {
                    acknowledged.computeIfAbsent("hall" + room, name -> new ArrayList<>())
                            .add(sayUntilAcknowledged(person, "hall" + room, "before the crash, line " + ++line));
                }
            }
            for (int nook = 0; nook < NOOKS; nook++) {
                xena.client().send(new ClientFrame.Join("j", "nook" + nook, null));
                xena.client().receive(ServerFrame.Joined.class);
                sayUntilAcknowledged(xena, "nook" + nook, "alone in here");
            }

            cluster.kill(2);

            for (int room = 0; room < ROOMS; room++) {
                for (Person person : List.of(vera.withPatience(FAILOVER), walt.withPatience(FAILOVER))) {
                    acknowledged.get("hall" + room)
                            .add(sayUntilAcknowledged(person, "hall" + room, "after the crash, line " + ++line));
                }
            }
            awaitQuitInEveryHall(vera, "xena");
            awaitEveryNookEmpty(vera.client());
            for (int keeper = 0; keeper < NICK_KEEPERS; keeper++) {
                try (RawClient impostor = RawClient.connect(cluster.port(keeper % 2 == 0 ? 1 : 0))) {
                    impostor.send(new ClientFrame.Hello("h", "keeper" + keeper, null, null));
                    assertThat(impostor.receiveError(ErrorCode.NICK_TAKEN).re()).as("keeper%d's nick", keeper)
                            .isEqualTo("h");
                }
            }
        } finally {
            keepers.forEach(RawClient::close);
        }

        // The nick of someone who was on the killed node is free again.
        try (RawClient newXena = RawClient.registered(cluster.port(1), "xena")) {
            assertEveryAcknowledgedLineIsStoredOnce(newXena, acknowledged);
        }
        try (RawClient ursula = RawClient.registered(cluster.port(0), "ursula")) {
            ursula.send(new ClientFrame.Join("j", "porch", null));
            ursula.receive(ServerFrame.Joined.class);
            cluster.startNode(2);
            try (RawClient zoe = RawClient.registered(cluster.port(2), "zoe")) {
                assertListedWithin(REJOINED_NODE_LAG, zoe, "porch", 1);
                assertEveryAcknowledgedLineIsStoredOnce(zoe, acknowledged);
                zoe.send(new ClientFrame.Say("z", "lobby", "back on the restarted node"));
                assertThat(zoe.receive(ServerFrame.Message.class).re()).isEqualTo("z");
            }
        }
    }

    /** A person connected to one node, and the comings and goings they heard while waiting for their answers. */
    private record Person(RawClient client, List<ServerFrame.Presence> presences) implements AutoCloseable {

        Person(RawClient client) {
            this(client, new ArrayList<>());
        }

        Person withPatience(Duration patience) {
            client.withPatience(patience);
            return this;
        }

        boolean heardQuitIn(String room, String nick) {
            return presences.stream().anyMatch(presence -> presence.room().equals(room) && presence.nick().equals(nick)
                    && presence.event() == PresenceEvent.QUIT);
        }

        @Override
        public void close() {
            client.close();
        }
    }

    /**
     * Whoever was on the killed node quits every room, whichever node the room lived on: a room
     * that lived there too hears it from the nodes that hand their members back.
     */
    private static void awaitQuitInEveryHall(Person listener, String nick) {
        for (int room = 0; room < ROOMS; room++) {
            while (!listener.heardQuitIn("hall" + room, nick)) {
                if (listener.client().receiveAny() instanceof ServerFrame.Presence presence) {
                    listener.presences().add(presence);
                }
            }
        }
    }

    /** The directory no longer counts the killed node's people in rooms it alone was in, wherever those lived. */
    private static void awaitEveryNookEmpty(RawClient asker) throws InterruptedException {
        long deadline = System.nanoTime() + FAILOVER.toNanos();
        List<ServerFrame.RoomSummary> nooks;
        do {
            Thread.sleep(500);
            asker.send(new ClientFrame.Rooms("r"));
            nooks = asker.receiveSkipping(ServerFrame.RoomList.class).rooms().stream()
                    .filter(summary -> summary.room().startsWith("nook")).toList();
        } while (nooks.stream().anyMatch(nook -> nook.members() > 0) && System.nanoTime() < deadline);
        assertThat(nooks).as("rooms only xena was in").hasSize(NOOKS).allSatisfy(nook ->
                assertThat(nook.members()).as("members of %s", nook.room()).isZero());
    }

    /**
     * Says a line and waits for its echo, as a person would: a line refused while its room moves
     * to another node is said again, as a new line (its text says which attempt it is).
     */
    private static ServerFrame.Message sayUntilAcknowledged(Person person, String room, String text) throws Exception {
        long deadline = System.nanoTime() + FAILOVER.toNanos();
        List<ServerFrame.Error> refusals = new ArrayList<>();
        for (int attempt = 1; System.nanoTime() < deadline; attempt++) {
            String id = room + "-" + text.hashCode() + "-" + attempt;
            person.client().send(new ClientFrame.Say(id, room, text + " (attempt " + attempt + ")"));
            ServerFrame answer = answerTo(person, id);
            if (answer instanceof ServerFrame.Message echo) {
                return echo;
            }
            ServerFrame.Error refusal = (ServerFrame.Error) answer;
            assertThat(refusal.code()).as("why %s was refused", id).isIn(ErrorCode.NOT_IN_ROOM, ErrorCode.UNAVAILABLE);
            refusals.add(refusal);
            Thread.sleep(500);
        }
        throw new AssertionError(text + " in " + room + " was not acknowledged within " + FAILOVER + "; refused: " + refusals);
    }

    /** Skips what others say, noting who comes and goes, until the answer to request {@code id}. */
    private static ServerFrame answerTo(Person person, String id) {
        while (true) {
            ServerFrame frame = person.client().receiveAny();
            if (frame instanceof ServerFrame.Presence presence) {
                person.presences().add(presence);
            }
            if (frame instanceof ServerFrame.Message message && id.equals(message.re())) {
                return message;
            }
            if (frame instanceof ServerFrame.Error error && id.equals(error.re())) {
                return error;
            }
        }
    }

    /** Each room's stored lines hold every acknowledged one at its seq, and no line twice. */
    private static void assertEveryAcknowledgedLineIsStoredOnce(RawClient reader,
                                                                Map<String, List<ServerFrame.Message>> acknowledged) {
        for (Map.Entry<String, List<ServerFrame.Message>> room : acknowledged.entrySet()) {
            reader.send(new ClientFrame.Join("j", room.getKey(), 0L));
            List<ServerFrame.Message> stored = reader.receive(ServerFrame.Joined.class).history();
            assertThat(stored).extracting(ServerFrame.Message::seq).as("seqs of %s", room.getKey())
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, stored.size()).boxed().toList());
            assertThat(stored).extracting(ServerFrame.Message::text).as("lines of %s", room.getKey())
                    .doesNotHaveDuplicates();
            for (ServerFrame.Message line : room.getValue()) {
                assertThat(stored).as("%s in %s", line.text(), room.getKey()).anySatisfy(kept -> {
                    assertThat(kept.seq()).isEqualTo(line.seq());
                    assertThat(kept.from()).isEqualTo(line.from());
                    assertThat(kept.text()).isEqualTo(line.text());
                });
            }
        }
    }
}
