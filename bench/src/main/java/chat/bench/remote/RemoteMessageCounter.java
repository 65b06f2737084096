package chat.bench.remote;

import java.nio.ByteBuffer;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.WrappedMessage;
import org.apache.pekko.remote.artery.RemoteInstrument;

/**
 * Counts what a server node really sends to other nodes over Artery, by message class. A node
 * loads it when started with {@code -Dpekko.remote.artery.advanced.instruments.0=}this class; it
 * writes nothing into the messages. Pekko makes one instance per encoder and decoder, so the counts
 * live in the JVM-wide {@link SentRemoteMessages}.
 */
public final class RemoteMessageCounter extends RemoteInstrument {

    /** 1 to 7 are Pekko's own, 0 is Cinnamon's; any free one of 8 to 31 will do. */
    private static final byte IDENTIFIER = 20;

    @Override
    public byte identifier() {
        return IDENTIFIER;
    }

    @Override
    public void remoteWriteMetadata(ActorRef recipient, Object message, ActorRef sender, ByteBuffer buffer) {
        // Nothing travels with the message: only the sending side counts.
    }

    /**
     * Called once per message put on the wire, after serialization. A message to a sharded entity
     * crosses inside sharding's envelope: it is counted as what the envelope carries.
     */
    @Override
    public void remoteMessageSent(ActorRef recipient, Object message, ActorRef sender, int size, long time) {
        SentRemoteMessages.count(WrappedMessage.unwrap(message).getClass().getName());
    }

    @Override
    public void remoteReadMetadata(ActorRef recipient, Object message, ActorRef sender, ByteBuffer buffer) {
        // Nothing was written, so nothing is read.
    }

    @Override
    public void remoteMessageReceived(ActorRef recipient, Object message, ActorRef sender, int size, long time) {
        // Every message received was counted where it was sent.
    }
}
