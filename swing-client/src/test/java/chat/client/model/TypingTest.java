package chat.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What typing does before anything is sent: recall, completion, mentions, backoff. */
class TypingTest {

    @Test
    void upAndDownWalkThroughSentLinesAndBackToTheDraft() {
        InputHistory history = new InputHistory(10);
        history.remember("first");
        history.remember("second");

        assertThat(history.previous("draft")).isEqualTo("second");
        assertThat(history.previous("second")).isEqualTo("first");
        assertThat(history.previous("first")).isEqualTo("first");
        assertThat(history.next("first")).isEqualTo("second");
        assertThat(history.next("second")).isEqualTo("draft");
    }

    @Test
    void tabCompletesCommandsAtTheStartAndNicksAnywhereCyclingOnRepeat() {
        Completer completer = new Completer();
        List<String> nicks = List.of("alice", "albert", "bob");

        assertThat(completer.complete("/jo", 3, nicks)).hasValue(new Completer.Result("/join ", 6));
        assertThat(completer.complete("al", 2, nicks)).hasValue(new Completer.Result("alice: ", 7));
        assertThat(completer.complete("alice: ", 7, nicks)).hasValue(new Completer.Result("albert: ", 8));
        assertThat(completer.complete("hi al", 5, nicks)).hasValue(new Completer.Result("hi alice ", 9));
        assertThat(completer.complete("hi alice ", 9, nicks)).hasValue(new Completer.Result("hi albert ", 10));
        assertThat(completer.complete("hi albert ", 10, nicks)).hasValue(new Completer.Result("hi alice ", 9));
    }

    @Test
    void aMentionIsTheNickAsAWordInAnyCase() {
        assertThat(Mentions.mentions("hey Bob, lunch?", "bob")).isTrue();
        assertThat(Mentions.mentions("bobcat", "bob")).isFalse();
        assertThat(Mentions.mentions("ask @bob", "bob")).isTrue();
        assertThat(Mentions.mentions("小明你好", "小明")).isTrue();
        assertThat(Mentions.mentions("nobody", "bob")).isFalse();
    }

    @Test
    void reconnectWaitsDoubleUpToTheMaximum() {
        ReconnectPolicy policy = new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30));

        assertThat(List.of(1, 2, 3, 5, 6, 20)).extracting(policy::delay).extracting(Duration::toSeconds)
                .containsExactly(1L, 2L, 4L, 16L, 30L, 30L);
    }

    @Test
    void slashLinesParseIntoCommandsWithUsageForMistakes() {
        assertThat(CommandParser.parse("/JOIN 大厅")).isEqualTo(new Command.Join("大厅"));
        assertThat(CommandParser.parse("/leave")).isEqualTo(new Command.Leave(null));
        assertThat(CommandParser.parse("/msg bob  two words ")).isEqualTo(new Command.Msg("bob", "two words"));
        assertThat(CommandParser.parse("/msg bob")).isEqualTo(new Command.Invalid("Usage: /msg NICK TEXT"));
        assertThat(CommandParser.parse("/topic")).isEqualTo(new Command.Topic(""));
        assertThat(CommandParser.parse("line one\nline two")).isEqualTo(new Command.Say("line one\nline two"));
    }
}
