package chat.protocol.irc;

/**
 * What the IRC listener tells clients about this server: its name in every reply's source, the
 * network's name, the software's version, when it started, and the limits the ISUPPORT line
 * states. {@code host} is the host part of every user's {@code nick!nick@host}: the same for
 * everyone, since the server does not show where people connect from.
 */
public record IrcServer(String name, String network, String version, String created, String host,
                        int topicLength, int roomsPerSession) {

    /** {@code nick!nick@host}: how a user's lines are marked as theirs. */
    String sourceOf(String nick) {
        return nick + "!" + nick + "@" + host;
    }
}
