package chat.actors;

import static org.assertj.core.api.Assertions.assertThat;

import chat.actors.room.Identity;
import chat.protocol.FrameCodec;
import chat.protocol.ServerFrame;
import chat.protocol.ServerFrameEncoder;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.RecipientRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.util.ByteString;

/**
 * A session as a room sees it, without the session: what the room tells the session arrives at
 * {@link #replies}; what the room writes to the session's connection arrives at {@link #offers},
 * one {@link Offered} per offer, so a test sees which lines left together and whether two members
 * were handed the very same bytes.
 */
final class RoomMember {

    /** One offer to the connection: its bytes and how many frames they hold. */
    record Offered(ByteString bytes, int count) implements LocalOnly {
        List<ServerFrame> frames() {
            return Frames.in(bytes);
        }
    }

    private static final FrameCodec CODEC = new FrameCodec();

    final String nick;
    final TestProbe<SessionActor.Command> replies;
    final TestProbe<Offered> offers;
    final ConnectionOutlet outlet;
    private final ActorSystem<Void> system;

    RoomMember(ActorTestKit testKit, String nick) {
        this.nick = nick;
        this.replies = testKit.createTestProbe(nick + "-session");
        this.offers = testKit.createTestProbe(nick + "-connection");
        this.outlet = new Recording(offers.ref());
        this.system = testKit.system();
    }

    /** The session's ref as rooms and the registry know it. */
    ActorRef<SessionActor.Reply> ref() {
        return replies.ref().narrow();
    }

    /** The join to send room {@code room}, once {@code fanOut} knows this member's connection. */
    RoomActor.Join join(ActorRef<NodeFanOut.Command> fanOut, String room, Long since, String re) {
        fanOut.tell(new NodeFanOut.Attach(ref(), outlet));
        return new RoomActor.Join(ref(), nick, Identity.GUEST, room, fanOut, since, re);
    }

    /** The session hears it joined a room: the room's entity, wherever sharding keeps it. */
    RecipientRef<RoomActor.Command> hearsJoined() {
        String key = replies.expectMessageClass(SessionActor.RoomJoined.class).roomKey();
        return ClusterSharding.get(system).entityRefFor(RoomActor.TYPE_KEY, key);
    }

    RegistryActor.JoinRoom joinRoom(String room, Long since, String re) {
        return new RegistryActor.JoinRoom(room, nick, Identity.GUEST, since, ref(), outlet, re);
    }

    /** Says {@code text} in {@code room} and, once it is stored, has its echo written and its request answered. */
    ServerFrame.Message says(RecipientRef<RoomActor.Command> room, String text) {
        room.tell(new RoomActor.Say(ref(), text, null));
        ServerFrame.Message echo = (ServerFrame.Message) nextFrame();
        assertThat(echo.text()).isEqualTo(text);
        replies.expectMessage(SessionActor.AnswerWritten.INSTANCE);
        return echo;
    }

    /** The next offer, which must hold exactly one frame. */
    ServerFrame nextFrame() {
        return Frames.single(offers.receiveMessage().bytes());
    }

    /** Reads past what the connection was offered until a frame of {@code type}. */
    <T extends ServerFrame> T skipTo(Class<T> type) {
        while (true) {
            for (ServerFrame frame : offers.receiveMessage().frames()) {
                if (type.isInstance(frame)) {
                    return type.cast(frame);
                }
            }
        }
    }

    /** The frames of the next offer. */
    List<ServerFrame> nextOffer() {
        return offers.receiveMessage().frames();
    }

    /**
     * The answer to its request: the frame the room wrote to the connection itself, in its place
     * among the room's events, or the one the session is told to send.
     */
    ServerFrame answer() {
        SessionActor.Command reply = replies.receiveMessage();
        if (reply == SessionActor.AnswerWritten.INSTANCE) {
            return nextFrame();
        }
        assertThat(reply).isInstanceOf(SessionActor.Answer.class);
        return ((SessionActor.Answer) reply).frame();
    }

    /** A connection that takes every offer at once and reports it. */
    private record Recording(ActorRef<Offered> offers) implements ConnectionOutlet {

        @Override
        public ServerFrameEncoder encoder() {
            return CODEC;
        }

        @Override
        public void offer(ByteString frames, int count) {
            offers.tell(new Offered(frames, count));
        }

        @Override
        public void offerLast(ByteString frame) {
            offers.tell(new Offered(frame, 1));
        }

        @Override
        public int queuedFrames() {
            return 0;
        }

        @Override
        public void notifyWhenBelow(int frames) {
            // Nothing ever waits here.
        }

        @Override
        public void close() {
            // A room never closes a connection.
        }

        @Override
        public void abort(String reason) {
            // A room never resets a connection.
        }
    }
}
