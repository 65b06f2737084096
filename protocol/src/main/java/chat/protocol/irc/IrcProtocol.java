package chat.protocol.irc;

import chat.protocol.ServerFrame;

/**
 * IRC on one server: what it tells clients about itself, and the room-event encoders its
 * connections share, one per combination of capabilities, so that a room's event is encoded once
 * for all connections that see it alike. Thread-safe; one per listener.
 */
public final class IrcProtocol {

    private final IrcServer server;
    private final IrcEvents[] events;

    public IrcProtocol(IrcServer server) {
        this.server = server;
        this.events = new IrcEvents[1 << IrcCapability.shapingEvents()];
        for (int index = 0; index < events.length; index++) {
            IrcCapabilities caps = IrcCapabilities.NONE;
            for (IrcCapability capability : IrcCapability.values()) {
                caps = caps.with(capability, capability.shapesEvents() && (index & (1 << capability.ordinal())) != 0);
            }
            events[index] = new IrcEvents(server, caps);
        }
    }

    public IrcServer server() {
        return server;
    }

    /** The state and translation of one new connection from {@code address}. */
    public IrcConnection connect(String address) {
        return new IrcConnection(this, address);
    }

    /** What a connection turned away at the door is told before it is closed. */
    public byte[] refusal(ServerFrame farewell, String address) {
        return connect(address).encode(farewell);
    }

    IrcEvents events(IrcCapabilities caps) {
        return events[caps.index()];
    }
}
