package chat.protocol;

/** A server frame a client cannot understand. */
public final class ProtocolException extends Exception {
    public ProtocolException(String message) {
        super(message);
    }
}
