package chat.client.net;

import chat.protocol.ServerFrame;

/** What a {@link Transport} reports, from its reader thread. */
public interface TransportListener {

    void received(ServerFrame frame);

    /** Called exactly once, also when the connection could not be opened at all. */
    void closed(String reason);
}
