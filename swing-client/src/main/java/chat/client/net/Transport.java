package chat.client.net;

import chat.protocol.ClientFrame;
import java.time.Duration;

/** A link to a server. Frames go out through it; what comes back goes to its {@link TransportListener}. */
public interface Transport {

    /** Queues a frame for the writer; never blocks, so the event dispatch thread may call it. */
    void send(ClientFrame frame);

    /** Treats the link as dead when the server sends nothing for this long. */
    void expectTrafficWithin(Duration silence);

    /** Writes what is queued, then stops sending; frames from the server still arrive until it hangs up. */
    void finish();

    /** Drops the link now; the listener still hears {@code closed} once. */
    void close();
}
