package chat.client.model;

/** How this client's link to the server stands, with a sentence for the status bar. */
public record ConnectionStatus(State state, String detail) {

    /**
     * NICK_TAKEN: reconnecting, but the nick went to somebody else while the connection was down.
     * PASSWORD_NEEDED: a reconnect found the nick an account's and waits for its password or another nick.
     */
    public enum State { OFFLINE, CONNECTING, ONLINE, RECONNECTING, NICK_TAKEN, PASSWORD_NEEDED }

    public boolean online() {
        return state == State.ONLINE;
    }
}
