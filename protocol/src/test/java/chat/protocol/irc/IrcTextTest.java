package chat.protocol.irc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Message text as it crosses between the JSON users and the IRC users. */
class IrcTextTest {

    private static final List<String> PIECES_OF_TEXT = List.of("a", "z", " ", "é", "中", "😀", "👩‍👩‍👧", "\t", "word ");
    private static final int TRIES = 2000;

    @Test
    void longTextIsCutBetweenCharactersIntoPiecesThatFitTheBudget() {
        Random random = new Random(510);
        for (int tried = 0; tried < TRIES; tried++) {
            String text = text(random, random.nextInt(600));
            int budget = 4 + random.nextInt(120);

            List<String> pieces = IrcText.pieces(text, budget);

            String shown = "budget " + budget + " for " + text;
            for (String piece : pieces) {
                assertThat(piece.getBytes(UTF_8).length).as(shown).isLessThanOrEqualTo(budget);
                assertThat(Character.isLowSurrogate(piece.charAt(0))).as(shown).isFalse();
                assertThat(Character.isHighSurrogate(piece.charAt(piece.length() - 1))).as(shown).isFalse();
                assertThat(new String(piece.getBytes(UTF_8), UTF_8)).as("a piece is whole characters: " + shown)
                        .isEqualTo(piece);
            }
            assertThat(String.join("", pieces).replaceAll("[ \t]", "")).as("nothing but blanks is lost: " + shown)
                    .isEqualTo(text.replaceAll("[ \t]", ""));
        }
    }

    @Test
    void aCutFallsAfterASpaceNearTheEndSoWordsStayWhole() {
        String text = "x".repeat(90) + " " + "y".repeat(20);

        assertThat(IrcText.pieces(text, 100)).containsExactly("x".repeat(90) + " ", "y".repeat(20));
    }

    @Test
    void aSpaceFarFromTheEndIsNotWorthAShortPieceSoTheWordIsCut() {
        String text = "early " + "y".repeat(200);

        assertThat(IrcText.pieces(text, 100)).containsExactly("early " + "y".repeat(94), "y".repeat(100), "y".repeat(6));
    }

    @Test
    void eachLineOfAMultiLineMessageIsItsOwnPieceAndBlankLinesAreDropped() {
        assertThat(IrcText.pieces("first\n\n   \nsecond\n", 400)).containsExactly("first", "second");
    }

    @Test
    void formattingCodesAreDroppedSoJsonUsersDoNotSeeThem() {
        String typed = "\u0002bold\u0002 \u00034red\u0003 \u000304,12on blue\u0003 \u000312,text \u001ditalic\u001d"
                + " \u001funder\u001f \u0016rev\u0016 \u0011mono\u0011 \u001estrike\u001e\u000f plain";

        assertThat(IrcText.fromIrc("alice", typed))
                .isEqualTo("bold red on blue ,text italic under rev mono strike plain");
    }

    @Test
    void aColourCodeTakesAtMostTwoDigitsEachSoANumberAfterItStays() {
        assertThat(IrcText.fromIrc("alice", "\u0003041000 points")).isEqualTo("1000 points");
        assertThat(IrcText.fromIrc("alice", "\u00034,051999")).isEqualTo("1999");
    }

    @Test
    void anActionBecomesWhatTheRoomShows() {
        assertThat(IrcText.fromIrc("alice", "\u0001ACTION waves\u0001")).isEqualTo("* alice waves");
        assertThat(IrcText.fromIrc("alice", "\u0001ACTION \u0002waves\u0002 hard")).isEqualTo("* alice waves hard");
    }

    @Test
    void otherCtcpRequestsAreForNobodyToRead() {
        assertThat(IrcText.fromIrc("alice", "\u0001VERSION\u0001")).isNull();
        assertThat(IrcText.fromIrc("alice", "\u0001PING 12345\u0001")).isNull();
        assertThat(IrcText.fromIrc("alice", "\u0001")).isNull();
    }

    /** Text of {@code parts} pieces: ASCII, 2-, 3- and 4-byte characters, joined emoji and spaces. */
    private static String text(Random random, int parts) {
        StringBuilder text = new StringBuilder();
        for (int part = 0; part < parts; part++) {
            text.append(PIECES_OF_TEXT.get(random.nextInt(PIECES_OF_TEXT.size())));
        }
        return text.toString();
    }
}
