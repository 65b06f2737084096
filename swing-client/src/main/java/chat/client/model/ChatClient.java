package chat.client.model;

import chat.client.net.ConnectFailure;
import chat.client.net.ServerList;
import chat.client.net.Transport;
import chat.client.net.TransportFactory;
import chat.client.net.TransportListener;
import chat.protocol.ClientFrame;
import chat.protocol.ErrorCode;
import chat.protocol.ProtocolLimits;
import chat.protocol.Secret;
import chat.protocol.ServerFrame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The session with the server: logs in, turns what the user typed into requests, feeds server
 * frames to the {@link ChatModel}, and after a lost connection reconnects with backoff, to the next
 * server of its list when it has several, and rejoins every room from the last message it showed.
 * All its methods run on the model's thread; the transport's threads only hand frames over to that
 * thread.
 */
public final class ChatClient {

    static final String CLIENT_NAME = "chat-swing/1.0";
    /** A server pings after one heartbeat of silence, so two heartbeats without a frame mean it is gone. */
    private static final int HEARTBEATS_OF_SILENCE = 2;
    /** How long a quitting client waits for the server's goodbye before hanging up itself. */
    private static final Duration QUIT_GRACE = Duration.ofSeconds(2);

    /** DISCONNECTED: the user stopped reconnecting and may reconnect by hand. */
    private enum Phase { IDLE, LOGGING_IN, ONLINE, RECONNECTING, DISCONNECTED, QUITTING, CLOSED }

    private enum Purpose { JOIN, REJOIN, WHO, HISTORY, WHISPER, REGISTER, CHANGE_PASSWORD, MODERATE, OTHER }

    /**
     * What a request with an id was for, so its answer or error lands in the right place; a
     * register or password change keeps the new password, which becomes the one reconnects log in with.
     */
    private record Request(Purpose purpose, String conversationKey, int limit, Secret password) {
        Request(Purpose purpose, String conversationKey, int limit) {
            this(purpose, conversationKey, limit, null);
        }
    }

    private final ChatModel model;
    private final TransportFactory transports;
    private final Executor modelThread;
    private final ScheduledExecutorService timer;
    private final ReconnectPolicy reconnectPolicy;
    private final Map<String, Request> requests = new HashMap<>();

    private Phase phase = Phase.IDLE;
    private ServerRotation servers;
    /** Why each server failed during the login under way, for one sentence when all of them did. */
    private final List<String> loginFailures = new ArrayList<>();
    private String wantedNick;
    private Transport transport;
    private int generation;
    /** Counts scheduled reconnects, so that one the user overtook by hand does nothing when it fires. */
    private int reconnectTicket;
    /** True while the last reconnect found this user's nick taken. */
    private boolean nickTaken;
    private long lastRequestId;
    private String byeReason;
    private final Account account = new Account();
    /** True while the user is asked for a password; the login waits for the answer with no connection open. */
    private boolean passwordAsked;
    /** True when the hello of the current connection carried a password, so a rate-limited answer is about passwords. */
    private boolean helloHadPassword;
    /** True once the current connection brought a frame: a login cut before any was probably not talking to a chat server. */
    private boolean heardFromServer;
    /** The rooms this client was in when it last lost the connection; null before any loss. */
    private Set<String> roomsToRestore;

    public ChatClient(ChatModel model, TransportFactory transports, Executor modelThread,
            ScheduledExecutorService timer, ReconnectPolicy reconnectPolicy) {
        this.model = model;
        this.transports = transports;
        this.modelThread = modelThread;
        this.timer = timer;
        this.reconnectPolicy = reconnectPolicy;
    }

    public ChatModel model() {
        return model;
    }

    /**
     * Logs in as {@code nick} on the first of {@code list} that lets this user in, trying each once;
     * the model then reports {@code loggedIn} or {@code loginFailed}.
     */
    public void connect(ServerList list, String nick) {
        connect(list, nick, null);
    }

    /** Logs in as above, to the account {@code nick} with {@code password}; a null password logs in as a guest. */
    public void connect(ServerList list, String nick, Secret password) {
        servers = new ServerRotation(list, reconnectPolicy);
        loginFailures.clear();
        wantedNick = nick;
        account.loggingIn(nick, password);
        passwordAsked = false;
        phase = Phase.LOGGING_IN;
        connecting();
    }

    private void connecting() {
        model.status(new ConnectionStatus(ConnectionStatus.State.CONNECTING, "Connecting to " + servers.current() + "…"));
        open();
    }

    /** Acts on one line the user typed: a message to the current conversation or a slash command. */
    public void submit(String line) {
        Command command = CommandParser.parse(line);
        if (command instanceof Command.Help) {
            model.notice("Commands (Tab completes commands and nicks):\n" + String.join("\n", CommandParser.USAGE));
        } else if (command instanceof Command.Invalid invalid) {
            model.error(null, invalid.problem());
        } else if (command instanceof Command.Quit) {
            quit();
        } else if (phase != Phase.ONLINE) {
            model.error(null, "Not connected: wait until the connection is back.");
        } else {
            perform(command);
        }
    }

    /** Asks for the page of messages before the oldest one shown, when there is one and none is on its way. */
    public void loadOlder(Conversation room) {
        if (phase != Phase.ONLINE || !room.isRoom() || !room.joined() || !room.olderAvailable() || room.loadingOlder()) {
            return;
        }
        int limit = ProtocolLimits.DEFAULT_HISTORY_LIMIT;
        String id = request(new Request(Purpose.HISTORY, room.key(), limit));
        model.olderRequested(room);
        transport.send(new ClientFrame.History(id, room.name(), room.oldestSeq(), limit));
    }

    /** Says goodbye to the server; the model reports {@code ended} once the connection is closed. */
    public void quit() {
        if (phase == Phase.QUITTING || phase == Phase.CLOSED) {
            return;
        }
        phase = Phase.QUITTING;
        if (transport == null) {
            end();
            return;
        }
        Transport quitting = transport;
        quitting.send(new ClientFrame.Bye(null, null));
        quitting.finish();
        timer.schedule(quitting::close, QUIT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The answer to {@code passwordWanted}: logs in again, now with the account's password. */
    public void logIn(Secret password) {
        if (!passwordAsked) {
            return;
        }
        passwordAsked = false;
        account.loggingIn(wantedNick, password);
        if (phase == Phase.LOGGING_IN) {
            loginFailures.clear();
            connecting();
        } else {
            reconnect();
        }
    }

    /** The other answer to {@code passwordWanted}: the user would rather log in under another nick. */
    public void chooseAnotherNick() {
        if (!passwordAsked) {
            return;
        }
        passwordAsked = false;
        String sentence = "\u201c" + wantedNick + "\u201d is a registered account: choose another nick, or log in with its password.";
        if (phase == Phase.LOGGING_IN) {
            failLogin(sentence, LoginField.NICK);
        } else {
            model.status(new ConnectionStatus(ConnectionStatus.State.PASSWORD_NEEDED, sentence + " Reconnect to enter the password."));
        }
    }

    /** Makes the current nick an account with {@code password}; the model reports the answer with {@code accountAnswered}. */
    public void register(Secret password) {
        if (acceptable(AccountAnswer.Request.REGISTER, password)) {
            transport.send(new ClientFrame.Register(request(new Request(Purpose.REGISTER, null, 0, password)), password));
        }
    }

    /** Changes the account's password from {@code old} to {@code password}; answered with {@code accountAnswered}. */
    public void changePassword(Secret old, Secret password) {
        if (acceptable(AccountAnswer.Request.CHANGE_PASSWORD, password)) {
            transport.send(new ClientFrame.ChangePassword(request(new Request(Purpose.CHANGE_PASSWORD, null, 0, password)), old, password));
        }
    }

    private boolean acceptable(AccountAnswer.Request what, Secret password) {
        Optional<String> problem = password.problem();
        if (problem.isPresent()) {
            model.accountAnswered(new AccountAnswer(what, false, "That password will not do: " + problem.get() + "."));
            return false;
        }
        if (phase != Phase.ONLINE) {
            model.accountAnswered(new AccountAnswer(what, false, "Not connected: wait until the connection is back."));
            return false;
        }
        return true;
    }

    private void perform(Command command) {
        Conversation current = model.selected().orElse(null);
        if (command instanceof Command.Say say) {
            say(current, say.text());
        } else if (command instanceof Command.Join join) {
            join(join.room());
        } else if (command instanceof Command.Leave leave) {
            leave(leave.room(), current);
        } else if (command instanceof Command.Nick nick) {
            Optional<String> problem = NameProblems.nick(nick.nick());
            if (problem.isPresent()) {
                model.error(null, "Cannot use that nick: " + problem.get());
            } else {
                transport.send(new ClientFrame.Nick(request(Purpose.OTHER, current), nick.nick()));
            }
        } else if (command instanceof Command.Topic topic) {
            inCurrentRoom(current, "/topic").ifPresent(room ->
                    transport.send(new ClientFrame.Topic(request(Purpose.OTHER, room), room.name(), topic.topic())));
        } else if (command instanceof Command.Msg msg) {
            transport.send(new ClientFrame.Whisper(request(Purpose.WHISPER, current), msg.nick(), msg.text()));
        } else if (command instanceof Command.Who who) {
            Optional<String> room = who.room() != null ? Optional.of(NameProblems.roomNamed(who.room()))
                    : inCurrentRoom(current, "/who").map(Conversation::name);
            room.ifPresent(name -> transport.send(new ClientFrame.Who(request(Purpose.WHO, current), name)));
        } else if (command instanceof Command.Rooms) {
            transport.send(new ClientFrame.Rooms(request(Purpose.OTHER, current)));
        } else if (command instanceof Command.Kill kill) {
            transport.send(new ClientFrame.Kill(request(Purpose.OTHER, current), kill.nick(), kill.reason()));
        } else {
            inCurrentRoom(current, commandName(command)).ifPresent(room -> moderate(room, command));
        }
    }

    private static String commandName(Command command) {
        if (command instanceof Command.Op op) {
            return op.grant() ? "/op" : "/deop";
        } else if (command instanceof Command.Ban ban) {
            return ban.ban() ? "/ban" : "/unban";
        }
        return "/" + command.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    /** Gives or takes op from {@code nick} in {@code room}: everyone there sees a {@code role} line. */
    public void op(Conversation room, String nick, boolean grant) {
        online(room).ifPresent(r -> moderate(r, new Command.Op(nick, grant)));
    }

    /** Puts {@code nick} out of {@code room}; {@code reason} may be null or blank. */
    public void kick(Conversation room, String nick, String reason) {
        online(room).ifPresent(r -> moderate(r, new Command.Kick(nick, reason)));
    }

    /** Bans {@code nick} from {@code room}, or lifts the ban; the answer lists the bans. */
    public void ban(Conversation room, String nick, boolean ban) {
        online(room).ifPresent(r -> moderate(r, new Command.Ban(nick, ban)));
    }

    /** Lets {@code nick} join {@code room} once, invite-only or not. */
    public void invite(Conversation room, String nick) {
        online(room).ifPresent(r -> moderate(r, new Command.Invite(nick)));
    }

    /** Sets the room's flags that are not null. */
    public void mode(Conversation room, Boolean invite, Boolean moderated, Boolean secret) {
        online(room).ifPresent(r -> moderate(r, new Command.Mode(invite, moderated, secret)));
    }

    /** Takes a room nobody owns; for accounts. */
    public void claim(Conversation room) {
        online(room).ifPresent(r -> moderate(r, new Command.Claim()));
    }

    private Optional<Conversation> online(Conversation room) {
        if (phase != Phase.ONLINE) {
            model.error(null, "Not connected: wait until the connection is back.");
            return Optional.empty();
        }
        return Optional.of(room);
    }

    private void moderate(Conversation room, Command command) {
        if (!room.joined()) {
            model.error(room.key(), "You are not in " + room.name() + ": /join " + room.name() + " first.");
            return;
        }
        String id = request(new Request(Purpose.MODERATE, room.key(), 0));
        String name = room.name();
        ClientFrame frame;
        if (command instanceof Command.Op op) {
            frame = new ClientFrame.Op(id, name, op.nick(), op.grant());
        } else if (command instanceof Command.Kick kick) {
            frame = new ClientFrame.Kick(id, name, kick.nick(),
                    kick.reason() == null || kick.reason().isBlank() ? null : kick.reason().strip());
        } else if (command instanceof Command.Ban ban) {
            frame = new ClientFrame.Ban(id, name, ban.nick(), ban.ban());
        } else if (command instanceof Command.Invite invite) {
            frame = new ClientFrame.Invite(id, name, invite.nick());
        } else if (command instanceof Command.Mode mode) {
            frame = new ClientFrame.Mode(id, name, mode.invite(), mode.moderated(), mode.secret());
        } else if (command instanceof Command.Claim) {
            frame = new ClientFrame.Claim(id, name);
        } else {
            throw new IllegalArgumentException("not a room's moderation: " + command);
        }
        transport.send(frame);
    }

    private void say(Conversation current, String text) {
        if (text.isBlank()) {
            return;
        }
        if (current == null || current.kind() == Conversation.Kind.SERVER) {
            model.error(null, "Join a room first: /join ROOM");
        } else if (current.isRoom()) {
            transport.send(new ClientFrame.Say(request(Purpose.OTHER, current), current.name(), text));
        } else {
            transport.send(new ClientFrame.Whisper(request(Purpose.WHISPER, current), current.name(), text));
        }
    }

    private void join(String typed) {
        String room = NameProblems.roomNamed(typed);
        Optional<String> problem = NameProblems.room(room);
        if (problem.isPresent()) {
            model.error(null, "Cannot join that room: " + problem.get());
            return;
        }
        Optional<Conversation> existing = model.room(room).filter(Conversation::joined);
        if (existing.isPresent()) {
            model.select(existing.get().key());
            return;
        }
        transport.send(new ClientFrame.Join(request(new Request(Purpose.JOIN, Conversation.roomKey(room), 0)), room, null));
    }

    private void leave(String room, Conversation current) {
        if (room == null && current != null && !current.isRoom()) {
            model.close(current.key());
            return;
        }
        Optional<String> target = room != null ? Optional.of(NameProblems.roomNamed(room)) : inCurrentRoom(current, "/leave").map(Conversation::name);
        target.ifPresent(name -> transport.send(new ClientFrame.Leave(request(Purpose.OTHER, current), name)));
    }

    private Optional<Conversation> inCurrentRoom(Conversation current, String command) {
        if (current == null || !current.isRoom()) {
            model.error(null, command + " needs a room: switch to one, or name it");
            return Optional.empty();
        }
        return Optional.of(current);
    }

    private String request(Purpose purpose, Conversation about) {
        return request(new Request(purpose, about == null ? null : about.key(), 0));
    }

    private String request(Request request) {
        String id = "c" + (++lastRequestId);
        requests.put(id, request);
        return id;
    }

    private void open() {
        int current = ++generation;
        transport = transports.open(servers.current(), new TransportListener() {
            @Override
            public void received(ServerFrame frame) {
                modelThread.execute(() -> {
                    if (current == generation) {
                        handle(frame);
                    }
                });
            }

            @Override
            public void closed(String reason, ConnectFailure failure) {
                modelThread.execute(() -> {
                    if (current == generation) {
                        lost(reason, failure);
                    }
                });
            }
        });
        Secret password = account.passwordFor(wantedNick);
        helloHadPassword = password != null;
        heardFromServer = false;
        transport.send(new ClientFrame.Hello(null, wantedNick, ProtocolLimits.PROTOCOL_VERSION, CLIENT_NAME, password));
    }

    private void handle(ServerFrame frame) {
        heardFromServer = true;
        Request request = answered(frame);
        if (frame instanceof ServerFrame.Welcome welcome) {
            welcomed(welcome);
        } else if (frame instanceof ServerFrame.Registered registered) {
            registered(registered, request);
        } else if (frame instanceof ServerFrame.PasswordChanged) {
            passwordChanged(request);
        } else if (frame instanceof ServerFrame.Ping) {
            transport.send(new ClientFrame.Pong(null));
        } else if (frame instanceof ServerFrame.Bye bye) {
            byeReason = bye.reason();
        } else if (frame instanceof ServerFrame.Joined joined) {
            joined(joined, request);
        } else if (frame instanceof ServerFrame.Left left) {
            model.close(Conversation.roomKey(left.room()));
        } else if (frame instanceof ServerFrame.Presence presence) {
            model.presence(presence);
        } else if (frame instanceof ServerFrame.Message message) {
            model.message(message);
        } else if (frame instanceof ServerFrame.Whisper whisper) {
            model.whisper(whisper, request != null);
        } else if (frame instanceof ServerFrame.NickChanged nick) {
            wantedNick = nick.nick();
            model.nickChanged(nick);
            model.status(online(nick.nick()));
        } else if (frame instanceof ServerFrame.Topic topic) {
            model.topic(topic);
        } else if (frame instanceof ServerFrame.RoomList rooms) {
            model.roomList(rooms);
        } else if (frame instanceof ServerFrame.Members members) {
            model.members(members, request != null);
        } else if (frame instanceof ServerFrame.History history) {
            model.history(history, request == null ? ProtocolLimits.DEFAULT_HISTORY_LIMIT : request.limit());
        } else if (frame instanceof ServerFrame.RoleChanged role) {
            model.roleChanged(role);
        } else if (frame instanceof ServerFrame.Kicked kicked) {
            model.kicked(kicked);
        } else if (frame instanceof ServerFrame.ModeChanged mode) {
            model.modeChanged(mode);
        } else if (frame instanceof ServerFrame.Bans bans) {
            model.bans(bans, request == null ? null : request.conversationKey());
        } else if (frame instanceof ServerFrame.Invited invited) {
            model.invited(invited);
        } else if (frame instanceof ServerFrame.Killed killed) {
            model.killed(killed);
        } else if (frame instanceof ServerFrame.Error error) {
            failed(error, request);
        }
    }

    private Request answered(ServerFrame frame) {
        String re = switch (frame.type()) {
            case "welcome" -> ((ServerFrame.Welcome) frame).re();
            case "registered" -> ((ServerFrame.Registered) frame).re();
            case "password-changed" -> ((ServerFrame.PasswordChanged) frame).re();
            case "joined" -> ((ServerFrame.Joined) frame).re();
            case "whisper" -> ((ServerFrame.Whisper) frame).re();
            case "members" -> ((ServerFrame.Members) frame).re();
            case "history" -> ((ServerFrame.History) frame).re();
            case "error" -> ((ServerFrame.Error) frame).re();
            case "presence" -> ((ServerFrame.Presence) frame).re();
            case "role" -> ((ServerFrame.RoleChanged) frame).re();
            case "kicked" -> ((ServerFrame.Kicked) frame).re();
            case "bans" -> ((ServerFrame.Bans) frame).re();
            case "mode" -> ((ServerFrame.ModeChanged) frame).re();
            case "invited" -> ((ServerFrame.Invited) frame).re();
            case "killed" -> ((ServerFrame.Killed) frame).re();
            default -> null;
        };
        return re == null ? null : requests.remove(re);
    }

    private void welcomed(ServerFrame.Welcome welcome) {
        boolean firstLogin = phase == Phase.LOGGING_IN;
        phase = Phase.ONLINE;
        servers.connected();
        if (welcome.heartbeat() > 0) {
            transport.expectTrafficWithin(Duration.ofSeconds((long) welcome.heartbeat() * HEARTBEATS_OF_SILENCE));
        }
        nickTaken = false;
        account.welcomed(welcome.account());
        model.welcomed(welcome.nick(), firstLogin ? welcome.motd() : null);
        model.account(account.name());
        model.status(online(welcome.nick()));
        if (firstLogin) {
            model.loggedIn(welcome.nick());
            return;
        }
        model.noticeEverywhere("Reconnected to " + servers.current());
        for (Conversation room : model.joinedRooms()) {
            Long since = room.newestSeq() == 0 ? null : room.newestSeq();
            transport.send(new ClientFrame.Join(request(new Request(Purpose.REJOIN, room.key(), 0)), room.name(), since));
        }
    }

    private void registered(ServerFrame.Registered registered, Request request) {
        account.registered(registered.account(), request == null ? null : request.password());
        model.account(account.name());
        model.status(online(model.nick()));
        String sentence = "\u201c" + account.name() + "\u201d is now your account: from now on, only its password logs in with this nick.";
        model.notice(sentence);
        model.accountAnswered(new AccountAnswer(AccountAnswer.Request.REGISTER, true, sentence));
    }

    private void passwordChanged(Request request) {
        account.passwordChanged(request == null ? null : request.password());
        String sentence = "Your password has changed: log in with the new one from now on.";
        model.notice(sentence);
        model.accountAnswered(new AccountAnswer(AccountAnswer.Request.CHANGE_PASSWORD, true, sentence));
    }

    private void joined(ServerFrame.Joined joined, Request request) {
        boolean unasked = request == null;
        if (unasked && roomsToRestore != null && !roomsToRestore.contains(Conversation.roomKey(joined.room()))) {
            // The server puts every new session in its default room; this user had left it before the reconnect.
            transport.send(new ClientFrame.Leave(null, joined.room()));
            return;
        }
        boolean startedOver = model.joined(joined, !unasked && request.purpose() == Purpose.JOIN);
        if (startedOver && !unasked && request.purpose() == Purpose.REJOIN) {
            // The rejoin asked for lines after a seq of the old history; the new one's latest come this way.
            int limit = ProtocolLimits.DEFAULT_HISTORY_LIMIT;
            transport.send(new ClientFrame.History(request(new Request(Purpose.HISTORY, Conversation.roomKey(joined.room()), limit)),
                    joined.room(), null, limit));
        }
    }

    private void failed(ServerFrame.Error error, Request request) {
        String message = error.message().isBlank() ? error.code().wire() : error.message();
        Optional<PasswordPrompt.Reason> passwordReason = passwordReason(error.code());
        if ((phase == Phase.LOGGING_IN || phase == Phase.RECONNECTING) && passwordReason.isPresent()) {
            askForPassword(new PasswordPrompt(passwordReason.get(), wantedNick, message));
            return;
        }
        if (phase == Phase.LOGGING_IN) {
            failLogin(loginProblem(error.code(), message), LoginField.NICK);
            return;
        }
        if (phase == Phase.RECONNECTING) {
            // The server may still hold the nick for the session that dropped, and then it frees
            // soon; or somebody took it. Retrying goes on, and the user may pick another nick. A
            // nick is the whole cluster's, so another server would say the same: this one is asked again.
            dropTransport();
            nickTaken = error.code() == ErrorCode.NICK_TAKEN;
            scheduleReconnect(message, servers.refused());
            return;
        }
        if (request != null && request.purpose() == Purpose.HISTORY) {
            model.find(request.conversationKey()).ifPresent(room -> room.loadingOlder(false));
        }
        if (request != null && (request.purpose() == Purpose.REGISTER || request.purpose() == Purpose.CHANGE_PASSWORD)) {
            String sentence = Account.refusal(error.code(), message, model.nick());
            model.error(null, sentence);
            model.accountAnswered(new AccountAnswer(request.purpose() == Purpose.REGISTER ? AccountAnswer.Request.REGISTER
                    : AccountAnswer.Request.CHANGE_PASSWORD, false, sentence));
            return;
        }
        model.error(request == null ? null : request.conversationKey(), refusal(error.code(), message));
    }

    /** A room's refusal in words that say what did not happen; the server's words say why. */
    private static String refusal(ErrorCode code, String message) {
        return switch (code) {
            case BANNED, INVITE_ONLY -> "Cannot join: " + message + ".";
            case NOT_OP -> "Not allowed: " + message + ".";
            case MODERATED -> "Not sent: " + message + ".";
            default -> message;
        };
    }

    /** Why a hello's answer asks for a password, if it does: a rate-limited hello without one is about something else. */
    private Optional<PasswordPrompt.Reason> passwordReason(ErrorCode code) {
        return switch (code) {
            case AUTH_REQUIRED -> Optional.of(PasswordPrompt.Reason.REQUIRED);
            case AUTH_FAILED -> Optional.of(PasswordPrompt.Reason.WRONG);
            case RATE_LIMITED -> helloHadPassword ? Optional.of(PasswordPrompt.Reason.THROTTLED) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /**
     * Asks the user for the password. The server waits for another hello only so long
     * (register-timeout) and a person may take longer to type, so the connection goes now and the
     * password comes on a new one.
     */
    private void askForPassword(PasswordPrompt prompt) {
        dropTransport();
        reconnectTicket++;
        account.forgetPassword();
        passwordAsked = true;
        if (phase == Phase.RECONNECTING) {
            phase = Phase.DISCONNECTED;
        }
        model.status(new ConnectionStatus(ConnectionStatus.State.PASSWORD_NEEDED, prompt.sentence()));
        model.passwordWanted(prompt);
    }

    private String loginProblem(ErrorCode code, String message) {
        return switch (code) {
            case NICK_TAKEN -> "The nick \u201c" + wantedNick + "\u201d is taken. Please choose another one.";
            case BAD_NICK -> "\u201c" + wantedNick + "\u201d cannot be a nick: " + message;
            case SERVER_FULL -> "The server is full right now. Please try again later.";
            default -> "The server refused the login: " + message;
        };
    }

    private void failLogin(String reason, LoginField wrong) {
        dropTransport();
        phase = Phase.IDLE;
        model.status(new ConnectionStatus(ConnectionStatus.State.OFFLINE, reason));
        model.loginFailed(reason, wrong);
    }

    private void lost(String reason, ConnectFailure failure) {
        String why = byeReason != null ? "the server said goodbye: " + byeReason : reason;
        byeReason = null;
        transport = null;
        requests.clear();
        switch (phase) {
            case LOGGING_IN -> loginLost(why, failure);
            case ONLINE -> {
                phase = Phase.RECONNECTING;
                roomsToRestore = model.joinedRooms().stream().map(Conversation::key).collect(Collectors.toSet());
                model.connectionLost("Connection lost: " + why);
                scheduleReconnect(why, servers.failed());
            }
            case RECONNECTING -> {
                // This attempt never got as far as the nick: what to tell the user is the connection again.
                nickTaken = false;
                if (failure == ConnectFailure.UNTRUSTED) {
                    // Another try would meet the same certificate: only the user can settle it.
                    phase = Phase.DISCONNECTED;
                    reconnectTicket++;
                    model.status(new ConnectionStatus(ConnectionStatus.State.OFFLINE, "Not reconnected: " + why + "."));
                } else {
                    scheduleReconnect(why, servers.failed());
                }
            }
            case QUITTING -> end();
            default -> { }
        }
    }

    /** A login that could not reach a server tries the next one, and fails once every server failed. */
    private void loginLost(String why, ConnectFailure failure) {
        if (failure == ConnectFailure.UNTRUSTED) {
            failLogin(capitalized(why), LoginField.HOST);
            return;
        }
        if (failure == null && !heardFromServer && !servers.current().tls()) {
            why += " before a word (if that is a TLS port, connect with TLS)";
        }
        loginFailures.add(why);
        if (loginFailures.size() < servers.serverCount()) {
            servers.moveOn();
            connecting();
            return;
        }
        failLogin(capitalized(String.join("; ", loginFailures)), failure == ConnectFailure.REFUSED || failure == ConnectFailure.NO_TLS ? LoginField.PORT
                : failure != null ? LoginField.HOST : LoginField.NICK);
    }

    private void scheduleReconnect(String why, Duration delay) {
        String when = delay.isZero() ? "now" : "in " + Math.max(1, delay.toSeconds()) + " s";
        model.status(nickTaken
                // After a node died the nick is mostly the user's own dropped session, held until the cluster lets it go.
                ? new ConnectionStatus(ConnectionStatus.State.NICK_TAKEN, "The nick \u201c" + wantedNick + "\u201d is still taken on "
                        + servers.current() + ": by your dropped connection until the server lets it go, or by somebody else."
                        + " Pick another nick, or wait: trying again " + when + ".")
                : new ConnectionStatus(ConnectionStatus.State.RECONNECTING,
                        "Connection lost (" + why + "). Reconnecting to " + servers.current() + " " + when + "…"));
        int ticket = ++reconnectTicket;
        timer.schedule(() -> modelThread.execute(() -> {
            if (ticket == reconnectTicket) {
                reconnect();
            }
        }), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void reconnect() {
        if ((phase != Phase.RECONNECTING && phase != Phase.DISCONNECTED) || transport != null) {
            return;
        }
        phase = Phase.RECONNECTING;
        reconnectTicket++;
        passwordAsked = false;
        model.status(new ConnectionStatus(ConnectionStatus.State.RECONNECTING, "Reconnecting to " + servers.current() + " as " + wantedNick + "…"));
        open();
    }

    /** Reconnects now instead of waiting for the next try; also after the user disconnected. */
    public void retryNow() {
        reconnect();
    }

    /**
     * Reconnects now as {@code nick}, for a user whose nick was taken while the connection was down.
     *
     * @return why {@code nick} cannot be a nick, in words; empty when the reconnect is under way
     */
    public Optional<String> retryAs(String nick) {
        Optional<String> problem = NameProblems.nick(nick);
        if (problem.isPresent() || (phase != Phase.RECONNECTING && phase != Phase.DISCONNECTED)) {
            return problem;
        }
        wantedNick = nick;
        nickTaken = false;
        reconnect();
        return Optional.empty();
    }

    /** Stops reconnecting; the chat stays on screen and {@link #retryNow} picks it up again. */
    public void disconnect() {
        if (phase != Phase.RECONNECTING) {
            return;
        }
        phase = Phase.DISCONNECTED;
        reconnectTicket++;
        nickTaken = false;
        dropTransport();
        model.status(new ConnectionStatus(ConnectionStatus.State.OFFLINE,
                "Disconnected. Reconnect when you like, to " + servers.current() + " first; the conversations stay as they are."));
    }

    private ConnectionStatus online(String nick) {
        return new ConnectionStatus(ConnectionStatus.State.ONLINE, "Connected " + (servers.current().tls() ? "over TLS " : "")
                + "to " + servers.current() + " as " + account.shownAs(nick));
    }

    private void dropTransport() {
        generation++;
        if (transport != null) {
            transport.close();
            transport = null;
        }
    }

    private void end() {
        dropTransport();
        phase = Phase.CLOSED;
        model.status(new ConnectionStatus(ConnectionStatus.State.OFFLINE, "Disconnected"));
        model.ended();
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }

    /** Nicks to offer on Tab: the others in the current room, or the partner of a whisper conversation. */
    public List<String> completionNicks() {
        return model.selected().map(c -> switch (c.kind()) {
            case ROOM -> c.members().stream().filter(member -> !model.isMe(member)).toList();
            case WHISPER -> List.of(c.name());
            case SERVER -> List.<String>of();
        }).orElse(List.of());
    }
}
