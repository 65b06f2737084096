package chat.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import chat.client.model.TranscriptEntry;
import chat.client.testing.Frames;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How transcript lines are written for the pane; pure strings, no window needed. */
class TranscriptHtmlTest {

    private final TranscriptHtml html = new TranscriptHtml(Theme.LIGHT, ZoneOffset.UTC, 13);

    @Test
    void markupInMessagesIsShownNotObeyedAndLinksBecomeClickable() {
        assertThat(TranscriptHtml.text("<b>bold</b> & see https://example.org/a?b=1."))
                .isEqualTo("&lt;b&gt;bold&lt;/b&gt; &amp; see <a href=\"https://example.org/a?b=1\">https://example.org/a?b=1</a>.");
        assertThat(TranscriptHtml.text("two\nlines")).isEqualTo("two<br>lines");
    }

    @Test
    void consecutiveMessagesOfOnePersonShareOneHeader() {
        TranscriptEntry first = TranscriptEntry.message(Frames.T0, "bob", "one", 1, false, false);
        TranscriptEntry second = TranscriptEntry.message(Frames.T0.plusSeconds(30), "Bob", "two", 2, false, false);
        TranscriptEntry mine = TranscriptEntry.message(Frames.T0.plusSeconds(40), "alice", "three", 3, true, false);

        String document = html.document(List.of(first, second, mine));

        assertThat(document.split("class='group")).hasSize(3);
        assertThat(document)
                .contains(">bob</b>&nbsp;&nbsp;<span class='time'>12:00</span></div><div class='line'>one</div><div class='line'>two</div></div>")
                .contains("<div class='group-own'>");
    }

    @Test
    void everyNickKeepsItsColourAcrossSpellings() {
        assertThat(NickColors.of("Alice", Theme.DARK)).isEqualTo(NickColors.of("alice", Theme.DARK));
        assertThat(NickColors.of("ａｌｉｃｅ", Theme.LIGHT)).isEqualTo(NickColors.of("alice", Theme.LIGHT));
    }
}
