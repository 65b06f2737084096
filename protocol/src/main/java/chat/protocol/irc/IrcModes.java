package chat.protocol.irc;

import chat.protocol.Role;
import chat.protocol.RoomMode;

/** A room's modes and a member's role in IRC's channel mode letters. */
final class IrcModes {

    private IrcModes() {}

    /** {@code +o} for owners and ops (IRC clients know ops), {@code -o} for a member. */
    static String ofRole(Role role) {
        return role.moderates() ? "+o" : "-o";
    }

    /** Every mode, set and unset: {@code +is-m}. */
    static String of(RoomMode mode) {
        StringBuilder on = new StringBuilder("+");
        StringBuilder off = new StringBuilder("-");
        (mode.invite() ? on : off).append('i');
        (mode.moderated() ? on : off).append('m');
        (mode.secret() ? on : off).append('s');
        return (on.length() > 1 ? on.toString() : "") + (off.length() > 1 ? off.toString() : "");
    }
}
