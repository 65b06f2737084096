package chat.actors.room;

import chat.protocol.Names;

/**
 * Who a member is beyond its nick: the account it is logged in to ({@code account}, null for a
 * guest), and whether that account is a server operator's ({@code chat.operators}).
 */
public record Identity(String account, boolean operator) {

    public static final Identity GUEST = new Identity(null, false);

    /** The folded key of the account, or null for a guest. */
    public String accountKey() {
        return account == null ? null : Names.key(account);
    }
}
