package chat.protocol.irc;

import chat.protocol.Role;
import chat.protocol.RoomMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A room's modes and a member's role in IRC's channel mode letters. */
final class IrcModes {

    /** Owners and ops are both shown as IRC ops: IRC clients know {@code @}. */
    static final String PREFIX = "(o)@";
    /** Bans (a list), and the three flags. */
    static final String CHANMODES = "b,,,ims";

    private IrcModes() {}

    /** The members as NAMES lists them: owners and ops with {@code @}. */
    static List<String> prefixed(List<String> members, Map<String, Role> roles) {
        List<String> names = new ArrayList<>(members.size());
        for (String member : members) {
            Role role = roles.get(member);
            names.add(role != null && role.moderates() ? "@" + member : member);
        }
        return names;
    }

    /** {@code +o} for owners and ops (IRC clients know ops), {@code -o} for a member. */
    static String ofRole(Role role) {
        return role.moderates() ? "+o" : "-o";
    }

    /** The nick of a ban mask as IRC clients write one ({@code bob!*@*}); a plain nick as it is. */
    static String nickOfMask(String mask) {
        int bang = mask.indexOf('!');
        return bang < 0 ? mask : mask.substring(0, bang);
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
