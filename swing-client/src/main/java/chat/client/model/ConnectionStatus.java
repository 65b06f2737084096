package chat.client.model;

/** How this client's link to the server stands, with a sentence for the status bar. */
public record ConnectionStatus(State state, String detail) {

    public enum State { OFFLINE, CONNECTING, ONLINE, RECONNECTING }

    public boolean online() {
        return state == State.ONLINE;
    }
}
