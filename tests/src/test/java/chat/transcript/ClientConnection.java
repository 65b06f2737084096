package chat.transcript;

/** One client's connection, as the transcript drives it. */
interface ClientConnection {

    /** Sends bytes exactly as given; the transcript adds the newline when it wants one. */
    void send(byte[] bytes) throws Exception;

    /** Where the server's frames to this client collect. */
    Inbox inbox();

    /** Closes the sending side, keeps reading: a script piped into {@code nc -N} at the end of its input. */
    void stopSending();

    /** Takes nothing more off the wire; what the server writes piles up on its side. */
    void stopReading();

    /**
     * Goes away without {@code bye}, as a client whose process died: its sending side ends, and
     * nothing it receives from then on is looked at.
     */
    void drop();
}
