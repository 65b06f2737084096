package chat.server;

/** The server's listeners: each speaks one wire protocol on a port of its own, in plain TCP or inside TLS. */
enum Listener {
    JSON("listening on {}"),
    IRC("listening for IRC clients on {}"),
    TLS("listening for TLS clients on {}"),
    IRC_TLS("listening for IRC clients over TLS on {}");

    /** The log line saying where it listens; tests and bin/chat-cluster wait for the JSON one's "listening on". */
    final String listening;

    Listener(String listening) {
        this.listening = listening;
    }
}
