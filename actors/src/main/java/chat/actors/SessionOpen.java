package chat.actors;

import chat.actors.session.Spoken;
import chat.protocol.ClientFrame;
import chat.protocol.Decoded;
import chat.protocol.ErrorCode;
import chat.protocol.ServerFrame;
import java.math.BigDecimal;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.Signal;
import org.apache.pekko.actor.typed.javadsl.AbstractMatchingBehavior;

/**
 * What a session does the same before and after {@code hello}: it takes requests one at a time
 * within the rate limit, passes answers on to the client, and starts closing when the client
 * goes, the server stops or an answer never comes. The phases decide which requests they take.
 */
abstract class SessionOpen extends AbstractMatchingBehavior<SessionActor.Command> {

    static final String SLOW_CONSUMER = "slow consumer";

    protected final Session session;

    SessionOpen(Session session) {
        super(session.context);
        this.session = session;
    }

    /** The request of a client in this phase: its answer is sent, or asked for. */
    protected abstract Behavior<SessionActor.Command> handle(ClientFrame frame);

    protected abstract Behavior<SessionActor.Command> onNickClaimed(SessionActor.NickClaimed claimed);

    /** The account said the session may claim the nick (as a guest, or logged in). */
    protected abstract Behavior<SessionActor.Command> onLoginChecked(SessionActor.LoginChecked checked);

    /** A frame arrived from the client: whatever it is, the client is alive. */
    protected abstract void heardFromClient();

    protected abstract Behavior<SessionActor.Command> onTimer(SessionActor.Tick tick);

    /**
     * One dispatch for all sessions, hot messages first. (A {@code ReceiveBuilder} would build 15
     * cases per session: the largest part of an idle connection's heap that was ours.) Once a
     * message has started the close (a slow consumer cut while sending, say), the closing phase
     * takes over whatever the handler returned.
     */
    @Override
    public Behavior<SessionActor.Command> onMessage(SessionActor.Command message) {
        Behavior<SessionActor.Command> next = dispatch(message);
        return session.isClosing() ? session.afterCloseStarted() : next;
    }

    private Behavior<SessionActor.Command> dispatch(SessionActor.Command message) {
        if (message instanceof SessionActor.Received received) {
            return onReceived(received);
        }
        if (message instanceof SessionActor.AnswerWritten) {
            session.gate.release(session.isClosing());
            return this;
        }
        if (message instanceof SessionActor.Answer answer) {
            session.send(answer.frame());
            session.gate.release(session.isClosing());
            return this;
        }
        if (message instanceof SessionActor.FellBehind) {
            return session.sayByeAndClose(SLOW_CONSUMER, null);
        }
        if (message instanceof SessionActor.Drained) {
            session.gate.onDrained(false);
            return this;
        }
        if (message instanceof SessionActor.Connected connected) {
            session.connect(connected);
            return this;
        }
        if (message instanceof SessionActor.ConnectionLost lost) {
            return onConnectionLost(lost);
        }
        if (message instanceof SessionActor.ServerShutdown) {
            return session.sayByeAndClose(SessionActor.SHUTTING_DOWN, null);
        }
        if (message instanceof SessionActor.NickClaimed claimed) {
            return onNickClaimed(claimed);
        }
        if (message instanceof SessionActor.NickKept kept) {
            return onNickKept(kept);
        }
        if (message instanceof SessionActor.NickLost lost) {
            return lost.key().equals(session.nickKey) ? session.sayByeAndClose("your nick \"" + lost.nick()
                    + "\" belongs to someone who held it before, while the server keeping it went down; connect again",
                    null) : this;
        }
        if (message instanceof SessionActor.NickRefused refused) {
            session.sendError(refused.code(), refused.message(), refused.re());
            session.gate.release(session.isClosing());
            return this;
        }
        if (message instanceof SessionActor.LoginChecked checked) {
            return onLoginChecked(checked);
        }
        if (message instanceof SessionActor.WrongPassword wrong) {
            // For whoever watches the log for guessing; the password itself is never logged.
            Session.LOG.info("{} gave a wrong password for account {}", session.peer, wrong.account());
            session.registry.tell(new RegistryActor.LoginFailed(session.self));
            session.sendError(ErrorCode.AUTH_FAILED, wrong.message(), wrong.re());
            session.gate.release(session.isClosing());
            return this;
        }
        if (message instanceof SessionActor.AccountRegistered registered) {
            session.account = registered.account();
            Session.LOG.info("{} registered account {}", session.peer, registered.account());
            session.rooms.values().forEach(room -> room.tell(new RoomActor.Identify(session.self, session.identity())));
            session.send(new ServerFrame.Registered(registered.account(), registered.re()));
            session.gate.release(session.isClosing());
            return this;
        }
        if (message instanceof SessionActor.RoomLeft left) {
            session.rooms.remove(left.roomKey());
            return this;
        }
        if (message instanceof SessionActor.Killed killed) {
            return session.sayByeAndClose(killed.reason(), null);
        }
        if (message instanceof SessionActor.RoomJoined joined) {
            session.rooms.put(joined.roomKey(), session.roomRefs.room(joined.roomKey()));
            session.gate.release(session.isClosing());
            return this;
        }
        SessionActor.Tick tick = (SessionActor.Tick) message;
        return tick == SessionActor.Tick.ANSWER_TIMEOUT ? onAnswerTimeout() : onTimer(tick);
    }

    private Behavior<SessionActor.Command> onReceived(SessionActor.Received received) {
        heardFromClient();
        Decoded decoded = received.decoded();
        String re = decoded instanceof Decoded.Request request ? request.frame().id() : ((Decoded.Rejected) decoded).re();
        long now = System.nanoTime();
        if (!session.rate.tryTake(now)) {
            if (!session.patience.tryTake(now)) {
                return session.sayByeAndClose("rate limit exceeded", null);
            }
            // A rate of 20 reads "20", not "20.0"; a fractional one keeps its fraction.
            String perSecond = BigDecimal.valueOf(session.settings.limits().rate()).stripTrailingZeros().toPlainString();
            session.sendError(ErrorCode.RATE_LIMITED, "slow down: at most " + perSecond
                    + " frames per second, bursts of " + session.settings.limits().burst(), re);
            received.ack().tell(SessionActor.Ack.INSTANCE);
            return this;
        }
        if (decoded instanceof Decoded.Rejected rejected) {
            if (rejected.code().closesConnection()) {
                return session.closeWith(rejected.toFrame(), rejected.code().wire());
            }
            session.send(rejected.toFrame());
            received.ack().tell(SessionActor.Ack.INSTANCE);
            return this;
        }
        session.gate.hold(received.ack());
        Behavior<SessionActor.Command> next = handle(((Decoded.Request) decoded).frame());
        session.gate.releaseUnlessAwaiting(session.isClosing());
        return next;
    }

    /** Comes after the nick's claim was answered, so a nick this session renamed away from is known. */
    private Behavior<SessionActor.Command> onNickKept(SessionActor.NickKept kept) {
        if (kept.key().equals(session.nickKey)) {
            session.registry.tell(new RegistryActor.NickKept(
                    new NodeFanOut.NickHeld(session.self, kept.nick(), kept.key(), kept.keeper())));
        } else {
            kept.keeper().tell(new NickActor.Release(session.self));
        }
        return this;
    }

    private Behavior<SessionActor.Command> onConnectionLost(SessionActor.ConnectionLost lost) {
        if (session.gate.isAwaitingAnswer()) {
            session.gate.holdEnd(lost);
            return this;
        }
        return session.peerGone(lost.reason());
    }

    /**
     * The room or registry that had the request failed and lost it. What this session believes
     * about its rooms may now be wrong, so it ends cleanly and the client reconnects.
     */
    private Behavior<SessionActor.Command> onAnswerTimeout() {
        if (!session.gate.isAwaitingAnswer()) {
            return this;
        }
        String roomRequest = session.gate.roomRequest();
        if (roomRequest != null) {
            // A room that died with its node took the request along; the room itself comes back on
            // another node, so only this request is lost, not what the session knows of its rooms.
            Session.LOG.warn("no answer from a room for {} within {}", session.peer, session.settings.limits().answerTimeout());
            session.sendError(ErrorCode.UNAVAILABLE, "the room did not answer within "
                    + Spoken.duration(session.settings.limits().answerTimeout())
                    + " (it may be moving to another server): your request may not have been carried out; "
                    + "if a line of yours does not show in the room, send it again",
                    roomRequest.isEmpty() ? null : roomRequest);
            session.gate.release(session.isClosing());
            return this;
        }
        Session.LOG.warn("no answer for {} within {}", session.peer, session.settings.limits().answerTimeout());
        return session.sayByeAndClose("server error: your request got no answer within "
                + Spoken.duration(session.settings.limits().answerTimeout()) + "; please reconnect", null);
    }

    /** Sends the request on to whoever answers it; the answer lets the next request in. */
    protected Behavior<SessionActor.Command> ask(RegistryActor.Command request) {
        session.gate.awaitAnswer();
        session.registry.tell(request);
        return this;
    }

    protected Behavior<SessionActor.Command> reject(ErrorCode code, String message, ClientFrame frame) {
        session.sendError(code, message, frame.id());
        return this;
    }

    @Override
    public Behavior<SessionActor.Command> onSignal(Signal signal) throws Exception {
        if (signal instanceof PostStop) {
            session.stoppedWhileOpen();
            return this;
        }
        return super.onSignal(signal);
    }
}
