package chat.client.net;

/** Where a server listens. */
public record Endpoint(String host, int port) {

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
