package chat.protocol.irc;

import static java.nio.charset.StandardCharsets.UTF_8;

import chat.protocol.ClientFrame;
import chat.protocol.ServerFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * One IRC client's connection driven as the listener drives it, without a socket: lines the
 * client sends, frames its session answers with, and the lines the client reads back.
 */
final class IrcClient {

    static final IrcServer SERVER = new IrcServer("irc.example", "ExampleNet", "chat-1.2",
            "Mon, 5 Jan 2026 09:00:00 GMT", "chat.example", 300, 10);
    static final String ADDRESS = "203.0.113.7";
    /** One listener's protocol for every client, as on a server, so that they share room-event encoders. */
    static final IrcProtocol PROTOCOL = new IrcProtocol(SERVER);

    final IrcConnection connection = PROTOCOL.connect(ADDRESS);

    /** A client that registered as {@code nick} with {@code caps} enabled, its welcome read. */
    static IrcClient registered(String nick, IrcCapability... caps) {
        IrcClient client = new IrcClient();
        if (caps.length > 0) {
            List<String> names = new ArrayList<>();
            for (IrcCapability capability : caps) {
                names.add(capability.wire());
            }
            client.send("CAP LS 302");
            client.send("CAP REQ :" + String.join(" ", names));
        }
        client.send("NICK " + nick);
        IrcConnection.Reading registering = client.send("USER " + nick + " 0 * :" + nick);
        if (caps.length > 0) {
            registering = client.send("CAP END");
        }
        client.receives(new ServerFrame.Welcome(nick, 1, "chat-1.2", 30, "Be kind.", asked(registering).get(0).id()));
        return client;
    }

    /** A registered client that is in {@code room}, alone, with no topic and no history. */
    static IrcClient inRoom(String nick, String room, IrcCapability... caps) {
        IrcClient client = registered(nick, caps);
        client.receives(new ServerFrame.Joined(room, "", List.of(nick), List.of(), "e1", null));
        return client;
    }

    IrcConnection.Reading send(String line) {
        return connection.read(line.getBytes(UTF_8));
    }

    /** The lines the client reads in answer to {@code line}, once the session has answered its pings. */
    List<String> says(String line) {
        return answered(send(line));
    }

    /**
     * The lines the client reads for {@code reading}: those answered at once, and those its pings
     * carry once the session has answered them.
     */
    List<String> answered(IrcConnection.Reading reading) {
        List<String> lines = new ArrayList<>(IrcLines.of(reading.reply()));
        for (ClientFrame request : reading.requests()) {
            if (request instanceof ClientFrame.Ping ping) {
                lines.addAll(receives(new ServerFrame.Pong(ping.id())));
            }
        }
        return lines;
    }

    /** The requests {@code reading} makes of the session, leaving out the pings and pongs that carry answers or count the line. */
    static List<ClientFrame> asked(IrcConnection.Reading reading) {
        return reading.requests().stream()
                .filter(request -> !(request instanceof ClientFrame.Ping) && !(request instanceof ClientFrame.Pong))
                .toList();
    }

    /** The one request {@code line} makes of the session. */
    ClientFrame request(String line) {
        List<ClientFrame> requests = asked(send(line));
        if (requests.size() != 1) {
            throw new AssertionError(line + " made " + requests + ", not one request");
        }
        return requests.get(0);
    }

    /** The lines the client reads for a frame its session sends it alone. */
    List<String> receives(ServerFrame frame) {
        return IrcLines.of(connection.encode(frame));
    }

    /** The lines the client reads for a room event, encoded once for every client with its capabilities. */
    List<String> seesInRoom(ServerFrame frame) {
        return IrcLines.of(connection.shared().encode(frame));
    }

    /**
     * The lines the client reads once the session has answered {@code reading}'s pings (which
     * carry what the listener answered itself), as a session does: each with a pong, in order.
     */
    List<String> pongsFor(IrcConnection.Reading reading) {
        List<String> lines = new ArrayList<>();
        for (ClientFrame request : reading.requests()) {
            if (!(request instanceof ClientFrame.Ping ping)) {
                throw new AssertionError("expected only pings, got " + reading.requests());
            }
            lines.addAll(receives(new ServerFrame.Pong(ping.id())));
        }
        return lines;
    }
}
