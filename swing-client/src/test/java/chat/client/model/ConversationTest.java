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

    @Test
    void aBusyRoomKeepsItsNewestLinesAndTheOldestComeBackOnScrollBack() {
        for (long seq = 1; seq <= 20_000; seq++) {
            receive(seq);
            lobby.trim();
        }

        assertThat(lobby.transcript()).hasSize(Conversation.KEPT_LINES);
        assertThat(lobby.oldestSeq()).isEqualTo(20_000 - Conversation.KEPT_LINES + 1);
        assertThat(lobby.olderAvailable()).isTrue();

        lobby.readingBack(true);
        receive(18_951, 18_952, 18_953);
        receive(20_001);
        lobby.trim();
        assertThat(shown()).as("what the user scrolled back to stays while they read").startsWith(18_951L, 18_952L, 18_953L);

        lobby.readingBack(false);
        lobby.trim();
        assertThat(shown()).hasSize(Conversation.KEPT_LINES).endsWith(20_001L);
        receive(18_951);
        assertThat(shown()).as("a dropped line may come back").startsWith(18_951L);
    }

    @Test
    void theNewMessagesMarkerStandsAtTheFirstLineThatArrivedUnread() {
        receive(1);
        lobby.markRead();
        TranscriptEntry firstNew = TranscriptEntry.message(Frames.T0, "bob", "new", 2, false, false);
        lobby.insert(firstNew);
        lobby.markUnread(firstNew, false);
        lobby.markUnread(TranscriptEntry.message(Frames.T0, "bob", "newer", 3, false, false), false);

        lobby.markRead();

        assertThat(lobby.newSince()).isSameAs(firstNew);
        lobby.markRead();
        assertThat(lobby.newSince()).as("coming back with nothing new").isNull();
    }
}
