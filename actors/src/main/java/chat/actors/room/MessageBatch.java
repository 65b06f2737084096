package chat.actors.room;

import chat.actors.SessionActor;
import chat.actors.Wire;
import chat.protocol.ServerFrame;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.util.ByteString;

/**
 * The messages a room took since it last delivered. When several arrive together they leave as
 * one delivery per member, so a busy room costs one message per member per batch, not per line.
 * Each sender gets the batch with its own line as the answer to its request ({@code re}).
 */
public final class MessageBatch {

    /** A sender's request in the batch: which line is its own, and the id to answer. */
    public record Echo(ActorRef<SessionActor.Reply> sender, int line, String re) {}

    private final List<ServerFrame.Message> messages = new ArrayList<>();
    private final List<ByteString> encoded = new ArrayList<>();
    private final List<Echo> echoes = new ArrayList<>();
    private final Set<ActorRef<SessionActor.Reply>> senders = new HashSet<>();

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public void add(ServerFrame.Message message, ActorRef<SessionActor.Reply> sender, String re) {
        echoes.add(new Echo(sender, messages.size(), re));
        senders.add(sender);
        messages.add(message);
        encoded.add(Wire.bytes(message));
    }

    /** The batch as every member who said nothing in it receives it: encoded once, shared by all. */
    public ByteString forListeners() {
        return concat(-1, null);
    }

    public boolean isSender(ActorRef<SessionActor.Reply> member) {
        return senders.contains(member);
    }

    public List<Echo> echoes() {
        return echoes;
    }

    /** The batch as {@code echo}'s sender receives it: the same lines, its own carrying {@code re}. */
    public ByteString forSender(Echo echo) {
        return concat(echo.line(), echo.re());
    }

    public void clear() {
        messages.clear();
        encoded.clear();
        echoes.clear();
        senders.clear();
    }

    private ByteString concat(int answeredLine, String re) {
        ByteString batch = ByteString.emptyByteString();
        for (int line = 0; line < messages.size(); line++) {
            batch = batch.concat(line == answeredLine && re != null
                    ? Wire.bytes(messages.get(line).answering(re))
                    : encoded.get(line));
        }
        return batch;
    }
}
