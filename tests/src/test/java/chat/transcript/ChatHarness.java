package chat.transcript;

/** A running chat server, made for one transcript, that clients can connect to. */
interface ChatHarness extends AutoCloseable {

    /** Opens a new connection to the server's listener for {@code wire}. */
    ClientConnection connect(Wire wire) throws Exception;

    /** Shuts the server down the graceful way, as an operator would; every session is told {@code bye}. */
    void shutDown();

    /** Stops the server and everything it started. */
    @Override
    void close();
}
