package chat.protocol;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A frame from the server to a client. {@code re} is the id of the request this frame answers,
 * or null for frames nobody asked for (fan-out, presence, server pings).
 */
public sealed interface ServerFrame {

    /** The wire {@code type} of this frame. */
    String type();

    /** {@code account} is the account the session logged in to, null for a guest. */
    record Welcome(String nick, int protocol, String server, int heartbeat, String motd, String account, String re)
            implements ServerFrame {
        public Welcome(String nick, int protocol, String server, int heartbeat, String motd, String re) {
            this(nick, protocol, server, heartbeat, motd, null, re);
        }
        public String type() { return "welcome"; }
    }

    /** The session's nick is now the account {@code account}. */
    record Registered(String account, String re) implements ServerFrame {
        public String type() { return "registered"; }
    }

    record PasswordChanged(String re) implements ServerFrame {
        public String type() { return "password-changed"; }
    }

    record Pong(String re) implements ServerFrame {
        public String type() { return "pong"; }
    }

    /** The server's heartbeat probe; any frame from the client answers it. */
    record Ping() implements ServerFrame {
        public String type() { return "ping"; }
    }

    record Bye(String reason, String re) implements ServerFrame {
        public String type() { return "bye"; }
    }

    /**
     * {@code epoch} names this incarnation of the room's history: the same across restarts while
     * the history survives, another once it starts over, so a client forgets the {@code seq}s it
     * remembers for the room.
     */
    /**
     * {@code roles} names the members who are owners or ops (absent from the wire when nobody is);
     * {@code mode} is the room's, absent from the wire when no flag is set.
     */
    record Joined(String room, String topic, List<String> members, List<Message> history, String epoch,
                  Map<String, Role> roles, RoomMode mode, String re) implements ServerFrame {
        public Joined {
            members = List.copyOf(members);
            history = List.copyOf(history);
            roles = Collections.unmodifiableMap(new LinkedHashMap<>(roles));
        }
        public Joined(String room, String topic, List<String> members, List<Message> history, String epoch, String re) {
            this(room, topic, members, history, epoch, Map.of(), RoomMode.OPEN, re);
        }
        public String type() { return "joined"; }
    }

    record Left(String room, String re) implements ServerFrame {
        public String type() { return "left"; }
    }

    /**
     * {@code old} is set for renames, {@code reason} for quits and kicks, {@code by} for kicks; null
     * otherwise. {@code re} is set on the kicker's copy of its kick (an extension).
     */
    record Presence(String room, String nick, PresenceEvent event, String old, String reason, String by, String re)
            implements ServerFrame {
        public Presence(String room, String nick, PresenceEvent event, String old, String reason) {
            this(room, nick, event, old, reason, null, null);
        }
        public String type() { return "presence"; }
    }

    record Message(String room, String from, String text, long seq, Instant ts, String re)
            implements ServerFrame {
        public String type() { return "message"; }

        /** The same message as the answer to the sender's request {@code re}. */
        public Message answering(String requestId) {
            return new Message(room, from, text, seq, ts, requestId);
        }
    }

    record Whisper(String from, String to, String text, Instant ts, String re) implements ServerFrame {
        public String type() { return "whisper"; }
    }

    /** Answer to a rename: wire type {@code nick}. */
    record NickChanged(String old, String nick, String re) implements ServerFrame {
        public String type() { return "nick"; }
    }

    record Topic(String room, String topic, String by, String re) implements ServerFrame {
        public String type() { return "topic"; }
    }

    record RoomList(List<RoomSummary> rooms, String re) implements ServerFrame {
        public RoomList {
            rooms = List.copyOf(rooms);
        }
        public String type() { return "rooms"; }
    }

    record RoomSummary(String room, int members, String topic) {}

    record Members(String room, List<String> members, String re) implements ServerFrame {
        public Members {
            members = List.copyOf(members);
        }
        public String type() { return "members"; }
    }

    record History(String room, List<Message> messages, String re) implements ServerFrame {
        public History {
            messages = List.copyOf(messages);
        }
        public String type() { return "history"; }
    }

    record Error(ErrorCode code, String message, String re) implements ServerFrame {
        public String type() { return "error"; }
    }

    /** {@code nick}'s role in {@code room} is now {@code role}, given by {@code by}. */
    record RoleChanged(String room, String nick, Role role, String by, String re) implements ServerFrame {
        public String type() { return "role"; }
    }

    /** To the member who was kicked, who is no longer in the room; {@code reason} may be null. */
    record Kicked(String room, String by, String reason, String re) implements ServerFrame {
        public String type() { return "kicked"; }
    }

    /** The room's bans: accounts and nicks, as they were banned. */
    record Bans(String room, List<String> bans, String re) implements ServerFrame {
        public Bans {
            bans = List.copyOf(bans);
        }
        public String type() { return "bans"; }
    }

    record ModeChanged(String room, RoomMode mode, String by, String re) implements ServerFrame {
        public String type() { return "mode"; }
    }

    /**
     * Additive: {@code by} invited {@code nick} into {@code room}; the invitee gets it, and the
     * inviter with {@code re}.
     */
    record Invited(String room, String nick, String by, String re) implements ServerFrame {
        public String type() { return "invited"; }
    }

    /** Additive: a server operator's {@code kill} of {@code nick} was carried out. */
    record Killed(String nick, String reason, String re) implements ServerFrame {
        public String type() { return "killed"; }
    }
}
