package chat.transcript;

/** Which of the server's listeners a client's connection goes to, and so which protocol it speaks. */
enum Wire {
    /** Protocol v1, JSON lines, on {@code chat.port}. */
    JSON,
    /** IRC, on {@code chat.irc.port}. */
    IRC
}
