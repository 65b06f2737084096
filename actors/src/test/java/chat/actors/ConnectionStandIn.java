package chat.actors;

import chat.protocol.ServerFrame;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Plays a session's TCP connection: what the session writes arrives at {@code frames} one frame
 * at a time; how the connection ends (close or abort) arrives at {@code ends}. A reader that
 * stopped reading never acknowledges a write.
 */
final class ConnectionStandIn {

    private ConnectionStandIn() {}

    static Behavior<Outbound> reading(ActorRef<SessionActor.Command> session, ActorRef<ServerFrame> frames,
                                      ActorRef<Outbound> ends) {
        return behave(session, frames, ends, true);
    }

    static Behavior<Outbound> notReading(ActorRef<SessionActor.Command> session, ActorRef<ServerFrame> frames,
                                         ActorRef<Outbound> ends) {
        return behave(session, frames, ends, false);
    }

    private static Behavior<Outbound> behave(ActorRef<SessionActor.Command> session, ActorRef<ServerFrame> frames,
                                             ActorRef<Outbound> ends, boolean acknowledges) {
        return Behaviors.receiveMessage(message -> {
            if (message instanceof Outbound.Write write) {
                Frames.in(write.bytes()).forEach(frames::tell);
                if (acknowledges) {
                    session.tell(SessionActor.Written.INSTANCE);
                }
                return Behaviors.same();
            }
            ends.tell(message);
            return Behaviors.stopped();
        });
    }
}
