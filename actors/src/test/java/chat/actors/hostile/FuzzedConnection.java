package chat.actors.hostile;

import chat.actors.ConnectionEnd;
import chat.actors.ConnectionOutlet;
import chat.actors.RegistryActor;
import chat.actors.SessionActor;
import chat.protocol.Decoded;
import chat.protocol.FrameCodec;
import chat.protocol.ProtocolException;
import chat.protocol.ServerFrame;
import chat.protocol.ServerFrameEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.util.ByteString;

/**
 * A session fed generated input, with everything it does recorded: the frames it writes (each
 * must be a readable server frame), the acks it gives, and how its connection ended.
 */
final class FuzzedConnection {

    private static final FrameCodec CODEC = new FrameCodec();
    private static final long POLL_MILLIS = 2;

    final List<ServerFrame> frames = new CopyOnWriteArrayList<>();
    final List<String> unreadable = new CopyOnWriteArrayList<>();
    final AtomicReference<ConnectionEnd> end = new AtomicReference<>();
    private final AtomicInteger acks = new AtomicInteger();
    private final ActorRef<SessionActor.Command> session;
    private final ActorRef<SessionActor.Ack> ackCounter;
    private int sent;

    FuzzedConnection(ActorTestKit testKit, ActorRef<RegistryActor.Command> registry) {
        TestProbe<RegistryActor.Admission> door = testKit.createTestProbe();
        registry.tell(new RegistryActor.Admit("127.0.0.1", "127.0.0.1:1", door.ref()));
        session = ((RegistryActor.Admitted) door.receiveMessage()).session();
        ackCounter = testKit.spawn(Behaviors.receiveMessage(ack -> {
            acks.incrementAndGet();
            return Behaviors.same();
        }));
        session.tell(new SessionActor.Connected(new RecordingOutlet(), ackCounter));
        sent = 1;
    }

    /**
     * Sends one decoded line and waits until the session is ready for the next, as the TCP
     * stream does, or has said bye. False when it did neither within {@code patience}: stuck.
     */
    boolean send(Decoded decoded, Duration patience) {
        if (saidBye()) {
            return true;
        }
        session.tell(new SessionActor.Received(decoded, ackCounter));
        sent++;
        return awaitReady(patience);
    }

    boolean saidBye() {
        return frames.stream().anyMatch(ServerFrame.Bye.class::isInstance);
    }

    /** True once a frame answering request {@code id} arrived, or the session said bye, within {@code patience}. */
    boolean awaitAnswerTo(String id, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (saidBye() || frames.stream().anyMatch(frame -> id.equals(re(frame)))) {
                return true;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return false;
    }

    private boolean awaitReady(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (acks.get() >= sent || saidBye()) {
                return true;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** A client that reads every frame at once and hangs up when the session closes. */
    private final class RecordingOutlet implements ConnectionOutlet {

        @Override
        public ServerFrameEncoder encoder() {
            return CODEC;
        }

        @Override
        public void offer(ByteString bytes, int count) {
            for (String line : bytes.decodeString(StandardCharsets.UTF_8).split("\n")) {
                try {
                    frames.add(CODEC.decodeServerFrame(line));
                } catch (ProtocolException e) {
                    unreadable.add(line);
                }
            }
        }

        @Override
        public int queuedFrames() {
            return 0;
        }

        @Override
        public void offerLast(ByteString frame) {
            offer(frame, 1);
        }

        @Override
        public void notifyWhenBelow(int frames) {
            session.tell(SessionActor.Drained.INSTANCE);
        }

        @Override
        public void close() {
            end(new ConnectionEnd.Closed());
        }

        @Override
        public void abort(String reason) {
            end(new ConnectionEnd.Aborted(reason));
        }

        private void end(ConnectionEnd how) {
            end.set(how);
            session.tell(new SessionActor.ConnectionLost("peer hung up"));
        }
    }

    private static String re(ServerFrame frame) {
        if (frame instanceof ServerFrame.Pong pong) {
            return pong.re();
        }
        if (frame instanceof ServerFrame.Error error) {
            return error.re();
        }
        return null;
    }
}
