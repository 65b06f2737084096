package chat.bench.baseline;

/** The lab's single writer: takes one frame off the global queue and writes it to each recipient in turn. */
final class Broadcaster implements Runnable {

    private final Hub hub;

    Broadcaster(Hub hub) {
        this.hub = hub;
    }

    @Override
    public void run() {
        try {
            while (true) {
                Outgoing next = hub.awaitOutgoing();
                for (Connection recipient : next.recipients()) {
                    recipient.write(next.frameFor(recipient));
                    if (next.thenClose()) {
                        recipient.close();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
