package chat.actors.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import chat.actors.ConnectionEnd;
import chat.actors.OutletStandIn;
import chat.actors.RegistryActor;
import chat.actors.SessionActor;
import chat.protocol.FrameCodec;
import chat.protocol.ServerFrame;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;

/**
 * One client of a real registry, without sockets: requests go in as the TCP stream would send
 * them, and what the session writes comes out decoded at {@link #frames}. The stand-in
 * connection reads everything and hangs up when the session closes, as a well-behaved peer does.
 */
final class Member {

    static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final FrameCodec CODEC = new FrameCodec();

    final ActorRef<SessionActor.Command> session;
    final TestProbe<ServerFrame> frames;
    final TestProbe<ConnectionEnd> ends;
    final TestProbe<SessionActor.Ack> acks;

    private Member(ActorTestKit testKit, ActorRef<RegistryActor.Command> registry) {
        TestProbe<RegistryActor.Admission> door = testKit.createTestProbe();
        registry.tell(new RegistryActor.Admit("127.0.0.1", "127.0.0.1:1", door.ref()));
        session = ((RegistryActor.Admitted) door.receiveMessage(PATIENCE)).session();
        frames = testKit.createTestProbe();
        ends = testKit.createTestProbe();
        acks = testKit.createTestProbe();
        session.tell(new SessionActor.Connected(
                OutletStandIn.readingAndHangingUp(session, frames.ref()::tell, ends.ref()::tell), acks.ref()));
        acks.receiveMessage(PATIENCE);
    }

    static Member connect(ActorTestKit testKit, ActorRef<RegistryActor.Command> registry) {
        return new Member(testKit, registry);
    }

    /** Connects and says hello; the welcome and the default room's joined frame are read. */
    static Member registered(ActorTestKit testKit, ActorRef<RegistryActor.Command> registry, String nick) {
        Member member = connect(testKit, registry);
        member.send("{\"type\":\"hello\",\"nick\":\"" + nick + "\"}");
        member.receive(ServerFrame.Welcome.class);
        member.receive(ServerFrame.Joined.class);
        return member;
    }

    /** Sends one line and waits for the ack, as the TCP stream does before it sends the next. */
    void send(String json) {
        session.tell(new SessionActor.Received(CODEC.decodeRequest(json), acks.ref()));
        acks.receiveMessage(PATIENCE);
    }

    /** Sends one line without waiting for the ack; {@code null} stands for a message the session cannot read. */
    void sendWithoutWaiting(String json) {
        session.tell(new SessionActor.Received(json == null ? null : CODEC.decodeRequest(json), acks.ref()));
    }

    <T extends ServerFrame> T receive(Class<T> type) {
        ServerFrame frame = frames.receiveMessage(PATIENCE);
        assertThat(frame).isInstanceOf(type);
        return type.cast(frame);
    }

    /** The session still answers: a ping gets its pong. */
    void assertAlive(String id) {
        send("{\"type\":\"ping\",\"id\":\"" + id + "\"}");
        assertThat(frames.receiveMessage(PATIENCE)).isEqualTo(new ServerFrame.Pong(id));
    }
}
