package chat.protocol.irc;

/**
 * What a client that logged in with SASL is sent between {@code 903} and its {@code CAP END}:
 * held back, since IRC registration ends with {@code CAP END} while the session was welcomed at
 * {@code AUTHENTICATE} (the password had to be checked before the client ends negotiation). The
 * welcome burst, the default room's join and whatever the room and whisperers send meanwhile wait
 * here, in order, and go out as one when the client ends negotiation.
 *
 * <p>The release rides on an answer written where every room line and whisper for this
 * connection is written (the node's fan-out): the room's own answer to a {@code WHO} of the
 * default room, or the room's join itself if the client ended negotiation before it came. So
 * nothing the room says can overtake the burst on the wire. Used under its {@link IrcConnection}'s lock.
 */
final class IrcHeldWelcome {

    /**
     * Room lines held for a client that does not end negotiation: past this many bytes they are
     * dropped (and the client told), so a client cannot make the server keep a room's traffic.
     */
    private static final int MAX_EVENT_BYTES = 64 * 1024;

    private IrcOutput held;
    private int eventBytes;
    private int dropped;
    /** The id of the request whose answer releases what is held, once the client ended negotiation. */
    String releaseId;
    /** The client ended negotiation before the default room's join came: that join releases. */
    boolean releaseOnJoin;

    /** From a SASL login's hello on, whatever is not an answer to the client's lines is held. */
    void start() {
        held = new IrcOutput();
        eventBytes = 0;
        dropped = 0;
        releaseId = null;
        releaseOnJoin = false;
    }

    /** The login failed: nothing was welcomed, nothing is held. */
    void cancel() {
        held = null;
    }

    boolean holding() {
        return held != null;
    }

    /** Where what is held is written: a reply meant for this connection. */
    IrcOutput output() {
        return held;
    }

    /** A room event, held unless too many are already. */
    void event(byte[] lines) {
        if (eventBytes + lines.length > MAX_EVENT_BYTES) {
            dropped++;
            return;
        }
        eventBytes += lines.length;
        held.raw(lines);
    }

    /** Everything held, onto {@code out}; from now on nothing is held. */
    void release(IrcOutput out, String server, String nick) {
        out.raw(held.toBytes());
        if (dropped > 0) {
            out.line(null, server, "NOTICE", nick, dropped + " room events that came while you were still negotiating were"
                    + " dropped: end negotiation (CAP END) right after logging in");
        }
        held = null;
        releaseId = null;
        releaseOnJoin = false;
    }
}
