package chat.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Nick colours: many of them, spread evenly, the same for every spelling of a nick. */
class NickColorsTest {

    private static final int NICKS = 24_000;

    @Test
    void nicksAreSpreadEvenlyOverAtLeast24Colours() {
        for (Theme theme : Theme.values()) {
            Map<Color, Integer> uses = new HashMap<>();
            IntStream.range(0, NICKS).mapToObj(i -> "user" + i).forEach(nick -> uses.merge(NickColors.of(nick, theme), 1, Integer::sum));

            assertThat(uses).as("colours in %s", theme).hasSizeGreaterThanOrEqualTo(24);
            int fair = NICKS / uses.size();
            assertThat(uses.values()).as("nicks per colour in %s", theme).allMatch(count -> Math.abs(count - fair) < fair / 5);
        }
    }

    @Test
    void everyNickKeepsItsColourAcrossSpellings() {
        assertThat(NickColors.of("Alice", Theme.DARK)).isEqualTo(NickColors.of("alice", Theme.DARK));
        assertThat(NickColors.of("ａｌｉｃｅ", Theme.LIGHT)).isEqualTo(NickColors.of("alice", Theme.LIGHT));
    }
}
