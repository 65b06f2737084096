package chat.actors.room;

import chat.actors.SessionActor;
import chat.actors.Wire;
import chat.protocol.ServerFrame;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.util.ByteString;

/**
 * The lines a room took since it last delivered: messages, and the presence of members who came
 * and went. They leave as one delivery per member, so a busy room costs one message and one socket
 * write per member per batch, not per line.
 *
 * <p>A sender is answered at once, so it may say its next line within the same batch: its answer
 * holds the lines of the batch it has not had yet, ending with its own (carrying {@code re}), and
 * at delivery it gets only the lines after that. A newcomer's snapshot already covers the batch,
 * so it too gets only what comes after. Every member thus sees the room's lines once and in order.
 */
public final class MessageBatch {

    /** Whole frames, one per line, and how many. */
    public record Lines(ByteString bytes, int count) {}

    private final List<ByteString> encoded = new ArrayList<>();
    /** For each sender or newcomer in the batch: how many of its lines it already has. */
    private final Map<ActorRef<SessionActor.Reply>, Integer> sentToSender = new HashMap<>();

    public boolean isEmpty() {
        return encoded.isEmpty();
    }

    /** Adds {@code sender}'s line and returns its answer: the lines it has not had yet, its own with {@code re}. */
    public Lines add(ServerFrame.Message message, ActorRef<SessionActor.Reply> sender, String re) {
        // Encoded before anything changes: a line that cannot be encoded leaves the batch as it was.
        ByteString line = Wire.bytes(message);
        ByteString own = re == null ? line : Wire.bytes(message.answering(re));
        int alreadySent = sentToSender.getOrDefault(sender, 0);
        ByteString answer = concat(alreadySent, encoded.size()).concat(own);
        encoded.add(line);
        sentToSender.put(sender, encoded.size());
        return new Lines(answer, encoded.size() - alreadySent);
    }

    /**
     * Adds a line for everyone but {@code origin} (a newcomer announced by it, or null), who is
     * counted as having the whole batch so far: its snapshot holds it.
     */
    public void addEvent(ByteString line, ActorRef<SessionActor.Reply> origin) {
        encoded.add(line);
        if (origin != null) {
            sentToSender.put(origin, encoded.size());
        }
    }

    /** Counts {@code member} as having the whole batch so far. */
    public void markHasAll(ActorRef<SessionActor.Reply> member) {
        if (!encoded.isEmpty()) {
            sentToSender.put(member, encoded.size());
        }
    }

    /** What {@code member} has not had of the batch yet, or null: for one who leaves before it goes out. */
    public Lines pendingFor(ActorRef<SessionActor.Reply> member) {
        return isSender(member) ? restFor(member) : encoded.isEmpty() ? null : forListeners();
    }

    /** The batch as every member who said nothing in it receives it: encoded once, shared by all. */
    public Lines forListeners() {
        return new Lines(concat(0, encoded.size()), encoded.size());
    }

    public boolean isSender(ActorRef<SessionActor.Reply> member) {
        return sentToSender.containsKey(member);
    }

    /** The lines after {@code sender}'s last answer (or snapshot), or null when it has them all. */
    public Lines restFor(ActorRef<SessionActor.Reply> sender) {
        int alreadySent = sentToSender.get(sender);
        return alreadySent == encoded.size()
                ? null
                : new Lines(concat(alreadySent, encoded.size()), encoded.size() - alreadySent);
    }

    public void clear() {
        encoded.clear();
        sentToSender.clear();
    }

    private ByteString concat(int from, int to) {
        ByteString lines = ByteString.emptyByteString();
        for (int line = from; line < to; line++) {
            lines = lines.concat(encoded.get(line));
        }
        return lines;
    }
}
