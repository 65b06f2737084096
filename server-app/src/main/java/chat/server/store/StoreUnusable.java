package chat.server.store;

/** The store cannot be used: the message is one line for the operator, naming the store and why. */
public final class StoreUnusable extends RuntimeException {

    public StoreUnusable(String message) {
        super(message);
    }

    public StoreUnusable(String message, Throwable cause) {
        super(message, cause);
    }
}
