package chat.actors.room;

import chat.actors.CborSerializable;
import chat.protocol.Names;
import chat.protocol.Role;
import chat.protocol.RoomMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who runs a room and who may come in: its owner and ops (accounts, by folded key, with the
 * spelling shown), its bans and its modes. Stored with the room, so they survive restarts; a room
 * without any is {@link #NONE}. Immutable: each change is a new value.
 */
public record RoomRules(String ownerKey, String owner, Map<String, String> ops, List<Ban> bans, RoomMode mode)
        implements CborSerializable {

    /**
     * A ban of a name, as the banned person's account (when they were logged in) or nick spelled
     * it; {@code key} is folded.
     */
    public record Ban(String key, String shown) {}

    public static final RoomRules NONE = new RoomRules(null, null, Map.of(), List.of(), RoomMode.OPEN);

    public RoomRules {
        ops = ops == null ? Map.of() : Map.copyOf(ops);
        bans = bans == null ? List.of() : List.copyOf(bans);
        mode = mode == null ? RoomMode.OPEN : mode;
    }

    public boolean hasOwner() {
        return ownerKey != null;
    }

    /** The role of {@code identity} in this room; a server operator counts as an owner everywhere. */
    public Role roleOf(Identity identity) {
        return identity.operator() ? Role.OWNER : storedRoleOf(identity);
    }

    /** The role the room gives {@code identity}, as {@code joined} and {@code role} frames name it (operators aside). */
    public Role storedRoleOf(Identity identity) {
        String key = identity.accountKey();
        if (key == null) {
            return Role.MEMBER;
        }
        return key.equals(ownerKey) ? Role.OWNER : ops.containsKey(key) ? Role.OP : Role.MEMBER;
    }

    /**
     * A ban is of a name: whoever uses that nick, and the account of that name under any nick. So
     * banning the nick of someone who already left still keeps their account out.
     */
    public boolean bans(Identity identity, String nick) {
        String accountKey = identity.accountKey();
        String nickKey = Names.key(nick);
        for (Ban ban : bans) {
            if (ban.key().equals(nickKey) || ban.key().equals(accountKey)) {
                return true;
            }
        }
        return false;
    }

    public List<String> banList() {
        List<String> shown = new ArrayList<>(bans.size());
        bans.forEach(ban -> shown.add(ban.shown()));
        return shown;
    }

    public RoomRules withOwner(String account) {
        Map<String, String> withoutOwnerAsOp = new LinkedHashMap<>(ops);
        withoutOwnerAsOp.remove(Names.key(account));
        return new RoomRules(Names.key(account), account, withoutOwnerAsOp, bans, mode);
    }

    public RoomRules withOp(String account, boolean op) {
        Map<String, String> changed = new LinkedHashMap<>(ops);
        if (op) {
            changed.put(Names.key(account), account);
        } else {
            changed.remove(Names.key(account));
        }
        return new RoomRules(ownerKey, owner, changed, bans, mode);
    }

    /** Banned once, however often asked. */
    public RoomRules withBan(String name) {
        String key = Names.key(name);
        for (Ban ban : bans) {
            if (ban.key().equals(key)) {
                return this;
            }
        }
        List<Ban> changed = new ArrayList<>(bans);
        changed.add(new Ban(key, name));
        return new RoomRules(ownerKey, owner, ops, changed, mode);
    }

    /** Lifts every ban of {@code name}, as an account or as a nick. */
    public RoomRules withoutBan(String name) {
        String key = Names.key(name);
        List<Ban> changed = new ArrayList<>(bans);
        changed.removeIf(ban -> ban.key().equals(key));
        return new RoomRules(ownerKey, owner, ops, changed, mode);
    }

    public RoomRules withMode(RoomMode changed) {
        return new RoomRules(ownerKey, owner, ops, bans, changed);
    }
}
