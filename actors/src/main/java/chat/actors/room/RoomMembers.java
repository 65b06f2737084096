package chat.actors.room;

import chat.actors.NodeFanOut;
import chat.actors.RoomActor;
import chat.actors.SessionActor;
import chat.protocol.Names;
import chat.protocol.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Who is in a room, as the room sees it: each member's nick and the {@link NodeFanOut} of the
 * node its connection lives on. The room sends each event once per node in {@link #fanOuts()},
 * never once per member.
 */
public final class RoomMembers {

    private record Member(String nick, Identity identity, ActorRef<NodeFanOut.Command> fanOut) {}

    private final Map<ActorRef<SessionActor.Reply>, Member> members = new LinkedHashMap<>();
    /** Each node's fan-out with the number of members it serves. */
    private final Map<ActorRef<NodeFanOut.Command>, Integer> fanOuts = new HashMap<>();

    public boolean contains(ActorRef<SessionActor.Reply> session) {
        return members.containsKey(session);
    }

    public boolean isEmpty() {
        return members.isEmpty();
    }

    public int size() {
        return members.size();
    }

    /** The nick of {@code session} in this room, or null when it is not a member. */
    public String nickOf(ActorRef<SessionActor.Reply> session) {
        Member member = members.get(session);
        return member == null ? null : member.nick();
    }

    /** Who {@code session} is, or null when it is not a member. */
    public Identity identityOf(ActorRef<SessionActor.Reply> session) {
        Member member = members.get(session);
        return member == null ? null : member.identity();
    }

    /** The session of the member called {@code nick} (compared as nicks are), or null. */
    public ActorRef<SessionActor.Reply> sessionOf(String nick) {
        String key = Names.key(nick);
        for (Map.Entry<ActorRef<SessionActor.Reply>, Member> entry : members.entrySet()) {
            if (Names.key(entry.getValue().nick()).equals(key)) {
                return entry.getKey();
            }
        }
        return null;
    }

    /** The members who hold a role in {@code rules}, by nick, in the order they came. */
    public Map<String, Role> roles(RoomRules rules) {
        Map<String, Role> roles = new LinkedHashMap<>();
        members.values().forEach(member -> {
            Role role = rules.storedRoleOf(member.identity());
            if (role.moderates()) {
                roles.put(member.nick(), role);
            }
        });
        return roles;
    }

    /** The fan-out that writes to {@code session}'s connection, or null when it is not a member. */
    public ActorRef<NodeFanOut.Command> fanOutOf(ActorRef<SessionActor.Reply> session) {
        Member member = members.get(session);
        return member == null ? null : member.fanOut();
    }

    /** The members' nicks, in the order they came. */
    public List<String> nicks() {
        List<String> nicks = new ArrayList<>(members.size());
        members.values().forEach(member -> nicks.add(member.nick()));
        return nicks;
    }

    /** Whether any member's connection is on {@code fanOut}'s node. */
    public boolean serves(ActorRef<NodeFanOut.Command> fanOut) {
        return fanOuts.containsKey(fanOut);
    }

    /** The members whose connections are on {@code fanOut}'s node. */
    public List<ActorRef<SessionActor.Reply>> membersServedBy(ActorRef<NodeFanOut.Command> fanOut) {
        List<ActorRef<SessionActor.Reply>> served = new ArrayList<>();
        members.forEach((session, member) -> {
            if (member.fanOut().equals(fanOut)) {
                served.add(session);
            }
        });
        return served;
    }

    /** Every member, as the room's next actor takes them over. */
    public List<RoomActor.Returning> returning() {
        List<RoomActor.Returning> returning = new ArrayList<>(members.size());
        members.forEach((session, member) -> returning.add(new RoomActor.Returning(session, member.nick(), member.fanOut(),
                member.identity())));
        return returning;
    }

    /** The fan-outs of the nodes that have members. */
    public Set<ActorRef<NodeFanOut.Command>> fanOuts() {
        return fanOuts.keySet();
    }

    public void add(ActorRef<SessionActor.Reply> session, String nick, Identity identity,
                    ActorRef<NodeFanOut.Command> fanOut) {
        Member before = members.put(session, new Member(nick, identity, fanOut));
        if (before != null) {
            forget(before.fanOut());
        }
        fanOuts.merge(fanOut, 1, Integer::sum);
    }

    /** Takes {@code session} out; returns its fan-out, or null when it was not a member. */
    public ActorRef<NodeFanOut.Command> remove(ActorRef<SessionActor.Reply> session) {
        Member member = members.remove(session);
        if (member == null) {
            return null;
        }
        forget(member.fanOut());
        return member.fanOut();
    }

    public void rename(ActorRef<SessionActor.Reply> session, String nick) {
        members.computeIfPresent(session, (ignored, member) -> new Member(nick, member.identity(), member.fanOut()));
    }

    /** The member logged in to an account (or out of one) after joining. */
    public void identify(ActorRef<SessionActor.Reply> session, Identity identity) {
        members.computeIfPresent(session, (ignored, member) -> new Member(member.nick(), identity, member.fanOut()));
    }

    private void forget(ActorRef<NodeFanOut.Command> fanOut) {
        fanOuts.computeIfPresent(fanOut, (ignored, count) -> count > 1 ? count - 1 : null);
    }
}
