package chat.bench.load;

import chat.protocol.ClientFrame;
import chat.protocol.FrameCodec;
import chat.protocol.ProtocolException;
import chat.protocol.ServerFrame;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One selector thread driving its share of the clients: connects them, answers the server, sends
 * on schedule and timestamps every delivery. Everything about a client happens on its reactor's
 * thread; other threads talk to a reactor only through {@link #submit}.
 */
final class Reactor implements Runnable {

    private static final int READ_BUFFER_BYTES = 64 * 1024;
    /** Small, so the server notices a slow reader after kilobytes rather than megabytes. */
    private static final int SLOW_READER_RECEIVE_BUFFER_BYTES = 4096;
    private static final long SLOW_READ_PERIOD_NANOS = 100_000_000L;
    private static final long IDLE_SELECT_NANOS = 100_000_000L;
    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final int MAX_REASON_CHARS = 80;

    private final int index;
    private final int reactors;
    private final LoadPlan plan;
    private final Outcomes outcomes;
    private final FrameCodec codec = new FrameCodec();
    private final Selector selector;
    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final ByteBuffer input = ByteBuffer.allocate(READ_BUFFER_BYTES);
    private final List<Client> clients = new ArrayList<>();
    private final ArrayDeque<Client> waiting = new ArrayDeque<>();
    private final ArrayDeque<Client> connectOrder = new ArrayDeque<>();
    private final List<Client> slowReaders = new ArrayList<>();
    private final byte[] ping;
    private final byte[] pong;
    private final String padding;
    private final int connectConcurrency;
    private final long connectTimeoutNanos;
    private boolean running = true;
    private int inFlight;
    private long nextSlowRead;

    private Step step;
    private Client[] senders = new Client[0];
    private long sendInterval;
    private long sendPhase;
    private long nextMessage;

    Reactor(int index, int reactors, LoadPlan plan, Outcomes outcomes) throws IOException {
        this.index = index;
        this.reactors = reactors;
        this.plan = plan;
        this.outcomes = outcomes;
        this.selector = Selector.open();
        this.ping = codec.encode(new ClientFrame.Ping(null));
        this.pong = codec.encode(new ClientFrame.Pong(null));
        this.padding = " " + "x".repeat(Math.max(0, plan.textBytes() - 21));
        this.connectConcurrency = Math.max(1, plan.connectConcurrency() / reactors);
        this.connectTimeoutNanos = (long) (plan.connectTimeoutSeconds() * Step.NANOS_PER_SECOND);
    }

    void submit(Runnable command) {
        commands.add(command);
        selector.wakeup();
    }

    void connect(List<Client> batch) {
        submit(() -> {
            clients.addAll(batch);
            waiting.addAll(batch);
        });
    }

    /** Sends this reactor's share of the step's messages, split evenly over all ready senders. */
    void begin(Step next, long totalSenders) {
        submit(() -> {
            step = next;
            senders = clients.stream()
                    .filter(client -> client.state == Client.State.READY && client.room != null && !client.slowReader)
                    .toArray(Client[]::new);
            if (senders.length > 0) {
                double share = next.messagesPerSecond * senders.length / totalSenders;
                sendInterval = Math.max(1, (long) (Step.NANOS_PER_SECOND / share));
                sendPhase = sendInterval * index / reactors;
            }
            nextMessage = 0;
        });
    }

    void pingAll() {
        submit(() -> {
            for (Client client : clients) {
                if (client.state == Client.State.READY) {
                    send(client, ping);
                }
            }
        });
    }

    void stop() {
        submit(() -> running = false);
    }

    @Override
    public void run() {
        try {
            while (running) {
                Runnable command;
                while ((command = commands.poll()) != null) {
                    command.run();
                }
                long now = Clock.now();
                sendDue(now);
                startConnects(now);
                expireConnects(now);
                trickle(now);
                long wait = nextWakeup(now);
                if (wait <= 0) {
                    selector.selectNow(this::handle);
                } else {
                    selector.select(this::handle, Math.max(1, wait / NANOS_PER_MILLI));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("selector failed", e);
        } finally {
            for (Client client : clients) {
                closeChannel(client);
            }
            try {
                selector.close();
            } catch (IOException ignored) {
                // Shutting down; the channels are already closed.
            }
        }
    }

    private long nextWakeup(long now) {
        long wait = IDLE_SELECT_NANOS;
        if (step != null && senders.length > 0) {
            long due = step.start + sendPhase + nextMessage * sendInterval;
            if (due < step.windowEnd) {
                wait = Math.min(wait, due - now);
            }
        }
        if (!slowReaders.isEmpty()) {
            wait = Math.min(wait, nextSlowRead - now);
        }
        return wait;
    }

    private void sendDue(long now) {
        if (step == null || senders.length == 0) {
            return;
        }
        while (true) {
            long intended = step.start + sendPhase + nextMessage * sendInterval;
            if (intended > now || intended >= step.windowEnd) {
                return;
            }
            Client sender = senders[(int) (nextMessage % senders.length)];
            nextMessage++;
            if (sender.state == Client.State.READY) {
                // The intended time, not the actual one: a late send still counts from when it was due.
                String text = intended + padding;
                send(sender, codec.encode(new ClientFrame.Say("m" + nextMessage, sender.room, text)));
                step.recordSend(intended, sender.roomIndex);
            }
        }
    }

    private void startConnects(long now) {
        while (inFlight < connectConcurrency && !waiting.isEmpty()) {
            Client client = waiting.poll();
            client.state = Client.State.CONNECTING;
            client.connectStartedAt = now;
            inFlight++;
            connectOrder.add(client);
            try {
                SocketChannel channel = SocketChannel.open();
                client.channel = channel;
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                if (client.slowReader) {
                    channel.setOption(StandardSocketOptions.SO_RCVBUF, SLOW_READER_RECEIVE_BUFFER_BYTES);
                }
                if (client.source != null) {
                    channel.bind(new InetSocketAddress(client.source, 0));
                }
                boolean connected = channel.connect(client.server);
                client.key = channel.register(selector, connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, client);
                if (connected) {
                    connected(client);
                }
            } catch (IOException e) {
                fail(client, "connect: " + reason(e));
            }
        }
    }

    private void expireConnects(long now) {
        while (!connectOrder.isEmpty()) {
            Client oldest = connectOrder.peek();
            if (!oldest.inFlight()) {
                connectOrder.poll();
            } else if (now - oldest.connectStartedAt > connectTimeoutNanos) {
                connectOrder.poll();
                String missing = switch (oldest.state) {
                    case CONNECTING -> "TCP connection";
                    case AWAIT_WELCOME -> "welcome";
                    default -> "joined";
                };
                fail(oldest, "no " + missing + " within " + plan.connectTimeoutSeconds() + " s");
            } else {
                return;
            }
        }
    }

    private void trickle(long now) {
        if (slowReaders.isEmpty() || now < nextSlowRead) {
            return;
        }
        nextSlowRead = now + SLOW_READ_PERIOD_NANOS;
        int budget = (int) Math.max(1, plan.slowReadBytesPerSecond() * SLOW_READ_PERIOD_NANOS / Step.NANOS_PER_SECOND);
        for (Client slow : slowReaders) {
            if (slow.state == Client.State.READY) {
                try {
                    read(slow, budget);
                } catch (IOException e) {
                    lost(slow, reason(e));
                }
            }
        }
    }

    private void handle(SelectionKey key) {
        Client client = (Client) key.attachment();
        try {
            if (!key.isValid()) {
                return;
            }
            if (key.isConnectable()) {
                client.channel.finishConnect();
                key.interestOps(SelectionKey.OP_READ);
                connected(client);
                return;
            }
            if (key.isWritable()) {
                flush(client);
            }
            if (key.isValid() && key.isReadable()) {
                read(client, READ_BUFFER_BYTES);
            }
        } catch (IOException e) {
            lost(client, reason(e));
        }
    }

    private void connected(Client client) {
        client.state = Client.State.AWAIT_WELCOME;
        send(client, codec.encode(new ClientFrame.Hello(null, client.nick, null, null)));
    }

    private void read(Client client, int limit) throws IOException {
        while (true) {
            input.clear();
            input.limit(limit);
            int count = client.channel.read(input);
            if (count < 0) {
                lost(client, "closed by the server");
                return;
            }
            if (count == 0) {
                return;
            }
            scan(client, input.array(), count, Clock.now());
            if (count < limit || client.slowReader || !client.channel.isOpen()) {
                return;
            }
        }
    }

    private void scan(Client client, byte[] bytes, int count, long receivedAt) {
        int lineStart = 0;
        for (int at = 0; at < count; at++) {
            if (bytes[at] != '\n') {
                continue;
            }
            if (client.hasPartial()) {
                client.keepPartial(bytes, lineStart, at);
                line(client, client.partial(), 0, client.partialLength(), receivedAt);
                client.clearPartial();
            } else {
                line(client, bytes, lineStart, at, receivedAt);
            }
            lineStart = at + 1;
        }
        if (lineStart < count) {
            client.keepPartial(bytes, lineStart, count);
        }
    }

    private void line(Client client, byte[] bytes, int from, int to, long receivedAt) {
        if (MessageLine.isMessage(bytes, from, to)) {
            delivered(client, bytes, from, to, receivedAt);
            return;
        }
        if (MessageLine.isPresence(bytes, from, to)) {
            return;
        }
        ServerFrame frame;
        try {
            frame = codec.decodeServerFrame(new String(bytes, from, to - from, StandardCharsets.UTF_8));
        } catch (ProtocolException e) {
            outcomes.unreadable.add(shorten(e.getMessage()));
            return;
        }
        if (frame instanceof ServerFrame.Welcome) {
            welcomed(client);
        } else if (frame instanceof ServerFrame.Joined joined) {
            if (client.state == Client.State.AWAIT_JOINED && joined.room().equals(client.room)) {
                ready(client);
            }
        } else if (frame instanceof ServerFrame.Ping) {
            send(client, pong);
        } else if (frame instanceof ServerFrame.Pong) {
            outcomes.pongs.increment();
        } else if (frame instanceof ServerFrame.Error error) {
            outcomes.errors.add(error.code().wire());
            if (client.inFlight()) {
                fail(client, "error " + error.code().wire() + ": " + shorten(error.message()));
            }
        } else if (frame instanceof ServerFrame.Bye bye) {
            client.byeReason = bye.reason();
        }
    }

    private void welcomed(Client client) {
        if (client.state != Client.State.AWAIT_WELCOME) {
            return;
        }
        if (client.room == null) {
            ready(client);
            return;
        }
        client.state = Client.State.AWAIT_JOINED;
        if (!plan.autoJoins(client.room)) {
            send(client, codec.encode(new ClientFrame.Join(null, client.room, null)));
        }
    }

    private void delivered(Client client, byte[] bytes, int from, int to, long receivedAt) {
        outcomes.deliveries.increment();
        int textStart = MessageLine.textStart(bytes, from, to);
        long seq = MessageLine.seq(bytes, Math.max(from, textStart), to);
        if (seq != MessageLine.NOT_OURS) {
            if (client.lastSeq > 0 && seq != client.lastSeq + 1) {
                outcomes.seqGaps.increment();
            }
            client.lastSeq = seq;
        }
        long intended = MessageLine.sendTime(bytes, textStart, to);
        if (intended == MessageLine.NOT_OURS || step == null) {
            return;
        }
        if (client.slowReader) {
            step.slowDelivered.increment();
        } else {
            step.recordDelivery(intended, receivedAt);
            if (MessageLine.isEcho(bytes, textStart, to)) {
                outcomes.echoes.increment();
                step.recordEcho(intended, receivedAt, client.roomIndex);
            }
        }
    }

    private void ready(Client client) {
        long now = Clock.now();
        client.state = Client.State.READY;
        inFlight--;
        outcomes.ready.increment();
        outcomes.settled.increment();
        outcomes.connectMicros.recordValue((now - client.connectStartedAt) / Step.NANOS_PER_MICRO);
        outcomes.lastReadyAt.accumulateAndGet(now, Math::max);
        if (client.room != null && !client.slowReader) {
            outcomes.readySenders.increment();
            outcomes.measuredInRoom.incrementAndGet(client.roomIndex);
        }
        if (client.slowReader) {
            client.key.interestOps(client.key.interestOps() & ~SelectionKey.OP_READ);
            slowReaders.add(client);
        }
    }

    private void fail(Client client, String why) {
        if (!client.inFlight()) {
            return;
        }
        inFlight--;
        client.state = Client.State.FAILED;
        outcomes.connectFailures.add(why);
        outcomes.settled.increment();
        closeChannel(client);
    }

    private void lost(Client client, String why) {
        if (client.inFlight()) {
            fail(client, why);
        } else if (client.state == Client.State.READY) {
            client.state = Client.State.CLOSED;
            Tally tally = client.slowReader ? outcomes.slowReaderFate : outcomes.disconnects;
            tally.add(client.byeReason != null ? "bye: " + client.byeReason : why);
            closeChannel(client);
        }
    }

    private void send(Client client, byte[] frame) {
        ByteBuffer bytes = ByteBuffer.wrap(frame);
        try {
            if (!client.hasUnsent()) {
                client.channel.write(bytes);
            }
            if (bytes.hasRemaining()) {
                client.queueUnsent(bytes);
                client.key.interestOps(client.key.interestOps() | SelectionKey.OP_WRITE);
            }
        } catch (IOException e) {
            lost(client, reason(e));
        }
    }

    private void flush(Client client) throws IOException {
        ArrayDeque<ByteBuffer> unsent = client.unsent();
        while (unsent != null && !unsent.isEmpty()) {
            ByteBuffer head = unsent.peek();
            client.channel.write(head);
            if (head.hasRemaining()) {
                return;
            }
            unsent.poll();
        }
        client.key.interestOps(client.key.interestOps() & ~SelectionKey.OP_WRITE);
    }

    private static void closeChannel(Client client) {
        if (client.key != null) {
            client.key.cancel();
        }
        if (client.channel != null) {
            try {
                client.channel.close();
            } catch (IOException ignored) {
                // Closing is all that was wanted.
            }
        }
    }

    private static String reason(IOException e) {
        return shorten(e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    private static String shorten(String text) {
        return text == null || text.length() <= MAX_REASON_CHARS ? String.valueOf(text) : text.substring(0, MAX_REASON_CHARS);
    }
}
