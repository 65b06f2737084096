package chat.actors;

import java.time.Duration;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * Lets a client's requests in one at a time. The ack of a {@link SessionActor.Received} is held
 * until its answer has come (from a room or the registry) and gone out, and while the client's
 * queue is half full: a client that sends faster than it reads is slowed down by its own answers
 * instead of being cut as a slow consumer.
 */
final class SessionRequestGate {

    private final TimerScheduler<SessionActor.Command> timers;
    private final Duration answerTimeout;
    private final int halfFull;
    private final ActorRef<SessionActor.Command> session;
    private final SessionOutbound outbound;
    private ActorRef<SessionActor.Ack> heldAck;
    /** Set by a handler that asked a room or the registry, which will answer this request. */
    private boolean awaitingAnswer;
    /** Set while the request waiting for its answer went to a room; its id, or "" without one. */
    private String roomRequest;
    /** The input ended while a request still waited for its answer: the close waits for that answer. */
    private SessionActor.ConnectionLost lostWhileAnswering;

    SessionRequestGate(TimerScheduler<SessionActor.Command> timers, ChatSettings.Limits limits,
                       ActorRef<SessionActor.Command> session, SessionOutbound outbound) {
        this.timers = timers;
        this.answerTimeout = limits.answerTimeout();
        this.halfFull = limits.maxOutbound() / 2;
        this.session = session;
        this.outbound = outbound;
    }

    /** A request came in: its ack waits here. */
    void hold(ActorRef<SessionActor.Ack> ack) {
        heldAck = ack;
        awaitingAnswer = false;
    }

    /** The request was sent on; a room that fails on it drops it, so the wait is bounded. */
    void awaitAnswer() {
        awaitingAnswer = true;
        timers.startSingleTimer(SessionActor.Tick.ANSWER_TIMEOUT, answerTimeout);
    }

    /** The request {@code re} (or null) went to a room, which may live on a node that dies with it. */
    void awaitRoomAnswer(String re) {
        awaitAnswer();
        roomRequest = re == null ? "" : re;
    }

    /** The id of the room request that waits for its answer ("" for one without), or null. */
    String roomRequest() {
        return awaitingAnswer ? roomRequest : null;
    }

    boolean isAwaitingAnswer() {
        return awaitingAnswer;
    }

    /**
     * The connection reports the end of the input right behind the last request, without waiting
     * for its ack: a client that sent it and closed its sending side (nc -N) still gets the
     * answer. {@link #release} hands the end back once the answer is out.
     */
    void holdEnd(SessionActor.ConnectionLost lost) {
        lostWhileAnswering = lost;
    }

    /** After a request was handled: lets the next in unless this one waits for its answer. */
    void releaseUnlessAwaiting(boolean closing) {
        if (!awaitingAnswer) {
            release(closing);
        }
    }

    /** The answer is out: the next request may come, at once or once the client has read enough. */
    void release(boolean closing) {
        awaitingAnswer = false;
        roomRequest = null;
        timers.cancel(SessionActor.Tick.ANSWER_TIMEOUT);
        if (lostWhileAnswering != null) {
            session.tell(lostWhileAnswering);
            lostWhileAnswering = null;
        }
        if (heldAck == null) {
            return;
        }
        if (closing || outbound.holdsFewerThan(halfFull)) {
            heldAck.tell(SessionActor.Ack.INSTANCE);
            heldAck = null;
        } else {
            outbound.notifyWhenBelow(halfFull);
        }
    }

    /** The client has read enough: a request held back for it may go on. */
    void onDrained(boolean closing) {
        if (heldAck != null && !awaitingAnswer) {
            release(closing);
        }
    }
}
