package chat.protocol;

/**
 * A request from a client to the server. {@code id} is the client's optional correlation id
 * (1..64 chars); the server's direct answer echoes it as {@code re}.
 */
public sealed interface ClientFrame {

    String id();

    /** The wire {@code type} of this frame. */
    String type();

    /** {@code password} is null for a guest; with one, the hello logs in to the account named {@code nick}. */
    record Hello(String id, String nick, Integer protocol, String client, Secret password) implements ClientFrame {
        public Hello(String id, String nick, Integer protocol, String client) {
            this(id, nick, protocol, client, null);
        }
        public String type() { return "hello"; }
    }

    /** Makes the session's current nick an account, owned by whoever knows {@code password}. */
    record Register(String id, Secret password) implements ClientFrame {
        public String type() { return "register"; }
    }

    /** A logged-in session changes its account's password: wire type {@code password}. */
    record ChangePassword(String id, Secret old, Secret password) implements ClientFrame {
        public String type() { return "password"; }
    }

    record Ping(String id) implements ClientFrame {
        public String type() { return "ping"; }
    }

    /** Additive extension: a client may answer the server's ping with pong; it needs no reply. */
    record Pong(String id) implements ClientFrame {
        public String type() { return "pong"; }
    }

    /** Additive extension: {@code reason}, null when absent, is the client's parting words, told to its rooms. */
    record Bye(String id, String reason) implements ClientFrame {
        public String type() { return "bye"; }
    }

    /** {@code since} is null when the client wants the default on-join history. */
    record Join(String id, String room, Long since) implements ClientFrame {
        public String type() { return "join"; }
    }

    record Leave(String id, String room) implements ClientFrame {
        public String type() { return "leave"; }
    }

    record Say(String id, String room, String text) implements ClientFrame {
        public String type() { return "say"; }
    }

    record Whisper(String id, String to, String text) implements ClientFrame {
        public String type() { return "whisper"; }
    }

    record Nick(String id, String nick) implements ClientFrame {
        public String type() { return "nick"; }
    }

    record Topic(String id, String room, String topic) implements ClientFrame {
        public String type() { return "topic"; }
    }

    record Rooms(String id) implements ClientFrame {
        public String type() { return "rooms"; }
    }

    record Who(String id, String room) implements ClientFrame {
        public String type() { return "who"; }
    }

    /** {@code before} and {@code limit} are null when absent. */
    record History(String id, String room, Long before, Integer limit) implements ClientFrame {
        public String type() { return "history"; }
    }

    /** {@code grant}: op; otherwise deop. */
    record Op(String id, String room, String nick, boolean grant) implements ClientFrame {
        public String type() { return grant ? "op" : "deop"; }
    }

    /** {@code reason} is null when absent. */
    record Kick(String id, String room, String nick, String reason) implements ClientFrame {
        public String type() { return "kick"; }
    }

    /** {@code ban}: ban; otherwise unban. */
    record Ban(String id, String room, String nick, boolean ban) implements ClientFrame {
        public String type() { return ban ? "ban" : "unban"; }
    }

    /** Each flag is null when the request leaves it as it is. */
    record Mode(String id, String room, Boolean invite, Boolean moderated, Boolean secret) implements ClientFrame {
        public String type() { return "mode"; }
    }

    record Invite(String id, String room, String nick) implements ClientFrame {
        public String type() { return "invite"; }
    }

    record Claim(String id, String room) implements ClientFrame {
        public String type() { return "claim"; }
    }

    /** A server operator's: {@code nick} is disconnected with {@code reason} (null when absent). */
    record Kill(String id, String nick, String reason) implements ClientFrame {
        public String type() { return "kill"; }
    }
}
