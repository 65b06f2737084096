package chat.client.net;

/** Opens links to servers; tests swap in an in-memory one. */
public interface TransportFactory {

    /** Starts connecting and returns at once; failures arrive as {@link TransportListener#closed}. */
    Transport open(Endpoint endpoint, TransportListener listener);
}
