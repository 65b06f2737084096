package chat.server.hostile;

import chat.server.RawClient;
import chat.server.TestServer;
import chat.actors.RegistryActor;
import org.junit.jupiter.api.Test;

/** Issue 4, item 6: a member that stops reading is cut with bye slow consumer; the room loses nothing. */
class SlowConsumerTest {

    private static final int MESSAGES = 3000;
    private static final int TEXT_LENGTH = 3000;
    private static final int TINY_RECEIVE_BUFFER = 4096;

    @Test
    void aReaderThatStopsIsCutWhileEveryOtherMemberGetsEveryMessageInOrder() throws Exception {
        try (TestServer server = TestServer.start(SlowConsumerScenario.SERVER_SETTINGS, "chat.limits.linger = 5s");
             RawClient deadbeat = RawClient.connectWithReceiveBuffer(server.port(), TINY_RECEIVE_BUFFER)) {
            // Never reads and never hangs up: the server must let go of it by itself.
            deadbeat.hello("deadbeat");
            SlowConsumerScenario.Outcome outcome = SlowConsumerScenario.run(server.port(), MESSAGES, TEXT_LENGTH);
            SlowConsumerScenario.assertOnlyTheSlowReaderWasCut(outcome, MESSAGES);
            // Everyone gone: the room rests in the store and holds no memory.
            server.awaitStats(new RegistryActor.Stats(0, 0, 0));
        }
    }
}
