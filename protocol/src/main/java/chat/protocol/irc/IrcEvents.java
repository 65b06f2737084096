package chat.protocol.irc;

import chat.protocol.PresenceEvent;
import chat.protocol.ServerFrame;
import chat.protocol.ServerFrameEncoder;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rooms' events as IRC lines: what a room writes to all its IRC members alike (lines said,
 * joins, parts, quits, renames, topics) and whispers. The lines depend on no one recipient, only
 * on the capabilities it enabled, so one encoder serves every connection with the same ones and
 * a room's event is encoded once per combination in use on the node.
 */
final class IrcEvents implements ServerFrameEncoder {

    private final IrcServer server;
    private final IrcCapabilities caps;

    IrcEvents(IrcServer server, IrcCapabilities caps) {
        this.server = server;
        this.caps = caps;
    }

    @Override
    public byte[] encode(ServerFrame frame) {
        IrcOutput out = new IrcOutput();
        write(frame, out);
        return out.toBytes();
    }

    /** Writes a room event or a whisper; false for any other frame, which only a connection's own state can render. */
    boolean write(ServerFrame frame, IrcOutput out) {
        if (frame instanceof ServerFrame.Message message) {
            // The sender's copy (with re) is its echo: only for a client that asked for echoes.
            if (message.re() == null || caps.has(IrcCapability.ECHO_MESSAGE)) {
                message(message, null, null, out);
            }
        } else if (frame instanceof ServerFrame.Whisper whisper) {
            if (whisper.re() == null || caps.has(IrcCapability.ECHO_MESSAGE)) {
                say(null, whisper.ts(), null, whisper.from(), whisper.to(), whisper.text(), null, out);
            }
        } else if (frame instanceof ServerFrame.Presence presence) {
            presence(presence, out);
        } else if (frame instanceof ServerFrame.Topic topic) {
            out.line(null, server.sourceOf(topic.by()), "TOPIC", IrcChannel.of(topic.room()), topic.topic());
        } else if (frame instanceof ServerFrame.RoleChanged role) {
            out.line(null, server.sourceOf(role.by()), "MODE", IrcChannel.of(role.room()),
                    IrcModes.ofRole(role.role()), role.nick());
        } else if (frame instanceof ServerFrame.ModeChanged mode) {
            out.line(null, server.sourceOf(mode.by()), "MODE", IrcChannel.of(mode.room()), IrcModes.of(mode.mode()));
        } else {
            return false;
        }
        return true;
    }

    /** A line said in a room; {@code batch} marks it as history, and {@code stamp} dates it for a client without server-time. */
    void message(ServerFrame.Message message, String batch, String stamp, IrcOutput out) {
        say(batch, message.ts(), message, message.from(), IrcChannel.of(message.room()), message.text(), stamp, out);
    }

    /** {@code stamp}, when not null, goes in front of the text (inside an action), on every line of it. */
    private void say(String batch, Instant ts, ServerFrame.Message numbered, String from, String target, String text,
                     String stamp, IrcOutput out) {
        String source = server.sourceOf(from);
        String action = IrcText.actionOf(from, text);
        String said = action == null ? text : action;
        if (stamp != null) {
            // Blank lines are dropped before the stamp goes on, as they are from every line said.
            said = Arrays.stream(said.split("\n")).filter(line -> !line.isBlank()).map(line -> stamp + line)
                    .collect(Collectors.joining("\n"));
        }
        int budget = IrcText.MAX_LINE_BYTES - IrcText.utf8Length(":" + source + " PRIVMSG " + target + " :")
                - (action == null ? 0 : IrcText.ACTION_FRAME_BYTES);
        List<String> pieces = IrcText.pieces(said, budget);
        for (int piece = 0; piece < pieces.size(); piece++) {
            String msgid = numbered == null ? null : IrcTags.msgid(numbered.room(), numbered.seq(), piece);
            String shown = action == null ? pieces.get(piece) : IrcText.asAction(pieces.get(piece));
            out.line(IrcTags.of(caps, batch, ts, msgid), source, "PRIVMSG", target, shown);
        }
    }

    private void presence(ServerFrame.Presence presence, IrcOutput out) {
        String source = server.sourceOf(presence.event() == PresenceEvent.RENAME
                ? presence.old() : presence.nick());
        String channel = IrcChannel.of(presence.room());
        switch (presence.event()) {
            case JOIN -> out.line(null, source, "JOIN", channel);
            case LEAVE -> out.line(null, source, "PART", channel);
            case QUIT -> out.line(null, source, "QUIT", presence.reason() == null ? "Quit" : IrcText.quitWords(presence.reason()));
            case RENAME -> out.line(null, source, "NICK", presence.nick());
            case KICK -> out.line(null, server.sourceOf(presence.by()), "KICK", channel, presence.nick(),
                    presence.reason() == null ? presence.by() : presence.reason());
        }
    }
}
