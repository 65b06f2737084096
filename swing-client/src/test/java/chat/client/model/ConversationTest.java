package chat.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import chat.client.testing.Frames;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A room's transcript shows each message once, in seq order, however the server repeats them. */
class ConversationTest {

    private final Conversation lobby = new Conversation(Conversation.Kind.ROOM, "lobby");

    private void receive(long... seqs) {
        for (long seq : seqs) {
            lobby.insert(TranscriptEntry.message(Frames.T0, "bob", "m" + seq, seq, false, false));
        }
    }

    private List<Long> shown() {
        return lobby.transcript().stream().filter(TranscriptEntry::isRoomMessage).map(TranscriptEntry::seq).toList();
    }

    @Test
    void aHistoryThatStartedOverOnTheServerIsShownBelowTheOldOneInsteadOfBeingTakenForRepeats() {
        assertThat(lobby.adoptEpoch("first")).isFalse();
        receive(1, 2, 3, 4, 5);
        assertThat(lobby.adoptEpoch("first")).as("the same history").isFalse();

        assertThat(lobby.adoptEpoch("second")).isTrue();
        lobby.append(TranscriptEntry.notice(Frames.T0, "history was reset"));
        lobby.startHistoryHere();
        receive(2, 1, 3);

        assertThat(shown()).containsExactly(1L, 2L, 3L, 4L, 5L, 1L, 2L, 3L);
        assertThat(lobby.transcript().get(5).text()).isEqualTo("history was reset");
        assertThat(lobby.newestSeq()).as("a rejoin continues in the new history").isEqualTo(3);
        assertThat(lobby.oldestSeq()).isEqualTo(1);
    }

    @Test
    void aRepeatedMessageIsShownOnce() {
        receive(1, 2, 3, 2, 3);

        assertThat(shown()).containsExactly(1L, 2L, 3L);
        assertThat(lobby.newestSeq()).isEqualTo(3);
    }

    @Test
    void aLateFilledGapLandsInPlace() {
        receive(1, 2);
        lobby.append(TranscriptEntry.presence(Frames.T0, "Connection lost"));
        receive(6, 7, 3, 4, 5, 6, 7, 8);

        assertThat(shown()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    }

    @Test
    void olderPagesGoOnTopUntilTheFirstMessage() {
        receive(51, 52);
        assertThat(lobby.olderAvailable()).isTrue();

        receive(1, 2, 50);

        assertThat(shown()).containsExactly(1L, 2L, 50L, 51L, 52L);
        assertThat(lobby.oldestSeq()).isEqualTo(1);
        assertThat(lobby.olderAvailable()).isFalse();
    }
}
