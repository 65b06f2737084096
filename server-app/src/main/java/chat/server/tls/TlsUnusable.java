package chat.server.tls;

/** The TLS listeners cannot start: the message is one line for the operator, naming the file or setting and why. */
public final class TlsUnusable extends RuntimeException {

    TlsUnusable(String message) {
        super(message);
    }

    TlsUnusable(String message, Throwable cause) {
        super(message, cause);
    }
}
