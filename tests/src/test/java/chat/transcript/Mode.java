package chat.transcript;

import java.util.Locale;

/** The two ways a transcript is played: against the real server over TCP, and against the actors alone. */
enum Mode {
    TCP, ACTORS;

    /** As failures name the mode: {@code [tcp]}, {@code [actors]}. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Plays the transcript on a server of its own; a difference fails with a {@link TranscriptFailure}. */
    void play(Transcript transcript) throws Exception {
        try (ChatHarness harness = this == TCP
                ? TcpHarness.start(ServerSettings.of(transcript))
                : ActorHarness.start(ServerSettings.of(transcript))) {
            TranscriptRunner.run(transcript, harness, label());
        }
    }
}
