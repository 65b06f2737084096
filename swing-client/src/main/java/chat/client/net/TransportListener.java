package chat.client.net;

import chat.protocol.ServerFrame;

/** What a {@link Transport} reports, from its reader thread. */
public interface TransportListener {

    void received(ServerFrame frame);

    /**
     * Called exactly once when the link ends, also when it could not be opened at all; then
     * {@code failure} says why, and it is null for a link that was open.
     */
    void closed(String reason, ConnectFailure failure);
}
