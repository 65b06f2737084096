package chat.protocol.irc;

import chat.protocol.ClientFrame;
import chat.protocol.ConnectionEncoder;
import chat.protocol.ServerFrame;
import chat.protocol.ServerFrameEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One IRC client's connection, both ways: its lines become the requests a JSON client's frames
 * would (so its session is the same as any other), and its session's frames become IRC replies
 * in the words of the command that asked. Lines are read on the connection's stream while frames
 * are written from its session's and rooms' threads, so both take this object's lock.
 */
public final class IrcConnection implements ConnectionEncoder {

    /**
     * What one line gave: requests for the session (at least one, so that every line counts for
     * the rate limit), and the bytes of what is answered at once (mostly none: answers go through
     * the session, to keep their order).
     */
    public record Reading(List<ClientFrame> requests, byte[] reply) {}

    private final IrcProtocol protocol;
    private final IrcClientState state = new IrcClientState();
    private final IrcCommands commands;
    private final IrcReplies replies;
    /**
     * The room-event encoder of the capabilities enabled now, or {@link #holding} while a SASL
     * login's welcome is held: read by rooms without the lock.
     */
    private volatile ServerFrameEncoder shared;
    /** This connection's own encoder of room events, which holds them back with its welcome. */
    private final ServerFrameEncoder holding = this::hold;

    IrcConnection(IrcProtocol protocol, String address) {
        this.protocol = protocol;
        this.commands = new IrcCommands(protocol, state);
        this.replies = new IrcReplies(protocol, state, address);
        this.shared = protocol.events(state.caps);
    }

    /**
     * One line from the client (CR LF removed). It must be UTF-8: anything else is refused with a
     * notice rather than guessed at, so nobody else ever sees mojibake.
     */
    public synchronized Reading read(byte[] line) {
        if (line.length - tagsLength(line) > IrcText.MAX_LINE_BYTES) {
            return tooLong();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line))
                    .toString();
        } catch (CharacterCodingException e) {
            return notice("Your line was not valid UTF-8 and was dropped: this server speaks UTF-8 only (see UTF8ONLY)");
        }
        IrcLine parsed = IrcLine.parse(text.indexOf('\0') >= 0 ? text.replace('\0', ' ') : text);
        if (parsed == null) {
            return commands.answer(IrcOutput.NOTHING);
        }
        try {
            return commands.read(parsed);
        } catch (RuntimeException e) {
            // A line this codec trips over must not end the connection, let alone others': it is refused.
            return notice("Your " + parsed.command() + " line could not be read and was dropped");
        } finally {
            share();
        }
    }

    private void share() {
        shared = state.held.holding() ? holding : protocol.events(state.caps);
    }

    /** A room event while the welcome is held: kept with it, and nothing written now. */
    private synchronized byte[] hold(ServerFrame event) {
        byte[] lines = protocol.events(state.caps).encode(event);
        if (!state.held.holding()) {
            // A room took this encoder just before the welcome was released.
            return lines;
        }
        state.held.event(lines);
        return IrcOutput.NOTHING;
    }

    private Reading notice(String words) {
        return commands.answer(new IrcOutput().line(null, protocol.server().name(), "NOTICE", state.nick, words).toBytes());
    }

    /** The bytes of the line's tags and the space after them: the 512 bytes IRC allows a line do not count them. */
    private static int tagsLength(byte[] line) {
        if (line.length == 0 || line[0] != '@') {
            return 0;
        }
        for (int index = 0; index < line.length; index++) {
            if (line[index] == ' ') {
                return index + 1;
            }
        }
        return line.length;
    }

    /** What a line longer than the listener takes, which was dropped, gives. */
    public synchronized Reading tooLong() {
        return commands.answer(new IrcOutput()
                .numeric(protocol.server().name(), Numeric.ERR_INPUTTOOLONG, state.nick, "Input line was too long").toBytes());
    }

    /** True once the session has welcomed the client: the longer registered line limit applies from then on. */
    public synchronized boolean registered() {
        return state.registered;
    }

    @Override
    public ServerFrameEncoder shared() {
        return shared;
    }

    @Override
    public synchronized byte[] encode(ServerFrame frame) {
        IrcOutput out = new IrcOutput();
        replies.write(frame, out);
        share();
        return out.toBytes();
    }
}
