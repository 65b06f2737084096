package chat.actors;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.Decoded;
import chat.protocol.ErrorCode;
import chat.protocol.FrameCodec;
import chat.protocol.ServerFrame;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * One person at a session admitted by a real registry, talking as the TCP stream would: one line
 * at a time, the next only once the session has acknowledged the last. What the session writes
 * arrives decoded at {@link #frames}; how the connection ended, at {@link #ends}.
 */
public final class Person {

    public static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final FrameCodec CODEC = new FrameCodec();

    final ActorRef<SessionActor.Command> session;
    public final TestProbe<ServerFrame> frames;
    public final TestProbe<ConnectionEnd> ends;
    final TestProbe<SessionActor.Ack> acks;
    final OutletStandIn outlet;

    private Person(ActorTestKit testKit, ActorRef<SessionActor.Command> session, OutletKind kind,
                   ChatSettings.Limits limits) {
        this.session = session;
        this.frames = testKit.createTestProbe();
        this.ends = testKit.createTestProbe();
        this.acks = testKit.createTestProbe();
        this.outlet = kind.outlet(session, limits, frames, ends);
        session.tell(new SessionActor.Connected(outlet, acks.ref()));
        acks.receiveMessage(PATIENCE);
    }

    /** How the person's client treats what the server writes. */
    public enum OutletKind {
        READS, STOPPED_READING, READS_AND_HANGS_UP_WHEN_CLOSED;

        OutletStandIn outlet(ActorRef<SessionActor.Command> session, ChatSettings.Limits limits,
                             TestProbe<ServerFrame> frames, TestProbe<ConnectionEnd> ends) {
            return switch (this) {
                case READS -> OutletStandIn.reading(session, limits, frames.ref()::tell, ends.ref()::tell);
                case STOPPED_READING -> OutletStandIn.notReading(session, limits, frames.ref()::tell, ends.ref()::tell);
                case READS_AND_HANGS_UP_WHEN_CLOSED ->
                        OutletStandIn.readingAndHangingUp(session, limits, frames.ref()::tell, ends.ref()::tell);
            };
        }
    }

    /** Someone whose connection to {@code session}, made without a registry's door, is ready; nothing said yet. */
    static Person connectedTo(ActorTestKit testKit, ActorRef<SessionActor.Command> session, ChatSettings.Limits limits) {
        return new Person(testKit, session, OutletKind.READS, limits);
    }

    /** Someone let in through {@code registry}'s door whose connection is ready; nothing said yet. */
    static Person connected(ActorTestKit testKit, ActorRef<RegistryActor.Command> registry, OutletKind kind) {
        return connected(testKit, registry, kind, TestSettings.with("").limits());
    }

    /** As above, with a connection that holds at most what {@code limits} let wait for a client. */
    static Person connected(ActorTestKit testKit, ActorRef<RegistryActor.Command> registry, OutletKind kind,
                            ChatSettings.Limits limits) {
        return new Person(testKit, admitted(testKit, registry), kind, limits);
    }

    static Person connected(ActorTestKit testKit, ActorRef<RegistryActor.Command> registry) {
        return connected(testKit, registry, OutletKind.READS);
    }

    /** Someone who said hello as {@code nick} and was welcomed into the default room. */
    static Person registered(ActorTestKit testKit, ActorRef<RegistryActor.Command> registry, String nick) {
        return registered(testKit, registry, nick, OutletKind.READS);
    }

    public static Person registered(ActorTestKit testKit, ActorRef<RegistryActor.Command> registry, String nick,
                                    OutletKind kind) {
        Person person = connected(testKit, registry, kind);
        person.says("{\"type\":\"hello\",\"nick\":\"" + nick + "\"}");
        person.gets(ServerFrame.Welcome.class);
        person.gets(ServerFrame.Joined.class);
        return person;
    }

    static ActorRef<SessionActor.Command> admitted(ActorTestKit testKit, ActorRef<RegistryActor.Command> registry) {
        TestProbe<RegistryActor.Admission> door = testKit.createTestProbe();
        registry.tell(new RegistryActor.Admit("127.0.0.1", "127.0.0.1:1", door.ref()));
        return ((RegistryActor.Admitted) door.receiveMessage(PATIENCE)).session();
    }

    /** Sends one line and waits until the session is ready for the next, as the TCP stream does. */
    public void says(String json) {
        sendsWithoutWaiting(json);
        acks.receiveMessage(PATIENCE);
    }

    /** {@code null} stands for a message the session cannot read. */
    public void sendsWithoutWaiting(String json) {
        Decoded decoded = json == null ? null : CODEC.decodeRequest(json);
        session.tell(new SessionActor.Received(decoded, acks.ref()));
    }

    public <T extends ServerFrame> T gets(Class<T> type) {
        ServerFrame frame = frames.receiveMessage(PATIENCE);
        assertThat(frame).isInstanceOf(type);
        return type.cast(frame);
    }

    /** The next frame of {@code type}, passing over others such as the heartbeat's pings. */
    <T extends ServerFrame> T skipTo(Class<T> type) {
        while (true) {
            ServerFrame frame = frames.receiveMessage(PATIENCE);
            if (type.isInstance(frame)) {
                return type.cast(frame);
            }
        }
    }

    ServerFrame.Error getsError(ErrorCode code, String re) {
        ServerFrame.Error error = gets(ServerFrame.Error.class);
        assertThat(error.code()).isEqualTo(code);
        assertThat(error.re()).isEqualTo(re);
        assertThat(error.message()).isNotBlank();
        return error;
    }

    void getsNothingFor(Duration quiet) {
        frames.expectNoMessage(quiet);
    }

    /** The session still answers: a ping gets its pong. */
    public void answersPing(String id) {
        says("{\"type\":\"ping\",\"id\":\"" + id + "\"}");
        assertThat(frames.receiveMessage(PATIENCE)).isEqualTo(new ServerFrame.Pong(id));
    }
}
