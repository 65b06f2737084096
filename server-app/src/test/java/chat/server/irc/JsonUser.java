package chat.server.irc;

import chat.protocol.ClientFrame;
import chat.protocol.PresenceEvent;
import chat.protocol.Secret;
import chat.protocol.ServerFrame;
import chat.server.RawClient;
import java.util.function.Supplier;

/**
 * A person on the JSON protocol, chatting with the user of a real IRC client. When something
 * never reaches them, the test's message tells what the IRC client showed.
 */
final class JsonUser implements AutoCloseable {

    private final RawClient client;
    private final Supplier<String> ircClientShows;

    private JsonUser(RawClient client, Supplier<String> ircClientShows) {
        this.client = client;
        this.ircClientShows = ircClientShows;
    }

    /**
     * Registers {@code nick}, who waits for each frame as long as an IRC client is given for each
     * of its lines; {@code ircClientShows} tells what the IRC client showed, when a frame never comes.
     */
    static JsonUser registered(int port, String nick, Supplier<String> ircClientShows) {
        return new JsonUser(RawClient.registered(port, nick).withPatience(ClientLogs.PATIENCE), ircClientShows);
    }

    /** Makes {@code nick} an account with {@code password}, on a connection of its own that then says bye. */
    static void registersAccount(int port, String nick, String password) {
        RawClient owner = RawClient.registered(port, nick);
        owner.send(new ClientFrame.Register("register", new Secret(password)));
        owner.receiveSkipping(ServerFrame.Registered.class);
        owner.send(new ClientFrame.Bye(null, null));
        owner.assertByeAndClose("client quit");
    }

    /** Says {@code text} in the lobby; the sender's own copy comes back first and is read here. */
    void says(String text) {
        client.send(new ClientFrame.Say("say", "lobby", text));
        expecting(() -> client.receive(ServerFrame.Message.class));
    }

    /** Whispers {@code text} to {@code nick}; the sender's own copy comes back first and is read here. */
    void whispers(String nick, String text) {
        client.send(new ClientFrame.Whisper("whisper", nick, text));
        expecting(() -> client.receive(ServerFrame.Whisper.class));
    }

    /** The next line said in a room. */
    ServerFrame.Message hears() {
        return expecting(() -> client.receive(ServerFrame.Message.class));
    }

    /** The next whisper. */
    ServerFrame.Whisper hearsWhisper() {
        return expecting(() -> client.receive(ServerFrame.Whisper.class));
    }

    /** Skips others' comings and goings until {@code nick}'s {@code event}. */
    ServerFrame.Presence sees(String nick, PresenceEvent event) {
        return expecting(() -> client.awaitPresence(nick, event));
    }

    private <T> T expecting(Supplier<T> frame) {
        try {
            return frame.get();
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nmeanwhile the IRC client showed:\n" + ircClientShows.get(), e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
