package chat.bench.load;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Arrays;

/** One simulated user: its socket, where it is in the handshake, and its unfinished input and output. */
final class Client {

    enum State { WAITING, CONNECTING, AWAIT_WELCOME, AWAIT_JOINED, READY, FAILED, CLOSED }

    final String nick;
    /** Null for an idle client, which stays out of every room but the default one. */
    final String room;
    final int roomIndex;
    final boolean slowReader;
    final InetAddress source;
    /** The node this client connects to: the server's one port, or one node's of a cluster. */
    final InetSocketAddress server;

    State state = State.WAITING;
    SocketChannel channel;
    SelectionKey key;
    long connectStartedAt;
    long lastSeq;
    String byeReason;
    private ArrayDeque<ByteBuffer> unsent;
    private byte[] partialLine;
    private int partialLength;

    Client(String nick, String room, int roomIndex, boolean slowReader, InetAddress source, InetSocketAddress server) {
        this.nick = nick;
        this.room = room;
        this.roomIndex = roomIndex;
        this.slowReader = slowReader;
        this.source = source;
        this.server = server;
    }

    boolean inFlight() {
        return state == State.CONNECTING || state == State.AWAIT_WELCOME || state == State.AWAIT_JOINED;
    }

    boolean hasUnsent() {
        return unsent != null && !unsent.isEmpty();
    }

    void queueUnsent(ByteBuffer rest) {
        if (unsent == null) {
            unsent = new ArrayDeque<>();
        }
        unsent.add(rest);
    }

    ArrayDeque<ByteBuffer> unsent() {
        return unsent;
    }

    void keepPartial(byte[] bytes, int from, int to) {
        int needed = partialLength + (to - from);
        if (partialLine == null || partialLine.length < needed) {
            partialLine = Arrays.copyOf(partialLine == null ? new byte[0] : partialLine, Math.max(needed, 2 * partialLength));
        }
        System.arraycopy(bytes, from, partialLine, partialLength, to - from);
        partialLength = needed;
    }

    boolean hasPartial() {
        return partialLength > 0;
    }

    byte[] partial() {
        return partialLine;
    }

    int partialLength() {
        return partialLength;
    }

    void clearPartial() {
        partialLength = 0;
    }
}
