package chat.transcript;

import java.util.Locale;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;

/** The two ways a transcript is played: against the real server over TCP, and against the actors alone. */
enum Mode {
    TCP, ACTORS;

    /** As failures name the mode: {@code [tcp]}, {@code [actors]}. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Plays the transcript on a server of its own; a difference fails with a {@link TranscriptFailure}. */
    void play(Transcript transcript, ActorTestKit testKit) throws Exception {
        try (ChatHarness harness = this == TCP
                ? TcpHarness.start(ServerSettings.of(transcript))
                : ActorHarness.start(testKit, ServerSettings.of(transcript))) {
            TranscriptRunner.run(transcript, harness, label());
        }
    }
}
