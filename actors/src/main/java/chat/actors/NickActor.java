package chat.actors;

import chat.protocol.ErrorCode;
import chat.protocol.ServerFrame;
import chat.protocol.Timestamps;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/**
 * One nick, by its folded key: who holds it now, anywhere in the cluster. A Cluster Sharding
 * entity, so every claim of one nick, from whichever node, passes through this one mailbox: two
 * people racing for a nick on two nodes cannot both win. It also delivers whispers to its holder's
 * connection. The nick is free again once its holder lets go, or its session ends (a node that dies
 * takes its sessions along); a free nick's actor passivates. If this actor's own node dies, the
 * holder's node claims the nick back from the next actor ({@link NodeFanOut.NickHeld}).
 */
public final class NickActor extends AbstractBehavior<NickActor.Command> {

    public sealed interface Command extends CborSerializable {}

    public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "nick");

    /**
     * {@code session} asks for the nick, spelled {@code nick}; on success its previous nick
     * ({@code previousKey}, or null) is let go. Whispers to it go through {@code fanOut}.
     */
    public record Claim(String nick, String previousKey, ActorRef<SessionActor.Reply> session,
                        ActorRef<NodeFanOut.Command> fanOut, String re) implements Command {}

    public record Release(ActorRef<SessionActor.Reply> session) implements Command {}

    /** {@code frame} to whoever holds the nick now, if anyone does (an invitation, say). */
    public record Notify(ServerFrame frame) implements Command {}

    /**
     * A server operator's {@code kill}: the holder is disconnected with {@code reason}; the
     * operator's session hears that it was done, or that nobody holds {@code nick}.
     */
    public record Kill(String nick, String reason, ActorRef<SessionActor.Reply> operator, String re) implements Command {}

    /** {@code to}: the nick as the sender spelled it, for the answer when nobody holds it. */
    public record Whisper(String from, String to, String text, ActorRef<SessionActor.Reply> sender, String re)
            implements Command {}

    /**
     * The holder, handed to the nick's next actor through sharding, which holds it until that actor
     * runs: by the last actor as it stops (its shard moves, or it passivates with a claim just
     * taken), or by the holder's own node when the last actor died with its node.
     */
    public record Handover(String nick, ActorRef<SessionActor.Reply> session, ActorRef<NodeFanOut.Command> fanOut)
            implements Command {}

    /** Sharding's stop message, once the nick asked to be passivated. */
    public record Stop() implements Command {}

    private record HolderGone(ActorRef<SessionActor.Reply> session) implements Command, LocalOnly {}

    private record Holder(String nick, ActorRef<SessionActor.Reply> session, ActorRef<NodeFanOut.Command> fanOut) {}

    private final String key;
    private final ActorRef<ClusterSharding.ShardCommand> shard;
    private final ClusterSharding sharding;
    private Holder holder;
    private boolean passivating;
    private final List<Command> heldForSuccessor = new ArrayList<>();

    public static Behavior<Command> create(String key, ActorRef<ClusterSharding.ShardCommand> shard) {
        return Behaviors.setup(context -> new NickActor(context, key, shard));
    }

    private NickActor(ActorContext<Command> context, String key, ActorRef<ClusterSharding.ShardCommand> shard) {
        super(context);
        this.key = key;
        this.shard = shard;
        this.sharding = ClusterSharding.get(context.getSystem());
    }

    /** Where the nick with folded name {@code key} is held. */
    public static EntityRef<Command> of(ClusterSharding sharding, String key) {
        return sharding.entityRefFor(TYPE_KEY, key);
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Whisper.class, whisper -> passivating ? holdForSuccessor(whisper) : onWhisper(whisper))
                .onMessage(Notify.class, notify -> {
                    if (holder != null) {
                        holder.fanOut().tell(new NodeFanOut.WriteTo(holder.session(), notify.frame(), false));
                    } else {
                        passivateIfFree();
                    }
                    return this;
                })
                .onMessage(Kill.class, kill -> passivating ? holdForSuccessor(kill) : onKill(kill))
                .onMessage(Claim.class, claim -> passivating ? holdForSuccessor(claim) : onClaim(claim))
                .onMessage(Release.class, release -> letGo(release.session()))
                .onMessage(HolderGone.class, gone -> letGo(gone.session()))
                .onMessage(Handover.class, handover -> passivating ? holdForSuccessor(handover) : onHandover(handover))
                .onMessage(Stop.class, stop -> onStop())
                .build();
    }

    private Behavior<Command> onClaim(Claim claim) {
        if (holder != null && !holder.session().equals(claim.session())) {
            claim.session().tell(new SessionActor.NickRefused(ErrorCode.NICK_TAKEN,
                    "nick \"" + holder.nick() + "\" is taken", claim.re()));
            passivateIfFree();
            return this;
        }
        take(new Holder(claim.nick(), claim.session(), claim.fanOut()));
        // Let go before answering: on one node, a claim sent after the answer reaches the old nick after this.
        if (claim.previousKey() != null && !claim.previousKey().equals(key)) {
            of(sharding, claim.previousKey()).tell(new Release(claim.session()));
        }
        claim.session().tell(new SessionActor.NickClaimed(claim.nick(), key, claim.re()));
        claim.session().tell(new SessionActor.NickKept(claim.nick(), key, getContext().getSelf()));
        return this;
    }

    /**
     * The holder comes back from this nick's last actor, or from its own node's fan-out when that
     * actor died with another node. Either way it held the nick before anyone this actor let take
     * it meanwhile, who loses it. The holder hears where its nick is kept now.
     */
    private Behavior<Command> onHandover(Handover handover) {
        if (holder != null && !holder.session().equals(handover.session())) {
            holder.session().tell(new SessionActor.NickLost(holder.nick(), key));
            getContext().unwatch(holder.session());
            holder = null;
        }
        take(new Holder(handover.nick(), handover.session(), handover.fanOut()));
        handover.session().tell(new SessionActor.NickKept(handover.nick(), key, getContext().getSelf()));
        return this;
    }

    private void take(Holder taker) {
        if (holder == null || !holder.session().equals(taker.session())) {
            getContext().watchWith(taker.session(), new HolderGone(taker.session()));
        }
        holder = taker;
    }

    /**
     * Once the nick has asked to be passivated, sharding stops it soon: a claim or whisper that
     * reached it meanwhile is decided by its next actor, in the order it came, so two claims in
     * that window cannot both win.
     */
    private Behavior<Command> holdForSuccessor(Command request) {
        heldForSuccessor.add(request);
        return this;
    }

    private Behavior<Command> letGo(ActorRef<SessionActor.Reply> session) {
        if (holder != null && holder.session().equals(session)) {
            getContext().unwatch(session);
            holder = null;
        }
        passivateIfFree();
        return this;
    }

    /**
     * Straight to the holder's connection, before the sender hears its echo: a sender that quits
     * after its whisper cannot have its quit reach the addressee first.
     */
    private Behavior<Command> onWhisper(Whisper whisper) {
        if (holder == null) {
            whisper.sender().tell(new SessionActor.Answer(new ServerFrame.Error(ErrorCode.NO_SUCH_NICK,
                    "nobody called \"" + whisper.to() + "\" is online", whisper.re())));
            passivateIfFree();
            return this;
        }
        ServerFrame.Whisper frame = new ServerFrame.Whisper(whisper.from(), holder.nick(), whisper.text(),
                Timestamps.now(), null);
        if (!holder.session().equals(whisper.sender())) {
            holder.fanOut().tell(new NodeFanOut.WriteTo(holder.session(), frame, false));
        }
        whisper.sender().tell(new SessionActor.Answer(new ServerFrame.Whisper(frame.from(), frame.to(), frame.text(),
                frame.ts(), whisper.re())));
        return this;
    }

    private Behavior<Command> onKill(Kill kill) {
        if (holder == null) {
            kill.operator().tell(new SessionActor.Answer(new ServerFrame.Error(ErrorCode.NO_SUCH_NICK,
                    "nobody called \"" + kill.nick() + "\" is online", kill.re())));
            passivateIfFree();
            return this;
        }
        holder.session().tell(new SessionActor.Killed(kill.reason()));
        kill.operator().tell(new SessionActor.Answer(new ServerFrame.Killed(holder.nick(), kill.reason(), kill.re())));
        return this;
    }

    private void passivateIfFree() {
        if (holder == null && !passivating) {
            passivating = true;
            shard.tell(new ClusterSharding.Passivate<>(getContext().getSelf()));
        }
    }

    /**
     * Nothing that reached this actor is lost with it: a holder (its shard moved to another node)
     * and what it held back go to the nick's next actor, through sharding, which keeps them until
     * that one runs.
     */
    private Behavior<Command> onStop() {
        if (!ShuttingDown.of(getContext().getSystem())) {
            EntityRef<Command> next = of(sharding, key);
            if (holder != null) {
                next.tell(new Handover(holder.nick(), holder.session(), holder.fanOut()));
            }
            heldForSuccessor.forEach(next::tell);
        }
        return Behaviors.stopped();
    }
}
