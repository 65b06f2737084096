package chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which nicks and room names people may pick, and which of them the server treats as one. */
class NamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"alice", "Alice", "小明", "ありす", "Ölçü", "émile", "нина", "नमस्ते", "_bot", "bob-2",
        "a_b-c", "x", "ＡＬＩＣＥ", "abcdefghijklmnopqrstuvwx"})
    void anyScriptsLettersDigitsUnderscoreAndDashMakeANick(String nick) {
        assertThat(Names.nickProblem(nick)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"大厅", "lobby", "2026", "1st-floor", "-dev", "_", "Salle-à-manger",
        "abcdefghijklmnopqrstuvwxyz012345"})
    void roomNamesFollowTheSameRulesButMayStartWithADigit(String room) {
        assertThat(Names.roomProblem(room)).isEmpty();
    }

    @Test
    void aNickIsMeasuredInCharactersNotBytesOrJavaChars() {
        String twentyFourScriptAs = "𝒜".repeat(24);
        String twentyFourCjk = "明".repeat(24);

        assertThat(Names.nickProblem(twentyFourScriptAs)).isEmpty();
        assertThat(Names.nickProblem(twentyFourCjk)).isEmpty();
        assertThat(Names.nickProblem(twentyFourCjk + "明")).hasValueSatisfying(problem ->
                assertThat(problem).contains("at most 24").contains("has 25"));
    }

    @Test
    void aRoomNameHasAtMostThirtyTwoCharacters() {
        assertThat(Names.roomProblem("大".repeat(32))).isEmpty();
        assertThat(Names.roomProblem("大".repeat(33))).hasValueSatisfying(problem ->
                assertThat(problem).contains("at most 32"));
    }

    @Test
    void anEmptyOrMissingNameIsRefused() {
        assertThat(Names.nickProblem("")).isPresent();
        assertThat(Names.nickProblem(null)).isPresent();
        assertThat(Names.roomProblem("")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1alice", "9", "-alice", "٣bob"})
    void aNickStartsWithALetterOrUnderscore(String nick) {
        assertThat(Names.nickProblem(nick)).hasValue("a nick starts with a letter or _");
    }

    @ParameterizedTest
    @ValueSource(strings = {" alice", "alice ", "al ice", "al\u00A0ice", "al\u3000ice", "al!ce", "a.b", "a@b", "a/b",
        "bob's", "a+b", "a😀", "a\tb", "a\nb", "a\u0000b", "x²", "<script>"})
    void spacesPunctuationSymbolsAndControlsAreNotPartOfAName(String name) {
        assertThat(Names.nickProblem(name)).isPresent();
        assertThat(Names.roomProblem(name)).isPresent();
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {
        "200B",  // zero width space
        "200C",  // zero width non-joiner
        "200D",  // zero width joiner
        "2060",  // word joiner
        "FEFF",  // zero width no-break space
        "00AD",  // soft hyphen
        "034F",  // combining grapheme joiner
        "FE0F",  // variation selector 16
        "E0100", // variation selector 17
        "180B",  // Mongolian free variation selector
        "3164",  // Hangul filler, drawn as nothing
        "FFA0",  // halfwidth Hangul filler
        "115F",  // Hangul choseong filler
    })
    void invisibleCharactersCannotHideInAName(String hex) {
        String invisible = Character.toString(Integer.parseInt(hex, 16));

        assertThat(Names.nickProblem("ali" + invisible + "ce")).hasValueSatisfying(problem ->
                assertThat(problem).contains("U+" + hex));
        assertThat(Names.nickProblem("alice" + invisible)).isPresent();
        assertThat(Names.roomProblem("lobby" + invisible)).isPresent();
    }

    @Test
    void aNickOfOnlyAnInvisibleLetterIsRefused() {
        assertThat(Names.nickProblem("\u3164")).isPresent();
        assertThat(Names.nickProblem("\u3164\u3164\u3164")).isPresent();
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"202E", "202D", "202A", "2066", "2067", "200F", "200E", "061C"})
    void directionOverridesCannotReverseHowANameIsShown(String hex) {
        String control = Character.toString(Integer.parseInt(hex, 16));

        assertThat(Names.nickProblem("evil" + control + "cba")).isPresent();
        assertThat(Names.roomProblem(control + "lobby")).isPresent();
    }

    @Test
    void combiningMarksMayFollowALetterButNeverStartAName() {
        assertThat(Names.nickProblem("e\u0301mile")).isEmpty();
        assertThat(Names.nickProblem("\u0301mile")).isPresent();
        assertThat(Names.roomProblem("\u0301lobby")).isPresent();
    }

    @Test
    void caseAndFullwidthFormsNameTheSameNick() {
        assertThat(Names.key("Alice"))
                .isEqualTo(Names.key("alice"))
                .isEqualTo(Names.key("ALICE"))
                .isEqualTo(Names.key("ａｌｉｃｅ"))
                .isEqualTo(Names.key("ＡＬＩＣＥ"));
    }

    @Test
    void compatibilityFormsFoldToTheirPlainLetters() {
        assertThat(Names.key("ﬁona")).isEqualTo(Names.key("fiona"));
        assertThat(Names.key("𝒜lice")).isEqualTo(Names.key("alice"));
        assertThat(Names.key("Straße")).isEqualTo(Names.key("STRASSE"));
        assertThat(Names.key("e\u0301mile")).isEqualTo(Names.key("émile"));
    }

    @Test
    void lookalikeLettersFromOtherScriptsNameTheSameNick() {
        String cyrillicA = "\u0430lice";
        String cyrillicE = "bob\u0435";
        String greekAlpha = "\u0391LICE";

        assertThat(Names.key(cyrillicA)).isEqualTo(Names.key("alice"));
        assertThat(Names.key(cyrillicE)).isEqualTo(Names.key("Bobe"));
        assertThat(Names.key(greekAlpha)).isEqualTo(Names.key("alice"));
        assertThat(Names.key("рорс")).as("all-Cyrillic lookalike of 'pope'").isEqualTo(Names.key("popc"));
    }

    @Test
    void differentNamesStayDifferent() {
        assertThat(Names.key("alice")).isNotEqualTo(Names.key("alicia"));
        assertThat(Names.key("小明")).isNotEqualTo(Names.key("大明"));
        assertThat(Names.key("a-b")).isNotEqualTo(Names.key("a_b"));
        assertThat(Names.key("нина")).isNotEqualTo(Names.key("nina"));
    }

    @Test
    void aNameIsShownAsItsOwnerSpelledIt() {
        assertThat(Names.display("Alice")).isEqualTo("Alice");
        assertThat(Names.display("ａｌｉｃｅ")).isEqualTo("ａｌｉｃｅ");
        assertThat(Names.display("小明")).isEqualTo("小明");
    }

    @Test
    void aNameTypedWithCombiningAccentsIsShownComposed() {
        assertThat(Names.display("e\u0301mile")).isEqualTo("\u00e9mile");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NickServ", "nickserv", "NICKSERV", "ＮｉｃｋＳｅｒｖ", "NickS\u0435rv"})
    void nobodyMayHoldTheAccountServicesNameInAnySpelling(String nick) {
        assertThat(Names.nickProblem(nick))
                .hasValue("NickServ is the account service IRC users write to, not a nick anyone may hold");
        assertThat(Names.nickProblem("NickServ2")).isEmpty();
        assertThat(Names.roomProblem("NickServ")).as("a room may have the name").isEmpty();
    }
}
