package chat.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

class IrcLineMatcherTest {

    private static Outcome match(String expected, String received, Bindings bindings) {
        return IrcLineMatcher.match(IrcLinePattern.parse(expected), received, bindings);
    }

    private static Outcome match(String expected, String received) {
        return match(expected, received, Bindings.NONE);
    }

    @Test
    void everyWordMustBeEqual() {
        assertThat(match(":pekko-chat 001 alice :Welcome", ":pekko-chat 001 alice :Welcome")).isInstanceOf(Outcome.Matched.class);
        assertThat(match(":pekko-chat 433 * bob :taken", ":pekko-chat 432 * bob :taken"))
                .hasToString("word 2: expected \"433\", got \"432\"");
    }

    @Test
    void aWordMoreOrLessIsAMismatchAndSoIsASpaceMore() {
        assertThat(match("PING :pekko-chat", "PING :pekko-chat now"))
                .hasToString("the end: the line goes on after word 2: now");
        assertThat(match(":a NICK :alicia", ":a NICK"))
                .hasToString("the end: the line stops after word 2; expected more: :alicia");
        assertThat(match(":a PRIVMSG #lobby :hi there", ":a PRIVMSG #lobby :hi  there")).isInstanceOf(Outcome.Mismatch.class);
    }

    @Test
    void dollarUnderscoreIsOneWordOrOneTagsValue() {
        assertThat(match("@time=$_;msgid=lobby/1 :bob PRIVMSG #lobby :hi",
                "@time=2026-12-02T13:00:00.000Z;msgid=lobby/1 :bob PRIVMSG #lobby :hi")).isInstanceOf(Outcome.Matched.class);
        assertThat(match("@time=$_ :bob PRIVMSG #lobby :hi", "@time=x;msgid=lobby/1 :bob PRIVMSG #lobby :hi"))
                .isInstanceOf(Outcome.Mismatch.class);
        assertThat(match(":s 003 a :created $_ GMT", ":s 003 a :created Wed, 2 Dec GMT")).isInstanceOf(Outcome.Mismatch.class);
        assertThat(match(":s 003 a :created $_ $_ $_ GMT", ":s 003 a :created Wed, 2 Dec GMT")).isInstanceOf(Outcome.Matched.class);
    }

    @Test
    void aVariableIsCapturedOnceAndComparedAfterwardsAsTheSameNumberAJsonFrameHolds() {
        Outcome first = match("@msgid=lobby/$s1 :bob PRIVMSG #lobby :hi", "@msgid=lobby/7 :bob PRIVMSG #lobby :hi");
        Bindings captured = ((Outcome.Matched) first).bindings();
        assertThat(captured.get("s1")).contains(com.fasterxml.jackson.databind.node.LongNode.valueOf(7));

        Bindings fromJson = Bindings.NONE.with("s1", IntNode.valueOf(7));
        assertThat(match("@msgid=lobby/$s1.1 :bob PRIVMSG #lobby :more", "@msgid=lobby/7.1 :bob PRIVMSG #lobby :more", fromJson))
                .isInstanceOf(Outcome.Matched.class);
        assertThat(match("@msgid=lobby/$s1+1 :bob PRIVMSG #lobby :next", "@msgid=lobby/9 :bob PRIVMSG #lobby :next", fromJson))
                .hasToString("word 1: expected \"@msgid=lobby/$s1+1\", got \"@msgid=lobby/9\"");
    }

    @Test
    void textCapturedFromJsonIsComparedAsText() {
        Bindings from = Bindings.NONE.with("from", TextNode.valueOf("bob"));
        assertThat(match(":$from!$from@pekko-chat QUIT :client quit", ":bob!bob@pekko-chat QUIT :client quit", from))
                .isInstanceOf(Outcome.Matched.class);
        assertThat(match(":$from!$from@pekko-chat QUIT :client quit", ":bob!rob@pekko-chat QUIT :client quit"))
                .isInstanceOf(Outcome.Mismatch.class);
    }

    @Test
    void wordsInTildeBracketsMayComeInAnyOrder() {
        assertThat(match(":s 353 a = #lobby :~[bob alice carol]", ":s 353 a = #lobby :carol bob alice")).isInstanceOf(Outcome.Matched.class);
        assertThat(match(":s 353 a = #lobby :~[bob alice]", ":s 353 a = #lobby :bob alice carol"))
                .hasToString("the end: the line goes on after word 7: carol");
        assertThatThrownBy(() -> IrcLinePattern.parse(":s 353 a = #big :~[a b c d e f g]"))
                .hasMessageContaining("at most 6 words");
    }

    @Test
    void aDollarBeforeAnythingButALetterOrUnderscoreIsJustACharacter() {
        assertThat(match(":bob PRIVMSG #lobby :costs $5 or $ 6", ":bob PRIVMSG #lobby :costs $5 or $ 6")).isInstanceOf(Outcome.Matched.class);
    }
}
