package chat.client.model;

/** How this client's link to the server stands, with a sentence for the status bar. */
public record ConnectionStatus(State state, String detail) {

    /** NICK_TAKEN: reconnecting, but the nick went to somebody else while the connection was down. */
    public enum State { OFFLINE, CONNECTING, ONLINE, RECONNECTING, NICK_TAKEN }

    public boolean online() {
        return state == State.ONLINE;
    }
}
