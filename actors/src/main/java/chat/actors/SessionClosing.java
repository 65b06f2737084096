package chat.actors;

import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.Signal;
import org.apache.pekko.actor.typed.javadsl.AbstractMatchingBehavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The last phase: the session has left its rooms and freed its nick, and only finishes its
 * connection. It asks the connection to close after what is queued, then waits for the peer to
 * hang up, so the last frame (a bye) is on the wire before this session, and during shutdown the
 * server, goes away; {@code limits.linger} bounds the wait. Answers that arrive late are undone:
 * a room joined meanwhile is quit, a nick claimed meanwhile released.
 */
final class SessionClosing extends AbstractMatchingBehavior<SessionActor.Command> {

    private final Session session;
    /** What a room that answers a join too late hears as the reason this session quit. */
    private final String reason;
    private boolean peerGone;

    SessionClosing(Session session, String reason) {
        super(session.context);
        this.session = session;
        this.reason = reason;
    }

    /** Closes the connection once what is queued is out; ends once the peer has hung up too. */
    Behavior<SessionActor.Command> proceed() {
        session.outbound.close();
        return peerGone ? Behaviors.stopped() : this;
    }

    Behavior<SessionActor.Command> onPeerGone() {
        peerGone = true;
        return proceed();
    }

    @Override
    public Behavior<SessionActor.Command> onMessage(SessionActor.Command message) {
        if (message instanceof SessionActor.Received received) {
            // Taken and dropped, so the connection's input runs to its end and the close is not held up.
            received.ack().tell(SessionActor.Ack.INSTANCE);
        } else if (message instanceof SessionActor.ConnectionLost) {
            return onPeerGone();
        } else if (message instanceof SessionActor.Connected connected) {
            session.connect(connected);
            return proceed();
        } else if (message instanceof SessionActor.RoomJoined joined) {
            session.roomRefs.room(joined.roomKey()).tell(new RoomActor.Quit(session.self, reason));
        } else if (message instanceof SessionActor.NickClaimed claimed) {
            session.registry.tell(new RegistryActor.ReleaseNick(claimed.key(), session.self));
        } else if (message instanceof SessionActor.Answer || message instanceof SessionActor.AnswerWritten
                || message instanceof SessionActor.NickRefused) {
            session.gate.release(true);
        } else if (message instanceof SessionActor.Drained) {
            session.gate.onDrained(true);
        } else if (message == SessionActor.Tick.LINGER_EXPIRED) {
            // The peer took too long to take its last frames or to hang up.
            session.outbound.reset("peer did not take its last frames within " + session.settings.limits().linger());
            return Behaviors.stopped();
        }
        // A slow consumer's cut, a shutdown, where its nick is kept or that it is lost, and the other
        // timers: nothing left to do for them (a nick's actor watches its holder).
        return this;
    }

    @Override
    public Behavior<SessionActor.Command> onSignal(Signal signal) throws Exception {
        if (signal instanceof PostStop) {
            session.outbound.resetUnlessClosed("session stopped");
            return this;
        }
        return super.onSignal(signal);
    }
}
