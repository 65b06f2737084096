package chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a message and a topic may contain. */
class TextRulesTest {

    private static final int MAX_TEXT = 4000;
    private static final int MAX_TOPIC = 300;

    @ParameterizedTest
    @ValueSource(strings = {"hi", "你好，世界", "😀", "line one\nline two", "col\tcol", "  spaced  ", "\n", "ﷺ",
        "e\u0301", "right-to-left \u202E text is just text"})
    void ordinaryTextWithNewlinesAndTabsMayBeSent(String text) {
        assertThat(TextRules.messageProblem(text, MAX_TEXT)).isEmpty();
    }

    @Test
    void anEmptyMessageIsRefused() {
        assertThat(TextRules.messageProblem("", MAX_TEXT)).hasValue("text is empty");
        assertThat(TextRules.messageProblem(null, MAX_TEXT)).isPresent();
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"0000", "0001", "0007", "0008", "000B", "000C", "000D", "001B", "001F", "007F", "0085", "009F"})
    void controlCharactersOtherThanNewlineAndTabAreRefusedByName(String hex) {
        String control = Character.toString(Integer.parseInt(hex, 16));

        assertThat(TextRules.messageProblem("a" + control + "b", MAX_TEXT))
                .hasValue("control character U+" + hex + " is not allowed");
    }

    @Test
    void theLimitCountsCharactersSoAnEmojiCountsOnce() {
        String fourThousandEmoji = "😀".repeat(MAX_TEXT);

        assertThat(fourThousandEmoji.length()).isEqualTo(2 * MAX_TEXT);
        assertThat(TextRules.messageProblem(fourThousandEmoji, MAX_TEXT)).isEmpty();
        assertThat(TextRules.messageProblem(fourThousandEmoji + "😀", MAX_TEXT))
                .hasValue("text has 4001 characters, the limit is 4000");
    }

    @Test
    void textExactlyAtTheLimitPassesAndOneMoreDoesNot() {
        assertThat(TextRules.messageProblem("a".repeat(MAX_TEXT), MAX_TEXT)).isEmpty();
        assertThat(TextRules.messageProblem("a".repeat(MAX_TEXT + 1), MAX_TEXT)).isPresent();
    }

    @Test
    void aLoneSurrogateIsNotText() {
        assertThat(TextRules.messageProblem("a\ud800b", MAX_TEXT)).hasValue("text holds a lone surrogate");
        assertThat(TextRules.messageProblem("\ude00", MAX_TEXT)).isPresent();
        assertThat(TextRules.isWellFormed("a\ud83d")).isFalse();
        assertThat(TextRules.isWellFormed("😀 ok")).isTrue();
    }

    @Test
    void aTopicIsOneLineAndMayBeEmptyToClearIt() {
        assertThat(TextRules.topicProblem("Friday drinks 🍻", MAX_TOPIC)).isEmpty();
        assertThat(TextRules.topicProblem("", MAX_TOPIC)).isEmpty();
        assertThat(TextRules.topicProblem("two\nlines", MAX_TOPIC)).hasValue("control character U+000A is not allowed");
        assertThat(TextRules.topicProblem("bell\u0007", MAX_TOPIC)).isPresent();
    }

    @Test
    void unicodeLineBreaksBreakATopicButNotAMessage() {
        assertThat(TextRules.topicProblem("two\u2028lines", MAX_TOPIC))
                .hasValue("line break U+2028 is not allowed in a single line");
        assertThat(TextRules.topicProblem("two\u2029paragraphs", MAX_TOPIC)).isPresent();
        assertThat(TextRules.messageProblem("two\u2028lines", MAX_TEXT)).isEmpty();
    }

    @Test
    void aTopicHasAtMostMaxTopicCharacters() {
        assertThat(TextRules.topicProblem("话".repeat(MAX_TOPIC), MAX_TOPIC)).isEmpty();
        assertThat(TextRules.topicProblem("话".repeat(MAX_TOPIC + 1), MAX_TOPIC)).isPresent();
    }
}
