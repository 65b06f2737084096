package chat.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TranscriptParserTest {

    private static List<Step> steps(String text) {
        return TranscriptParser.parse("test.chat", text).steps();
    }

    @Test
    void readsSendsAndExpectationsWithTheirLineNumbers() {
        List<Step> steps = steps("""
                # alice says hello
                alice > {"type":"hello","nick":"alice"}

                alice < {"type":"welcome","nick":"alice"}
                """);
        assertThat(steps).hasSize(2);
        Step.Send send = (Step.Send) steps.get(0);
        assertThat(send.client()).isEqualTo("alice");
        assertThat(send.line()).isEqualTo(2);
        assertThat(send.template().render(Bindings.NONE)).isEqualTo("{\"type\":\"hello\",\"nick\":\"alice\"}");
        Step.Expect expect = (Step.Expect) steps.get(1);
        assertThat(expect.line()).isEqualTo(4);
        assertThat(expect.frame()).isInstanceOf(FramePattern.ObjectShape.class);
    }

    @Test
    void readsTheWordForms() {
        List<Step> steps = steps("""
                bob connects
                bob < nothing
                bob drops
                carol stops sending
                carol < closed
                wait 250ms
                wait 2s
                server shuts down
                """);
        assertThat(steps).extracting(step -> step.getClass().getSimpleName())
                .containsExactly("Connect", "ExpectNothing", "Drop", "StopSending", "ExpectClosed", "Wait", "Wait", "ShutDown");
        assertThat(((Step.Wait) steps.get(5)).duration()).isEqualTo(Duration.ofMillis(250));
        assertThat(((Step.Wait) steps.get(6)).duration()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void nothingWatchesTheDefaultOrTheTimeTheLineNames() {
        List<Step> steps = steps("""
                bob < nothing
                bob < nothing for 1s
                bob < nothing for 750ms
                """);
        assertThat(steps).extracting(step -> ((Step.ExpectNothing) step).window())
                .containsExactly(Optional.empty(), Optional.of(Duration.ofSeconds(1)), Optional.of(Duration.ofMillis(750)));
    }

    @Test
    void closedAndResetAreTwoEnds() {
        List<Step> steps = steps("""
                alice < closed
                bob < reset
                """);
        assertThat(steps).extracting(step -> step.getClass().getSimpleName()).containsExactly("ExpectClosed", "ExpectReset");
        assertThat(((Step.ExpectReset) steps.get(1)).client()).isEqualTo("bob");
    }

    @Test
    void quietAfterEndSetsTheFinalWatchAndGoesBeforeTheFirstStep() {
        assertThat(TranscriptParser.parse("t.chat", "alice > {\"type\":\"ping\"}").quietAfterEnd()).isEmpty();
        assertThat(TranscriptParser.parse("t.chat", "quiet after end: 2s\nalice > {\"type\":\"ping\"}").quietAfterEnd())
                .contains(Duration.ofSeconds(2));
        assertThatThrownBy(() -> steps("alice > {\"type\":\"ping\"}\nquiet after end: 2s"))
                .hasMessageContaining("test.chat:2").hasMessageContaining("before the first step");
    }

    @Test
    void whileServerFullWrapsASend() {
        Step.SendUntilAdmitted step = (Step.SendUntilAdmitted) steps(
                "while server-full, up to 2s: bob > {\"type\":\"hello\",\"nick\":\"bob\"}").get(0);
        assertThat(step.client()).isEqualTo("bob");
        assertThat(step.bound()).isEqualTo(Duration.ofSeconds(2));
        assertThat(step.template().render(Bindings.NONE)).isEqualTo("{\"type\":\"hello\",\"nick\":\"bob\"}");
        assertThatThrownBy(() -> steps("while server-full, up to 2s: bob < nothing"))
                .hasMessageContaining("test.chat:1").hasMessageContaining("goes before a send");
    }

    @Test
    void clientLabelsMayBeWrittenInAnyScript() {
        Step.Send send = (Step.Send) steps("小明 > {\"type\":\"hello\",\"nick\":\"小明\"}").get(0);
        assertThat(send.client()).isEqualTo("小明");
    }

    @Test
    void configLinesBecomeTheTranscriptsServerSettings() {
        Transcript transcript = TranscriptParser.parse("limits.chat", """
                config: chat.limits.rate = 2
                config: chat.heartbeat = 1s
                alice > {"type":"ping"}
                """);
        assertThat(transcript.settings().getInt("chat.limits.rate")).isEqualTo(2);
        assertThat(transcript.settings().getDuration("chat.heartbeat")).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void configAfterTheFirstStepIsRefused() {
        assertThatThrownBy(() -> steps("""
                alice > {"type":"ping"}
                config: chat.limits.rate = 2
                """)).hasMessageContaining("test.chat:2").hasMessageContaining("before the first step");
    }

    @Test
    void rawSendsUnderstandEscapesAndAddNoNewline() {
        Step.SendRaw raw = (Step.SendRaw) steps("alice sends raw {\"type\":\"ping\"}\\r\\n\\xff").get(0);
        assertThat(raw.bytes()).isEqualTo(concat("{\"type\":\"ping\"}\r\n".getBytes(StandardCharsets.UTF_8), (byte) 0xff));
    }

    @Test
    void doubleBracesRepeatText() {
        Step.Send send = (Step.Send) steps("alice > {\"text\":\"{{ab*3}}\"}").get(0);
        assertThat(send.template().render(Bindings.NONE)).isEqualTo("{\"text\":\"ababab\"}");
    }

    @Test
    void numberedBracesRepeatTextOncePerNumber() {
        Step.Send send = (Step.Send) steps("alice > [{{{\"seq\":$#},*3..5}}0]").get(0);
        assertThat(send.template().render(Bindings.NONE)).isEqualTo("[{\"seq\":3},{\"seq\":4},{\"seq\":5},0]");
    }

    @Test
    void capturedValuesAreSubstitutedOutsideStringsOnly() {
        List<Step> steps = steps("""
                alice < {"type":"message","seq":$s1}
                alice > {"type":"history","room":"lobby","before":$s1+1,"text":"$s1 stays"}
                """);
        Bindings bindings = Bindings.NONE.with("s1", com.fasterxml.jackson.databind.node.IntNode.valueOf(4));
        assertThat(((Step.Send) steps.get(1)).template().render(bindings))
                .isEqualTo("{\"type\":\"history\",\"room\":\"lobby\",\"before\":5,\"text\":\"$s1 stays\"}");
    }

    @Test
    void aVariableMustBeCapturedBeforeItIsUsed() {
        assertThatThrownBy(() -> steps("alice > {\"type\":\"history\",\"room\":\"lobby\",\"before\":$s9}"))
                .hasMessageContaining("test.chat:1").hasMessageContaining("$s9 is used before");
        assertThatThrownBy(() -> steps("alice < {\"type\":\"message\",\"seq\":$s9+1}"))
                .hasMessageContaining("$s9 is used before");
    }

    @Test
    void timesRepeatsALine() {
        List<Step> steps = steps("""
                3 times: alice > {"type":"ping"}
                2 times: alice < {"type":"pong"}
                """);
        assertThat(steps).extracting(step -> step.getClass().getSimpleName())
                .containsExactly("Send", "Send", "Send", "Expect", "Expect");
        assertThat(steps).extracting(Step::line).containsExactly(1, 1, 1, 2, 2);
    }

    @Test
    void inARepeatedLineDollarHashCountsTheCopies() {
        List<Step> steps = steps("3 times: alice > {\"type\":\"say\",\"room\":\"lobby\",\"text\":\"line $#\"}");
        assertThat(steps).extracting(step -> ((Step.Send) step).template().render(Bindings.NONE)).containsExactly(
                "{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"line 1\"}",
                "{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"line 2\"}",
                "{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"line 3\"}");
    }

    @Test
    void anyOrderGroupsTheIndentedExpectationsBelowIt() {
        List<Step> steps = steps("""
                in any order:
                  carol < {"type":"message","from":"alice"}
                  carol < {"type":"message","from":"bob"}
                carol < nothing
                """);
        assertThat(steps).hasSize(2);
        Step.AnyOrder group = (Step.AnyOrder) steps.get(0);
        assertThat(group.expectations()).extracting(Step::line).containsExactly(2, 3);
    }

    @Test
    void aBrokenExpectationNamesFileLineAndColumn() {
        assertThatThrownBy(() -> steps("\nalice < {\"type\":\"welcome\" \"nick\":\"alice\"}"))
                .isInstanceOf(TranscriptSyntaxException.class)
                .hasMessageContaining("test.chat:2")
                .hasMessageContaining("expected '}'")
                .hasMessageContaining("at character 19 of the frame");
    }

    @Test
    void anUnknownLineExplainsWhatALineMayBe() {
        assertThatThrownBy(() -> steps("alice says hi"))
                .hasMessageContaining("test.chat:1: not a transcript line")
                .hasMessageContaining("alice > {...}");
    }

    @Test
    void ircLinesAreSentWithCrLfAndExpectedAsWritten() {
        List<Step> steps = steps("""
                alice irc connects
                alice irc> NICK alice
                alice irc< :pekko-chat 001 alice :Welcome, alice
                bob connects
                """);
        assertThat(steps).extracting(step -> step.getClass().getSimpleName())
                .containsExactly("Connect", "SendIrc", "ExpectIrc", "Connect");
        assertThat(((Step.Connect) steps.get(0)).wire()).isEqualTo(Wire.IRC);
        assertThat(((Step.SendIrc) steps.get(1)).text()).isEqualTo("NICK alice");
        assertThat(((Step.ExpectIrc) steps.get(2)).pattern().words()).extracting(IrcLinePattern.Word::text)
                .containsExactly(":pekko-chat", "001", "alice", ":Welcome,", "alice");
        assertThat(((Step.Connect) steps.get(3)).wire()).isEqualTo(Wire.JSON);
    }

    @Test
    void anIrcLineKeepsATrailingSpaceWrittenAsARepeat() {
        Step.ExpectIrc expect = (Step.ExpectIrc) steps("alice irc< :s 375 alice :- s Message of the day -{{ *1}}").get(0);
        assertThat(expect.pattern().text()).endsWith("day - ");
    }

    @Test
    void ircExpectationsGoInsideAnyOrderAndTheirOffsetsNeedACaptureAbove() {
        Step.AnyOrder group = (Step.AnyOrder) steps("""
                in any order:
                  alice irc< :s 352 alice #lobby bob s s bob H :0 bob
                  alice irc< :s 352 alice #lobby alice s s alice H :0 alice
                """).get(0);
        assertThat(group.expectations()).extracting(Step.Expectation::wire).containsExactly(Wire.IRC, Wire.IRC);
        assertThatThrownBy(() -> steps("alice irc< @msgid=lobby/$s9+1 :bob PRIVMSG #lobby :hi"))
                .hasMessageContaining("test.chat:1").hasMessageContaining("$s9 is used before");
    }

    private static byte[] concat(byte[] head, byte tail) {
        byte[] out = java.util.Arrays.copyOf(head, head.length + 1);
        out[head.length] = tail;
        return out;
    }
}
