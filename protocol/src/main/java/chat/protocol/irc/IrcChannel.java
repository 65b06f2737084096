package chat.protocol.irc;

/** How a room is named on IRC, in one place: {@code #lobby} is room {@code lobby}. */
final class IrcChannel {

    static final String PREFIX = "#";

    private IrcChannel() {}

    /** The channel that names {@code room}. */
    static String of(String room) {
        return PREFIX + room;
    }

    /** True when a target is meant as a channel (it starts with {@code #}), whether or not it names a room. */
    static boolean meant(String target) {
        return target.startsWith(PREFIX);
    }

    /** True when {@code target} is a channel with a name: {@code #} and at least one character more. */
    static boolean named(String target) {
        return meant(target) && target.length() > PREFIX.length();
    }

    /** The room a channel names. */
    static String room(String channel) {
        return channel.substring(PREFIX.length());
    }
}
