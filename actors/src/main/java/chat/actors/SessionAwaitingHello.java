package chat.actors;

import chat.actors.session.RegistrationRules;
import chat.actors.session.Spoken;
import chat.protocol.ClientFrame;
import chat.protocol.ErrorCode;
import chat.protocol.Names;
import chat.protocol.ProtocolLimits;
import chat.protocol.ServerFrame;
import java.util.Optional;
import org.apache.pekko.actor.typed.Behavior;

/**
 * The first phase: the client has connected and must say {@code hello} with a free nick within
 * {@code limits.register-timeout}. Once the registry has given it the nick, the session is
 * welcomed, joins the default room and becomes {@link SessionActive}.
 */
final class SessionAwaitingHello extends SessionOpen {

    /** The account the hello logged in to while its nick is being claimed; null for a guest. */
    private String loggingInTo;

    SessionAwaitingHello(Session session) {
        super(session);
    }

    @Override
    protected Behavior<SessionActor.Command> handle(ClientFrame frame) {
        if (!RegistrationRules.allowedBeforeHello(frame)) {
            return reject(ErrorCode.NOT_REGISTERED, "say hello first: {\"type\":\"hello\",\"nick\":\"...\"}", frame);
        }
        if (frame instanceof ClientFrame.Hello hello) {
            return onHello(hello);
        } else if (frame instanceof ClientFrame.Bye bye) {
            return session.sayByeAndClose(SessionActive.CLIENT_QUIT, bye.id());
        }
        throw new IllegalStateException("RegistrationRules let in a " + frame.getClass().getSimpleName()
                + " request, which nothing handles before hello");
    }

    private Behavior<SessionActor.Command> onHello(ClientFrame.Hello hello) {
        if (hello.protocol() != null && hello.protocol() != ProtocolLimits.PROTOCOL_VERSION) {
            return reject(ErrorCode.BAD_REQUEST, "this server speaks protocol " + ProtocolLimits.PROTOCOL_VERSION
                    + ", not " + hello.protocol(), hello);
        }
        Optional<String> problem = Names.nickProblem(hello.nick());
        if (problem.isPresent()) {
            return reject(ErrorCode.BAD_NICK, problem.get(), hello);
        }
        if (hello.password() != null && hello.password().problem().isPresent()) {
            return reject(ErrorCode.BAD_PASSWORD, hello.password().problem().get(), hello);
        }
        return ask(new RegistryActor.LogIn(hello.nick(), hello.password(), session.self, hello.id()));
    }

    /** The nick is free for this session to claim: a guest's, or the account it logged in to. */
    @Override
    protected Behavior<SessionActor.Command> onLoginChecked(SessionActor.LoginChecked checked) {
        loggingInTo = checked.account();
        return ask(new RegistryActor.ClaimNick(checked.nick(), null, session.self, session.outbound.outlet(), checked.re()));
    }

    @Override
    protected Behavior<SessionActor.Command> onNickClaimed(SessionActor.NickClaimed claimed) {
        session.nick = claimed.nick();
        session.nickKey = claimed.key();
        session.account = loggingInTo;
        session.timers.cancel(SessionActor.Tick.REGISTER_TIMEOUT);
        session.timers.startSingleTimer(SessionActor.Tick.SILENCE, session.settings.heartbeat());
        if (session.account == null) {
            Session.LOG.info("register {} as {}", session.peer, session.nick);
        } else {
            Session.LOG.info("register {} as {}, logged in to account {}", session.peer, session.nick, session.account);
        }
        ChatSettings settings = session.settings;
        session.send(new ServerFrame.Welcome(session.nick, ProtocolLimits.PROTOCOL_VERSION, settings.serverName(),
                Spoken.wholeSeconds(settings.heartbeat()), settings.motd(), session.account, claimed.re()));
        SessionActive active = new SessionActive(session);
        if (settings.defaultRoom().isPresent()) {
            // The hello completes with the default room's joined frame, so a say right after it finds the room.
            session.registry.tell(new RegistryActor.JoinRoom(settings.defaultRoom().get(), session.nick, session.identity(), null,
                    session.self, session.outbound.outlet(), null));
        } else {
            session.gate.release(false);
        }
        return active;
    }

    @Override
    protected void heardFromClient() {
        // The registration timeout runs from the connection, whatever the client says meanwhile.
    }

    @Override
    protected Behavior<SessionActor.Command> onTimer(SessionActor.Tick tick) {
        if (tick == SessionActor.Tick.REGISTER_TIMEOUT) {
            String within = Spoken.duration(session.settings.limits().registerTimeout());
            // A claim is lost when the node keeping the nick dies before anyone knows: the client did its part.
            return session.sayByeAndClose(session.gate.isAwaitingAnswer()
                    ? "registration timeout: your nick was not confirmed within " + within
                            + " (a server of the cluster may have gone down); connect again"
                    : "registration timeout: no hello within " + within, null);
        }
        return this;
    }
}
