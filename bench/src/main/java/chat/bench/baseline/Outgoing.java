package chat.bench.baseline;

/**
 * One frame for the broadcaster to write: {@code frame} to every connection in {@code recipients},
 * except {@code sender}, who gets {@code senderFrame} (its own message, answering its request id).
 * {@code thenClose} hangs up on the recipients once the frame is written.
 */
record Outgoing(byte[] frame, Connection[] recipients, Connection sender, byte[] senderFrame, boolean thenClose) {

    static Outgoing to(Connection connection, byte[] frame) {
        return new Outgoing(frame, new Connection[] {connection}, null, null, false);
    }

    static Outgoing lastTo(Connection connection, byte[] frame) {
        return new Outgoing(frame, new Connection[] {connection}, null, null, true);
    }

    byte[] frameFor(Connection recipient) {
        return recipient == sender ? senderFrame : frame;
    }
}
