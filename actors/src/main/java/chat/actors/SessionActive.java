package chat.actors;

import chat.protocol.ClientFrame;
import chat.protocol.ErrorCode;
import chat.protocol.Names;
import chat.protocol.ProtocolLimits;
import chat.protocol.ServerFrame;
import chat.protocol.TextRules;
import java.util.Optional;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.RecipientRef;

/**
 * A registered client chatting: its requests are checked here and answered by its rooms or the
 * registry (its node's fan-out writes rooms' events and whispers to its connection); a client silent for a
 * heartbeat is pinged, and one that does not answer the ping is let go.
 */
final class SessionActive extends SessionOpen {

    static final String CLIENT_QUIT = "client quit";

    private boolean pinged;

    SessionActive(Session session) {
        super(session);
    }

    @Override
    protected Behavior<SessionActor.Command> handle(ClientFrame frame) {
        if (frame instanceof ClientFrame.Say say) {
            return onSay(say);
        } else if (frame instanceof ClientFrame.Join join) {
            return onJoin(join);
        } else if (frame instanceof ClientFrame.Leave leave) {
            return onLeave(leave);
        } else if (frame instanceof ClientFrame.Whisper whisper) {
            return onWhisper(whisper);
        } else if (frame instanceof ClientFrame.Nick rename) {
            return onNick(rename);
        } else if (frame instanceof ClientFrame.Topic topic) {
            return onTopic(topic);
        } else if (frame instanceof ClientFrame.Who who) {
            return onWho(who);
        } else if (frame instanceof ClientFrame.History history) {
            return onHistory(history);
        } else if (frame instanceof ClientFrame.Op op) {
            return moderate(op.room(), op.nick(), op, new RoomActor.SetRole(session.self, op.nick(), op.grant(), op.id()));
        } else if (frame instanceof ClientFrame.Kick kick) {
            return onKick(kick);
        } else if (frame instanceof ClientFrame.Ban ban) {
            return moderate(ban.room(), ban.nick(), ban, new RoomActor.SetBan(session.self, ban.nick(), ban.ban(), ban.id()));
        } else if (frame instanceof ClientFrame.Mode mode) {
            return onMode(mode);
        } else if (frame instanceof ClientFrame.Invite invite) {
            return moderate(invite.room(), invite.nick(), invite,
                    new RoomActor.Invite(session.self, invite.nick(), invite.id()));
        } else if (frame instanceof ClientFrame.Claim claim) {
            return moderate(claim.room(), null, claim, new RoomActor.Claim(session.self, claim.id()));
        } else if (frame instanceof ClientFrame.Kill kill) {
            return onKill(kill);
        } else if (frame instanceof ClientFrame.Register register) {
            return onRegister(register);
        } else if (frame instanceof ClientFrame.ChangePassword change) {
            return onChangePassword(change);
        } else if (frame instanceof ClientFrame.Rooms list) {
            return ask(new RegistryActor.ListRooms(session.rooms.keySet(), session.self, list.id()));
        } else if (frame instanceof ClientFrame.Ping ping) {
            session.send(new ServerFrame.Pong(ping.id()));
            return this;
        } else if (frame instanceof ClientFrame.Bye bye) {
            return onBye(bye);
        } else if (frame instanceof ClientFrame.Hello hello) {
            return reject(ErrorCode.ALREADY_REGISTERED, "you are registered as \"" + session.nick + "\" already", hello);
        } else if (frame instanceof ClientFrame.Pong) {
            // The client answered our ping; its arrival already reset the heartbeat.
            return this;
        }
        throw new IllegalStateException("no handler for a " + frame.getClass().getSimpleName() + " request");
    }

    /** Parting words, if any, go with the quit to the client's rooms: {@code client quit: lunch}. */
    private Behavior<SessionActor.Command> onBye(ClientFrame.Bye bye) {
        if (bye.reason() == null || bye.reason().isBlank()) {
            return session.sayByeAndClose(CLIENT_QUIT, bye.id());
        }
        Optional<String> problem = reasonProblem("bye", bye.reason());
        if (problem.isPresent()) {
            return reject(ErrorCode.BAD_TEXT, problem.get(), bye);
        }
        return session.sayByeAndClose(CLIENT_QUIT + ": " + bye.reason(), bye.id());
    }

    private Behavior<SessionActor.Command> onSay(ClientFrame.Say say) {
        Optional<ServerFrame.Error> refusal = refusalUnlessIn(say.room(), say.id());
        if (refusal.isPresent()) {
            return refuse(refusal.get());
        }
        Optional<String> problem = TextRules.messageProblem(say.text(), session.settings.limits().maxText());
        if (problem.isPresent()) {
            return reject(ErrorCode.BAD_TEXT, problem.get(), say);
        }
        return askRoom(session.rooms.get(Names.key(say.room())), new RoomActor.Say(session.self, say.text(), say.id()),
                say.id());
    }

    private Behavior<SessionActor.Command> onJoin(ClientFrame.Join join) {
        Optional<String> problem = Names.roomProblem(join.room());
        if (problem.isPresent()) {
            return reject(ErrorCode.BAD_ROOM, problem.get(), join);
        }
        int rooms = session.rooms.size();
        if (rooms >= session.settings.limits().maxRoomsPerSession() && !session.rooms.containsKey(Names.key(join.room()))) {
            return reject(ErrorCode.BAD_REQUEST, "you are in " + rooms + " rooms, the most one session may join", join);
        }
        return ask(new RegistryActor.JoinRoom(join.room(), session.nick, session.identity(), join.since(), session.self,
                session.outbound.outlet(), join.id()));
    }

    private Behavior<SessionActor.Command> onLeave(ClientFrame.Leave leave) {
        Optional<ServerFrame.Error> refusal = refusalUnlessIn(leave.room(), leave.id());
        if (refusal.isPresent()) {
            return refuse(refusal.get());
        }
        return askRoom(session.rooms.remove(Names.key(leave.room())), new RoomActor.Leave(session.self, leave.id()),
                leave.id());
    }

    private Behavior<SessionActor.Command> onWhisper(ClientFrame.Whisper whisper) {
        Optional<String> problem = Names.nickProblem(whisper.to());
        if (problem.isPresent()) {
            return reject(ErrorCode.BAD_NICK, problem.get(), whisper);
        }
        problem = TextRules.messageProblem(whisper.text(), session.settings.limits().maxText());
        if (problem.isPresent()) {
            return reject(ErrorCode.BAD_TEXT, problem.get(), whisper);
        }
        return ask(new RegistryActor.Whisper(session.nick, whisper.to(), whisper.text(), session.self, whisper.id()));
    }

    private Behavior<SessionActor.Command> onNick(ClientFrame.Nick rename) {
        Optional<String> problem = Names.nickProblem(rename.nick());
        if (problem.isPresent()) {
            return reject(ErrorCode.BAD_NICK, problem.get(), rename);
        }
        if (session.account != null && Names.key(rename.nick()).equals(Names.key(session.account))) {
            return claim(rename.nick(), rename.id());
        }
        // Another account's nick is only for whoever logs in to it: its account says whether it is one.
        return ask(new RegistryActor.LogIn(rename.nick(), null, session.self, rename.id()));
    }

    @Override
    protected Behavior<SessionActor.Command> onLoginChecked(SessionActor.LoginChecked checked) {
        return claim(checked.nick(), checked.re());
    }

    private Behavior<SessionActor.Command> claim(String nick, String re) {
        return ask(new RegistryActor.ClaimNick(nick, session.nickKey, session.self, session.outbound.outlet(), re));
    }

    /** A request of a room's owners and ops, about {@code nick} (null for none), which its room decides on. */
    private Behavior<SessionActor.Command> moderate(String room, String nick, ClientFrame frame, RoomActor.Command request) {
        Optional<ServerFrame.Error> refusal = refusalUnlessIn(room, frame.id());
        if (refusal.isPresent()) {
            return refuse(refusal.get());
        }
        if (nick != null) {
            Optional<String> problem = Names.nickProblem(nick);
            if (problem.isPresent()) {
                return reject(ErrorCode.BAD_NICK, problem.get(), frame);
            }
        }
        return askRoom(session.rooms.get(Names.key(room)), request, frame.id());
    }

    private Behavior<SessionActor.Command> onKick(ClientFrame.Kick kick) {
        Optional<String> problem = reasonProblem("kick", kick.reason());
        if (problem.isPresent()) {
            return reject(ErrorCode.BAD_TEXT, problem.get(), kick);
        }
        String reason = kick.reason() == null || kick.reason().isBlank() ? null : kick.reason();
        return moderate(kick.room(), kick.nick(), kick, new RoomActor.Kick(session.self, kick.nick(), reason, kick.id()));
    }

    private Behavior<SessionActor.Command> onMode(ClientFrame.Mode mode) {
        if (mode.invite() == null && mode.moderated() == null && mode.secret() == null) {
            return reject(ErrorCode.BAD_REQUEST, "a mode request sets at least one of \"invite\", \"moderated\" "
                    + "and \"secret\" (true or false)", mode);
        }
        return moderate(mode.room(), null, mode,
                new RoomActor.SetMode(session.self, mode.invite(), mode.moderated(), mode.secret(), mode.id()));
    }

    /** Only a server operator's; the target hears who and why in its {@code bye}. */
    private Behavior<SessionActor.Command> onKill(ClientFrame.Kill kill) {
        if (!session.settings.isOperator(session.account)) {
            return reject(ErrorCode.NOT_OP, "only server operators may kill", kill);
        }
        Optional<String> problem = Names.nickProblem(kill.nick());
        if (problem.isPresent()) {
            return reject(ErrorCode.BAD_NICK, problem.get(), kill);
        }
        problem = reasonProblem("kill", kill.reason());
        if (problem.isPresent()) {
            return reject(ErrorCode.BAD_TEXT, problem.get(), kill);
        }
        String farewell = "killed by " + session.nick
                + (kill.reason() == null || kill.reason().isBlank() ? "" : ": " + kill.reason());
        return ask(new RegistryActor.Kill(kill.nick(), farewell, session.self, kill.id()));
    }

    /** What is wrong with the reason given for a {@code what} (null for none): it is one line like a topic. */
    private Optional<String> reasonProblem(String what, String reason) {
        return reason == null ? Optional.empty() : TextRules.topicProblem(reason, session.settings.limits().maxTopic())
                .map(problem -> "the reason of a " + what + " is one line like a topic: " + problem);
    }

    private Behavior<SessionActor.Command> onRegister(ClientFrame.Register register) {
        if (session.account != null) {
            return reject(ErrorCode.ACCOUNT_EXISTS, "you are logged in to account \"" + session.account + "\" already",
                    register);
        }
        Optional<String> problem = register.password().problem();
        if (problem.isPresent()) {
            return reject(ErrorCode.BAD_PASSWORD, problem.get(), register);
        }
        return ask(new RegistryActor.Register(session.nick, register.password(), session.self, register.id()));
    }

    private Behavior<SessionActor.Command> onChangePassword(ClientFrame.ChangePassword change) {
        if (session.account == null) {
            return reject(ErrorCode.AUTH_REQUIRED, "you are a guest: register your nick before you give it a password",
                    change);
        }
        Optional<String> problem = change.password().problem();
        if (problem.isPresent()) {
            return reject(ErrorCode.BAD_PASSWORD, problem.get(), change);
        }
        return ask(new RegistryActor.ChangePassword(session.account, change.old(), change.password(), session.self,
                change.id()));
    }

    private Behavior<SessionActor.Command> onTopic(ClientFrame.Topic topic) {
        Optional<ServerFrame.Error> refusal = refusalUnlessIn(topic.room(), topic.id());
        if (refusal.isPresent()) {
            return refuse(refusal.get());
        }
        Optional<String> problem = TextRules.topicProblem(topic.topic(), session.settings.limits().maxTopic());
        if (problem.isPresent()) {
            return reject(ErrorCode.BAD_TEXT, problem.get(), topic);
        }
        return askRoom(session.rooms.get(Names.key(topic.room())),
                new RoomActor.SetTopic(session.self, topic.topic(), topic.id()), topic.id());
    }

    private Behavior<SessionActor.Command> onWho(ClientFrame.Who who) {
        Optional<String> problem = Names.roomProblem(who.room());
        if (problem.isPresent()) {
            return reject(ErrorCode.BAD_ROOM, problem.get(), who);
        }
        return ask(new RegistryActor.WhoIn(who.room(), session.self, who.id()));
    }

    private Behavior<SessionActor.Command> onHistory(ClientFrame.History history) {
        Optional<String> problem = Names.roomProblem(history.room());
        if (problem.isPresent()) {
            return reject(ErrorCode.BAD_ROOM, problem.get(), history);
        }
        int limit = history.limit() == null ? ProtocolLimits.DEFAULT_HISTORY_LIMIT : history.limit();
        return ask(new RegistryActor.HistoryOf(history.room(), history.before(), limit, session.self, history.id()));
    }

    /** Empty when the session is in a validly named room; else the error that answers request {@code re}. */
    private Optional<ServerFrame.Error> refusalUnlessIn(String room, String re) {
        Optional<String> problem = Names.roomProblem(room);
        if (problem.isPresent()) {
            return Optional.of(new ServerFrame.Error(ErrorCode.BAD_ROOM, problem.get(), re));
        }
        if (!session.rooms.containsKey(Names.key(room))) {
            return Optional.of(new ServerFrame.Error(ErrorCode.NOT_IN_ROOM,
                    "you are not in room \"" + room + "\"; join it first", re));
        }
        return Optional.empty();
    }

    private Behavior<SessionActor.Command> refuse(ServerFrame.Error refusal) {
        session.send(refusal);
        return this;
    }

    private Behavior<SessionActor.Command> askRoom(RecipientRef<RoomActor.Command> room, RoomActor.Command request,
                                                   String re) {
        session.gate.awaitRoomAnswer(re);
        room.tell(request);
        return this;
    }

    @Override
    protected Behavior<SessionActor.Command> onNickClaimed(SessionActor.NickClaimed claimed) {
        String old = session.nick;
        session.nick = claimed.nick();
        session.nickKey = claimed.key();
        session.send(new ServerFrame.NickChanged(old, session.nick, claimed.re()));
        if (!session.nick.equals(old)) {
            Session.LOG.info("rename {} from {} to {}", session.peer, old, session.nick);
            session.rooms.values().forEach(room -> room.tell(new RoomActor.Rename(session.self, session.nick)));
        }
        session.gate.release(session.isClosing());
        return this;
    }

    @Override
    protected void heardFromClient() {
        pinged = false;
        session.timers.startSingleTimer(SessionActor.Tick.SILENCE, session.settings.heartbeat());
    }

    @Override
    protected Behavior<SessionActor.Command> onTimer(SessionActor.Tick tick) {
        if (tick != SessionActor.Tick.SILENCE) {
            return this;
        }
        if (pinged) {
            return session.sayByeAndClose("ping timeout", null);
        }
        pinged = true;
        session.send(new ServerFrame.Ping());
        session.timers.startSingleTimer(SessionActor.Tick.SILENCE, session.settings.heartbeat());
        return this;
    }
}
