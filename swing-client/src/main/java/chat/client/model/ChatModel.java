package chat.client.model;

import chat.protocol.Names;
import chat.protocol.Role;
import chat.protocol.RoomMode;
import chat.protocol.ServerFrame;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Everything the user sees, without Swing: conversations with transcripts, members and unread
 * counts, the own nick and the connection status. Confined to one thread (the event dispatch
 * thread in the app); it changes only through server frames and the user's selection.
 */
public final class ChatModel {

    private final Map<String, Conversation> conversations = new LinkedHashMap<>();
    private final List<ChatListener> listeners = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private String nick = "";
    /** The account this session is logged in to; null for a guest. */
    private String account;
    private String pendingMotd;
    private Conversation selected;
    private ConnectionStatus status = new ConnectionStatus(ConnectionStatus.State.OFFLINE, "not connected");

    public ChatModel(Clock clock) {
        this.clock = clock;
    }

    public ChatModel() {
        this(Clock.systemUTC());
    }

    public void addListener(ChatListener listener) {
        listeners.add(listener);
    }

    public String nick() {
        return nick;
    }

    /** The account this session is logged in to; empty for a guest. */
    public Optional<String> account() {
        return Optional.ofNullable(account);
    }

    public List<Conversation> conversations() {
        return List.copyOf(conversations.values());
    }

    public Optional<Conversation> find(String key) {
        return Optional.ofNullable(conversations.get(key));
    }

    public Optional<Conversation> room(String room) {
        return find(Conversation.roomKey(room));
    }

    public Optional<Conversation> selected() {
        return Optional.ofNullable(selected);
    }

    public ConnectionStatus status() {
        return status;
    }

    /** Rooms this client is in, for rejoining after a reconnect. */
    public List<Conversation> joinedRooms() {
        return conversations.values().stream().filter(c -> c.isRoom() && c.joined()).toList();
    }

    public void select(String key) {
        Conversation conversation = conversations.get(key);
        if (conversation == null) {
            return;
        }
        selected = conversation;
        conversation.markRead();
        listeners.forEach(l -> l.selected(conversation));
        listeners.forEach(ChatListener::conversationsChanged);
    }

    /**
     * The user reads back in {@code conversation} (or stopped doing so): while they do, it keeps
     * more lines, so that what they read is not dropped under their eyes.
     */
    public void readingBack(Conversation conversation, boolean reading) {
        if (conversation.readingBack() == reading) {
            return;
        }
        conversation.readingBack(reading);
        if (!reading && conversation.trim() > 0) {
            listeners.forEach(l -> l.transcriptReplaced(conversation));
        }
    }

    void status(ConnectionStatus newStatus) {
        status = newStatus;
        listeners.forEach(l -> l.statusChanged(newStatus));
    }

    void loggedIn(String ownNick) {
        nick = ownNick;
        listeners.forEach(l -> l.loggedIn(ownNick));
    }

    void loginFailed(String reason, LoginField wrong) {
        listeners.forEach(l -> l.loginFailed(reason, wrong));
    }

    void passwordWanted(PasswordPrompt prompt) {
        listeners.forEach(l -> l.passwordWanted(prompt));
    }

    void account(String newAccount) {
        if (Objects.equals(account, newAccount)) {
            return;
        }
        account = newAccount;
        listeners.forEach(l -> l.accountChanged(newAccount));
    }

    void accountAnswered(AccountAnswer answer) {
        listeners.forEach(l -> l.accountAnswered(answer));
    }

    void ended() {
        listeners.forEach(ChatListener::ended);
    }

    /** {@code motd} is shown atop the first room joined; null when there is nothing new to show. */
    void welcomed(String ownNick, String motd) {
        boolean renamed = !nick.isEmpty() && !nick.equals(ownNick);
        nick = ownNick;
        if (renamed) {
            // A reconnect under another nick: the one this user picked when theirs was taken.
            listeners.forEach(l -> l.nickChanged(ownNick));
        }
        if (motd != null && !motd.isBlank()) {
            pendingMotd = motd;
        }
    }

    /**
     * Shows a room joined. Returns true when the room's history started over on the server (its
     * epoch changed): the lines shown so far stay, and a notice says that what follows is new.
     */
    boolean joined(ServerFrame.Joined frame, boolean focus) {
        Conversation room = conversations.get(Conversation.roomKey(frame.room()));
        boolean fresh = room == null;
        if (fresh) {
            room = new Conversation(Conversation.Kind.ROOM, frame.room());
            conversations.put(room.key(), room);
        }
        boolean returning = !fresh && !room.joined();
        room.rename(frame.room());
        room.joined(true);
        room.topic(frame.topic());
        room.roles(frame.roles());
        room.mode(frame.mode());
        room.members(frame.members());
        Conversation server = conversations.get(Conversation.SERVER_KEY);
        if (fresh && server != null) {
            // What went to the server conversation while no room was open comes along into the first room.
            server.transcript().forEach(room::append);
        }
        if (fresh && pendingMotd != null) {
            add(room, TranscriptEntry.notice(now(), pendingMotd));
            pendingMotd = null;
        }
        boolean startedOver = room.adoptEpoch(frame.epoch());
        if (startedOver) {
            add(room, TranscriptEntry.notice(now(), "The history of " + frame.room()
                    + " was reset on the server: the lines below are new; what is above is no longer on the server."));
            room.startHistoryHere();
        }
        insertMessages(room, frame.history(), !fresh);
        if (fresh || returning) {
            add(room, TranscriptEntry.presence(now(), "You joined " + frame.room()));
            if (!room.mode().isOpen()) {
                add(room, TranscriptEntry.notice(now(), frame.room() + " is " + describe(room.mode())));
            }
            if (!room.topic().isEmpty()) {
                add(room, TranscriptEntry.notice(now(), "Topic: " + room.topic()));
            }
        }
        Conversation changed = room;
        listeners.forEach(l -> l.conversationChanged(changed));
        boolean fromServerConversation = selected != null && selected.kind() == Conversation.Kind.SERVER;
        // The server conversation only holds what had nowhere else to go while no room was open.
        conversations.remove(Conversation.SERVER_KEY);
        if (fromServerConversation) {
            selected = null;
        }
        listeners.forEach(ChatListener::conversationsChanged);
        if (focus || selected == null) {
            select(room.key());
        }
        return startedOver;
    }

    /** Drops a conversation from the list: a room this client left, or a whisper conversation the user closed. */
    void close(String key) {
        Conversation conversation = conversations.remove(key);
        if (conversation == null) {
            return;
        }
        if (conversation == selected) {
            selected = null;
            conversations.values().stream().findFirst().ifPresent(next -> select(next.key()));
        }
        listeners.forEach(ChatListener::conversationsChanged);
    }

    void presence(ServerFrame.Presence frame) {
        Conversation room = conversations.get(Conversation.roomKey(frame.room()));
        if (room == null) {
            return;
        }
        String who = frame.nick();
        String line = switch (frame.event()) {
            case JOIN -> {
                room.addMember(who);
                yield who + " joined";
            }
            case LEAVE -> {
                room.removeMember(who);
                yield who + " left";
            }
            case QUIT -> {
                room.removeMember(who);
                yield who + " quit" + (frame.reason() == null ? "" : " (" + frame.reason() + ")");
            }
            case KICK -> {
                room.removeMember(who);
                yield who + " was kicked" + (frame.by() == null ? "" : " by " + frame.by())
                        + (frame.reason() == null ? "" : " (" + frame.reason() + ")");
            }
            case RENAME -> {
                room.renameMember(frame.old(), who);
                renameWhisper(frame.old(), who);
                yield frame.old() + " is now known as " + who;
            }
        };
        add(room, TranscriptEntry.presence(now(), line));
        listeners.forEach(l -> l.conversationChanged(room));
    }

    /** Somebody's role in a room changed: an op given or taken, or a room claimed. */
    void roleChanged(ServerFrame.RoleChanged frame) {
        room(frame.room()).ifPresent(room -> {
            room.role(frame.nick(), frame.role());
            String by = frame.by() == null ? "" : isMe(frame.by()) ? "You" : frame.by();
            String whom = isMe(frame.nick()) ? "you" : frame.nick();
            String line;
            if (frame.role() == Role.OWNER && frame.by() != null && Names.key(frame.by()).equals(Names.key(frame.nick()))) {
                line = by + " claimed " + room.name() + (by.equals("You") ? ": you own it now" : " and owns it now");
            } else if (frame.by() == null) {
                line = capitalized(whom) + (whom.equals("you") ? " are" : " is") + " now " + roleName(frame.role()) + " in " + room.name();
            } else if (frame.role() == Role.MEMBER) {
                line = by + " took op from " + whom;
            } else {
                line = by + " made " + whom + " " + roleName(frame.role()) + " of " + room.name();
            }
            add(room, TranscriptEntry.presence(now(), line));
            listeners.forEach(l -> l.conversationChanged(room));
        });
    }

    /** This user was kicked: the room stays on screen, no longer joined, until they rejoin or close it. */
    void kicked(ServerFrame.Kicked frame) {
        room(frame.room()).ifPresent(room -> {
            room.joined(false);
            room.members(List.of());
            add(room, TranscriptEntry.error(now(), "You were kicked from " + room.name()
                    + (frame.by() == null ? "" : " by " + frame.by())
                    + (frame.reason() == null || frame.reason().isBlank() ? "" : " (" + frame.reason() + ")")
                    + ". /join " + room.name() + " to go back in."));
            listeners.forEach(l -> l.conversationChanged(room));
            listeners.forEach(ChatListener::conversationsChanged);
        });
    }

    void modeChanged(ServerFrame.ModeChanged frame) {
        room(frame.room()).ifPresent(room -> {
            RoomMode before = room.mode();
            RoomMode after = frame.mode() == null ? RoomMode.OPEN : frame.mode();
            room.mode(after);
            List<String> changes = new ArrayList<>();
            if (before.invite() != after.invite()) {
                changes.add(after.invite() ? "invite-only" : "open to everyone (no invitation needed)");
            }
            if (before.moderated() != after.moderated()) {
                changes.add(after.moderated() ? "moderated (only owners and ops speak)" : "unmoderated (everyone speaks)");
            }
            if (before.secret() != after.secret()) {
                changes.add(after.secret() ? "secret (hidden from the room list)" : "listed (no longer secret)");
            }
            String by = frame.by() == null ? "The room was" : isMe(frame.by()) ? "You made" : frame.by() + " made";
            String line = changes.isEmpty()
                    ? (frame.by() == null ? room.name() + " is " : by + " no change: " + room.name() + " stays ") + describe(after)
                    : frame.by() == null ? room.name() + " is now " + String.join(", ", changes)
                    : by + " " + room.name() + " " + String.join(", ", changes);
            add(room, TranscriptEntry.notice(now(), line));
            listeners.forEach(l -> l.conversationChanged(room));
        });
    }

    /** The answer to a ban or unban: who is banned now. */
    void bans(ServerFrame.Bans frame, String conversationKey) {
        String line = frame.bans().isEmpty() ? "Nobody is banned from " + frame.room()
                : "Banned from " + frame.room() + " (" + frame.bans().size() + "): " + String.join(", ", frame.bans());
        Conversation target = room(frame.room()).orElse(conversationKey == null ? null : conversations.get(conversationKey));
        add(target != null ? target : inView(), TranscriptEntry.notice(now(), line));
    }

    /** An invitation: to this user from somebody, or this user's own, confirmed. */
    void invited(ServerFrame.Invited frame) {
        if (isMe(frame.nick())) {
            String line = (frame.by() == null ? "You were" : frame.by()) + " invited you to " + frame.room()
                    + " — /join " + frame.room();
            Conversation target = room(frame.room()).orElseGet(this::inView);
            add(target, TranscriptEntry.notice(now(), line));
        } else {
            String line = (frame.by() == null || isMe(frame.by()) ? "You" : frame.by()) + " invited " + frame.nick()
                    + " to " + frame.room() + ": they may join once";
            add(room(frame.room()).orElseGet(this::inView), TranscriptEntry.notice(now(), line));
        }
    }

    /** A server operator's kill was carried out. */
    void killed(ServerFrame.Killed frame) {
        notice("Disconnected " + frame.nick() + " from the server"
                + (frame.reason() == null || frame.reason().isBlank() ? "" : " (" + frame.reason() + ")"));
    }

    /** A room's modes in words, such as "invite-only, moderated". */
    public static String describe(RoomMode mode) {
        List<String> flags = new ArrayList<>();
        if (mode.invite()) {
            flags.add("invite-only");
        }
        if (mode.moderated()) {
            flags.add("moderated");
        }
        if (mode.secret()) {
            flags.add("secret");
        }
        return flags.isEmpty() ? "open" : String.join(", ", flags);
    }

    private static String roleName(Role role) {
        return switch (role) {
            case OWNER -> "an owner";
            case OP -> "an op";
            case MEMBER -> "a member";
        };
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    void message(ServerFrame.Message frame) {
        Conversation room = conversations.get(Conversation.roomKey(frame.room()));
        if (room != null) {
            insertMessages(room, List.of(frame), true);
        }
    }

    void whisper(ServerFrame.Whisper frame, boolean focus) {
        boolean own = isMe(frame.from());
        String other = own ? frame.to() : frame.from();
        String key = Conversation.whisperKey(other);
        Conversation conversation = conversations.get(key);
        if (conversation == null) {
            conversation = new Conversation(Conversation.Kind.WHISPER, other);
            conversations.put(key, conversation);
        }
        TranscriptEntry entry = TranscriptEntry.message(frame.ts(), frame.from(), frame.text(), 0, own, false);
        add(conversation, entry);
        if (!own) {
            countUnread(conversation, entry);
            Conversation target = conversation;
            listeners.forEach(l -> l.attentionWanted(target, entry));
        }
        listeners.forEach(ChatListener::conversationsChanged);
        if (focus) {
            select(key);
        }
    }

    void nickChanged(ServerFrame.NickChanged frame) {
        nick = frame.nick();
        for (Conversation room : joinedRooms()) {
            room.renameMember(frame.old(), frame.nick());
            add(room, TranscriptEntry.presence(now(), "You are now known as " + frame.nick()));
            listeners.forEach(l -> l.conversationChanged(room));
        }
        listeners.forEach(l -> l.nickChanged(frame.nick()));
    }

    void topic(ServerFrame.Topic frame) {
        room(frame.room()).ifPresent(room -> {
            room.topic(frame.topic());
            String by = frame.by() == null ? "The topic" : frame.by() + " set the topic";
            String line = room.topic().isEmpty()
                    ? (frame.by() == null ? "The topic was cleared" : frame.by() + " cleared the topic")
                    : by + ": " + room.topic();
            add(room, TranscriptEntry.notice(now(), line));
            listeners.forEach(l -> l.conversationChanged(room));
        });
    }

    void members(ServerFrame.Members frame, boolean show) {
        room(frame.room()).ifPresent(room -> {
            room.members(frame.members());
            if (show) {
                add(room, TranscriptEntry.notice(now(), "In " + room.name() + " (" + room.members().size() + "): "
                        + String.join(", ", room.members())));
            }
            listeners.forEach(l -> l.conversationChanged(room));
        });
    }

    void roomList(ServerFrame.RoomList frame) {
        String rooms = frame.rooms().isEmpty()
                ? "No rooms yet: /join one to create it"
                : "Rooms:\n" + frame.rooms().stream()
                        .map(r -> "  " + r.room() + " (" + r.members() + ")" + (r.topic() == null || r.topic().isEmpty() ? "" : ": " + r.topic()))
                        .collect(Collectors.joining("\n"));
        notice(rooms);
    }

    void olderRequested(Conversation room) {
        room.loadingOlder(true);
    }

    void history(ServerFrame.History frame, int requested) {
        room(frame.room()).ifPresent(room -> {
            room.loadingOlder(false);
            if (frame.messages().size() < requested) {
                room.olderAvailable(false);
            }
            insertMessages(room, frame.messages(), false);
            listeners.forEach(l -> l.conversationChanged(room));
        });
    }

    /** A line for the user in the conversation they are looking at. */
    void notice(String text) {
        add(inView(), TranscriptEntry.notice(now(), text));
    }

    /** A problem in words for the user, shown in the conversation it concerns or else where they are looking. */
    void error(String conversationKey, String text) {
        Conversation target = conversationKey == null ? null : conversations.get(conversationKey);
        add(target != null ? target : inView(), TranscriptEntry.error(now(), text));
    }

    /** The conversation in view; with none open, the server conversation opens to take the line. */
    private Conversation inView() {
        if (selected == null) {
            Conversation server = new Conversation(Conversation.Kind.SERVER, "server");
            conversations.put(server.key(), server);
            select(server.key());
        }
        return selected;
    }

    /** Marks every conversation as cut off: pages of history asked for will not arrive. */
    void connectionLost(String text) {
        conversations.values().forEach(c -> c.loadingOlder(false));
        noticeEverywhere(text);
    }

    /** A line in every conversation, such as a lost connection. */
    void noticeEverywhere(String text) {
        for (Conversation conversation : conversations.values()) {
            add(conversation, TranscriptEntry.presence(now(), text));
        }
    }

    /** True when {@code someone} is this user's nick, compared as the server compares nicks. */
    public boolean isMe(String someone) {
        return Names.key(someone).equals(Names.key(nick));
    }

    private void insertMessages(Conversation room, List<ServerFrame.Message> messages, boolean fresh) {
        List<TranscriptEntry> appended = new ArrayList<>();
        boolean reordered = false;
        for (ServerFrame.Message message : messages) {
            boolean own = isMe(message.from());
            TranscriptEntry entry = TranscriptEntry.message(message.ts(), message.from(), message.text(), message.seq(),
                    own, !own && Mentions.mentions(message.text(), nick));
            int index = room.insert(entry);
            if (index < 0) {
                continue;
            }
            if (!reordered && index == room.transcript().size() - 1) {
                appended.add(entry);
            } else {
                reordered = true;
            }
            if (fresh && !own) {
                countUnread(room, entry);
                if (entry.mentionsMe()) {
                    listeners.forEach(l -> l.attentionWanted(room, entry));
                }
            }
        }
        if (reordered || (!appended.isEmpty() && room.trim() > 0)) {
            listeners.forEach(l -> l.transcriptReplaced(room));
        } else {
            appended.forEach(entry -> listeners.forEach(l -> l.entryAppended(room, entry)));
        }
    }

    private void countUnread(Conversation conversation, TranscriptEntry entry) {
        if (conversation != selected) {
            conversation.markUnread(entry, entry.mentionsMe());
            listeners.forEach(ChatListener::conversationsChanged);
        }
    }

    private void renameWhisper(String old, String now) {
        Conversation whisper = conversations.get(Conversation.whisperKey(old));
        if (whisper == null) {
            return;
        }
        whisper.rename(now);
        Map<String, Conversation> renamed = new LinkedHashMap<>();
        conversations.values().forEach(c -> renamed.put(c.key(), c));
        conversations.clear();
        conversations.putAll(renamed);
        listeners.forEach(ChatListener::conversationsChanged);
    }

    private void add(Conversation conversation, TranscriptEntry entry) {
        conversation.append(entry);
        if (conversation.trim() > 0) {
            listeners.forEach(l -> l.transcriptReplaced(conversation));
        } else {
            listeners.forEach(l -> l.entryAppended(conversation, entry));
        }
    }

    private Instant now() {
        return clock.instant();
    }
}
