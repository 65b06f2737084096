package chat.server.irc;

/**
 * A real IRC client program, driven as its user drives it: lines typed into a window, and the
 * windows read back. A window is a channel ({@code #lobby}) or a nick, for a private chat.
 */
interface RealIrcClient extends AutoCloseable {

    /** Types {@code line} into {@code window} and presses Enter: a command when it starts with a slash, else said there. */
    void type(String window, String line);

    /** The first line of the server's own window that holds each of {@code pieces}, in order; fails the test if none comes. */
    String awaitServerLine(String... pieces);

    /** The first line of {@code window} that holds each of {@code pieces}, in order; fails the test if none comes. */
    String awaitLine(String window, String... pieces);

    /** The line in which {@code window} shows that {@code nick} said {@code text}, as this client shows what someone said. */
    String awaitSaid(String window, String nick, String text);

    /** Everything the client showed: for the message of a test that failed on the other side. */
    String transcript();

    /** Ends the program, whether or not it still runs. */
    @Override
    void close();
}
