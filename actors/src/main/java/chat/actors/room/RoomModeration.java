package chat.actors.room;

import chat.actors.SessionActor;
import chat.protocol.ErrorCode;
import chat.protocol.Role;
import chat.protocol.RoomMode;
import chat.protocol.ServerFrame;
import java.util.function.UnaryOperator;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * What a room's owners and ops may do, decided without side effects: each request becomes a
 * {@link Refusal} or what the room is to do. The rule of rank: a server operator outranks an
 * owner, who outranks an op, who outranks a member, and only someone of higher rank may act on a
 * person (op, deop, kick, ban them).
 */
public final class RoomModeration {

    public sealed interface Decision {}

    public record Refusal(ErrorCode code, String message) implements Decision {}

    /** A change of the rules, with what to tell once it is stored (see {@link GroupCommit.RulesChange}). */
    public record Change(UnaryOperator<RoomRules> change, ServerFrame announcement, ServerFrame requestersCopy,
                         ServerFrame answer) implements Decision {}

    /** {@code target}, called {@code nick}, leaves the room. */
    public record KickOut(ActorRef<SessionActor.Reply> target, String nick) implements Decision {}

    /** {@code nick} may come into the invite-only room once. */
    public record LetIn(String nick) implements Decision {}

    private static final int OPERATOR_RANK = 3;

    private final String room;
    private final RoomRules rules;
    private final RoomMembers members;
    private final Identity requester;
    private final String requesterNick;

    /** {@code rules} as they are once everything pending is stored; {@code requester} is a member. */
    public RoomModeration(String room, RoomRules rules, RoomMembers members, ActorRef<SessionActor.Reply> requester) {
        this.room = room;
        this.rules = rules;
        this.members = members;
        this.requester = members.identityOf(requester);
        this.requesterNick = members.nickOf(requester);
    }

    public Decision setRole(String nick, boolean op, String re) {
        Refusal refusal = unlessModerator();
        if (refusal != null) {
            return refusal;
        }
        ActorRef<SessionActor.Reply> target = members.sessionOf(nick);
        if (target == null) {
            return notHere(nick);
        }
        Identity identity = members.identityOf(target);
        String shown = members.nickOf(target);
        if (identity.account() == null) {
            return new Refusal(ErrorCode.BAD_REQUEST, "\"" + shown + "\" is a guest: only accounts hold roles; "
                    + shown + " registers the nick first");
        }
        refusal = unlessOutranks(identity, shown);
        if (refusal != null) {
            return refusal;
        }
        if (rules.storedRoleOf(identity) == Role.OWNER) {
            return new Refusal(ErrorCode.BAD_REQUEST, "\"" + shown + "\" owns room \"" + room
                    + "\"; an owner is neither made an op nor deopped");
        }
        ServerFrame.RoleChanged changed = new ServerFrame.RoleChanged(room, shown, op ? Role.OP : Role.MEMBER,
                requesterNick, null);
        return new Change(rules -> rules.withOp(identity.account(), op), changed,
                new ServerFrame.RoleChanged(room, shown, changed.role(), requesterNick, re), null);
    }

    public Decision kick(String nick) {
        Refusal refusal = unlessModerator();
        if (refusal != null) {
            return refusal;
        }
        ActorRef<SessionActor.Reply> target = members.sessionOf(nick);
        if (target == null) {
            return notHere(nick);
        }
        refusal = unlessOutranks(members.identityOf(target), members.nickOf(target));
        return refusal != null ? refusal : new KickOut(target, members.nickOf(target));
    }

    /** A member logged in is banned as its account, anyone else as the nick. */
    public Decision ban(String nick, String re) {
        Refusal refusal = unlessModerator();
        if (refusal != null) {
            return refusal;
        }
        ActorRef<SessionActor.Reply> target = members.sessionOf(nick);
        Identity identity = target == null ? Identity.GUEST : members.identityOf(target);
        if (target != null) {
            refusal = unlessOutranks(identity, members.nickOf(target));
            if (refusal != null) {
                return refusal;
            }
        }
        String name = identity.account() != null ? identity.account() : target == null ? nick : members.nickOf(target);
        RoomRules after = rules.withBan(name);
        return new Change(rules -> rules.withBan(name), null, null,
                new ServerFrame.Bans(room, after.banList(), re));
    }

    public Decision unban(String nick, String re) {
        Refusal refusal = unlessModerator();
        if (refusal != null) {
            return refusal;
        }
        RoomRules after = rules.withoutBan(nick);
        return new Change(rules -> rules.withoutBan(nick), null, null, new ServerFrame.Bans(room, after.banList(), re));
    }

    public Decision mode(Boolean invite, Boolean moderated, Boolean secret, String re) {
        Refusal refusal = unlessModerator();
        if (refusal != null) {
            return refusal;
        }
        RoomMode mode = rules.mode().with(invite, moderated, secret);
        return new Change(rules -> rules.withMode(rules.mode().with(invite, moderated, secret)),
                new ServerFrame.ModeChanged(room, mode, requesterNick, null),
                new ServerFrame.ModeChanged(room, mode, requesterNick, re), null);
    }

    public Decision invite(String nick) {
        Refusal refusal = unlessModerator();
        if (refusal != null) {
            return refusal;
        }
        ActorRef<SessionActor.Reply> target = members.sessionOf(nick);
        if (target != null) {
            return new Refusal(ErrorCode.BAD_REQUEST, "\"" + members.nickOf(target) + "\" is in room \"" + room + "\" already");
        }
        return new LetIn(nick);
    }

    /** {@code defaultRoom}: the room everyone joins on hello belongs to the server, not to whoever claims it first. */
    public Decision claim(boolean defaultRoom, String re) {
        if (requester.account() == null) {
            return new Refusal(ErrorCode.AUTH_REQUIRED, "only an account can own a room: register your nick first");
        }
        if (rules.hasOwner()) {
            return new Refusal(ErrorCode.NOT_OP, "room \"" + room + "\" has an owner: " + rules.owner());
        }
        if (defaultRoom && !requester.operator()) {
            return new Refusal(ErrorCode.NOT_OP, "room \"" + room + "\" is the server's own; only a server operator may claim it");
        }
        String account = requester.account();
        return new Change(rules -> rules.hasOwner() ? rules : rules.withOwner(account),
                new ServerFrame.RoleChanged(room, requesterNick, Role.OWNER, requesterNick, null),
                new ServerFrame.RoleChanged(room, requesterNick, Role.OWNER, requesterNick, re), null);
    }

    private Refusal unlessModerator() {
        return rules.roleOf(requester).moderates() ? null
                : new Refusal(ErrorCode.NOT_OP, "you are not an owner or op of room \"" + room + "\"");
    }

    private Refusal unlessOutranks(Identity target, String nick) {
        if (rank(requester) > rank(target)) {
            return null;
        }
        return new Refusal(ErrorCode.NOT_OP, "\"" + nick + "\" is " + describe(target) + " of room \"" + room
                + "\"; only someone above them may do that");
    }

    private String describe(Identity identity) {
        if (identity.operator()) {
            return "a server operator, and so an owner";
        }
        return switch (rules.roleOf(identity)) {
            case OWNER -> "the owner";
            case OP -> "an op";
            case MEMBER -> "a member";
        };
    }

    private int rank(Identity identity) {
        if (identity.operator()) {
            return OPERATOR_RANK;
        }
        return switch (rules.roleOf(identity)) {
            case OWNER -> 2;
            case OP -> 1;
            case MEMBER -> 0;
        };
    }

    private Refusal notHere(String nick) {
        return new Refusal(ErrorCode.NO_SUCH_NICK, "nobody called \"" + nick + "\" is in room \"" + room + "\"");
    }
}
