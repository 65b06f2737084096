package chat.actors.room;

import chat.actors.SessionActor;
import chat.protocol.ServerFrame;
import chat.protocol.Timestamps;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * A room's writes to its journal: at most one on its way, and the requests that arrive meanwhile
 * gathering for the next one, which stores them all at once. It decides what is written and in
 * what order; its room does the telling. Every request is answered exactly once: when its write
 * is durable, or with "unavailable".
 */
public final class GroupCommit {

    /** A request that waits for the store. */
    public sealed interface Request {
        ActorRef<SessionActor.Reply> session();

        String re();
    }

    public record Line(ActorRef<SessionActor.Reply> session, String from, String text, String re) implements Request {}

    public record TopicChange(ActorRef<SessionActor.Reply> session, String by, String topic, String re) implements Request {}

    /**
     * A change of the room's rules, worked out on the rules as they are once everything before it
     * is stored. Once durable, {@code announcement} goes to every member (the requester's copy is
     * {@code requestersCopy}, with its {@code re}), or else {@code answer} to the requester alone;
     * a change the room makes by itself (its creator becomes its owner) has neither.
     */
    public record RulesChange(ActorRef<SessionActor.Reply> session, UnaryOperator<RoomRules> change,
                              ServerFrame announcement, ServerFrame requestersCopy, ServerFrame answer, String re)
            implements Request {}

    /** One event of a write, and the request it answers; null for the room's own events (opened, restated). */
    public record Written(RoomEvent event, Request request) {}

    private List<Request> gathering = new ArrayList<>();
    /**
     * Rule changes among what gathers, and the rules the write on its way stores (null when it
     * stores none): without either, the rules are what is stored, found without a look at the lines.
     */
    private int rulesChangesGathering;
    private RoomRules rulesWriting;
    private boolean restateDirectoryFacts;
    private List<Written> writing;
    private boolean writingAnswered;

    public void gather(Request request) {
        gathering.add(request);
        if (request instanceof RulesChange) {
            rulesChangesGathering++;
        }
    }

    /**
     * Old events were deleted (retention), the room's opening and topic among them: the next write
     * states them again, so the directory rebuilt from the store after a restart still finds the room.
     */
    public void restateDirectoryFacts() {
        restateDirectoryFacts = true;
    }

    public boolean isIdle() {
        return writing == null && gathering.isEmpty() && !restateDirectoryFacts;
    }

    /**
     * The events of the next write, numbered after what the store holds; empty when a write is on
     * its way or nothing waits. A room's first write opens it with its name and epoch.
     */
    public List<RoomEvent> startWrite(RoomJournal.State stored, String name, String epoch) {
        if (writing != null || (gathering.isEmpty() && !restateDirectoryFacts)) {
            return List.of();
        }
        List<Written> events = new ArrayList<>(gathering.size() + 2);
        if (stored.isEmpty() || restateDirectoryFacts) {
            events.add(new Written(new RoomEvent.Opened(name, epoch), null));
        }
        if (restateDirectoryFacts && !stored.topic().isEmpty()) {
            events.add(new Written(new RoomEvent.TopicSet(stored.topic(), ""), null));
        }
        if (restateDirectoryFacts && !stored.rules().equals(RoomRules.NONE)) {
            events.add(new Written(new RoomEvent.RulesSet(stored.rules()), null));
        }
        long seq = stored.seq();
        RoomRules rules = stored.rules();
        for (Request request : gathering) {
            RoomEvent event;
            if (request instanceof Line line) {
                event = new RoomEvent.MessagePosted(++seq, line.from(), line.text(), Timestamps.now());
            } else if (request instanceof TopicChange topic) {
                event = new RoomEvent.TopicSet(topic.topic(), topic.by());
            } else {
                rules = ((RulesChange) request).change().apply(rules);
                event = new RoomEvent.RulesSet(rules);
                rulesWriting = rules;
            }
            events.add(new Written(event, request));
        }
        writing = events;
        writingAnswered = false;
        gathering = new ArrayList<>();
        rulesChangesGathering = 0;
        restateDirectoryFacts = false;
        return events.stream().map(Written::event).toList();
    }

    /**
     * The rules as they will be once the write on its way and everything gathered is stored: what
     * the next request is judged by.
     */
    public RoomRules rulesAfterPending(RoomRules stored) {
        RoomRules rules = rulesWriting == null ? stored : rulesWriting;
        if (rulesChangesGathering == 0) {
            return rules;
        }
        for (Request request : gathering) {
            if (request instanceof RulesChange change) {
                rules = change.change().apply(rules);
            }
        }
        return rules;
    }

    public boolean isWriting() {
        return writing != null;
    }

    public int eventsWriting() {
        return writing == null ? 0 : writing.size();
    }

    /** The write on its way reached the store: its events, in order, to be delivered. */
    public List<Written> written() {
        List<Written> done = writing;
        writing = null;
        rulesWriting = null;
        return done;
    }

    /** The write on its way did not reach the store: the requests it carried that are still unanswered. */
    public List<Request> lost() {
        List<Request> unanswered = writingAnswered ? List.of() : requestsOf(writing);
        writing = null;
        rulesWriting = null;
        return unanswered;
    }

    /**
     * The write on its way takes too long: its requests are to be answered now, once. It may still
     * reach the store; its lines are then delivered as anybody's, without a second answer.
     */
    public List<Request> giveUpWaiting() {
        if (writing == null || writingAnswered) {
            return List.of();
        }
        writingAnswered = true;
        return requestsOf(writing);
    }

    /** Whether the requests of the write on its way have had their answer already. */
    public boolean writingAnswered() {
        return writingAnswered;
    }

    /** Everything gathering for the next write, taken out: the store is down, so it is refused. */
    public List<Request> refuseGathered() {
        List<Request> refused = gathering;
        gathering = new ArrayList<>();
        rulesChangesGathering = 0;
        return refused;
    }

    private static List<Request> requestsOf(List<Written> events) {
        return events.stream().map(Written::request).filter(request -> request != null).toList();
    }
}
