package chat.client.ui;

import static chat.client.ui.GuiSession.awaitThat;
import static chat.client.ui.GuiSession.transcript;
import static org.assertj.core.api.Assertions.assertThat;

import chat.client.ChatApp;
import chat.client.testing.Network;
import chat.client.testing.TestUser;
import java.awt.Component;
import java.awt.Point;
import java.awt.Rectangle;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import javax.swing.JScrollBar;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the transcript does with what people really send: long words, floods, reconnects. */
class TranscriptGuiTest {

    @RegisterExtension
    static final GuiDesk GUI = GuiDesk.at("chat.history.on-join = 5", "chat/swing-client-transcript-tests");

    private JScrollPane transcriptScroll(ChatApp app) {
        Component transcript = GUI.session().robot().finder().findByName(app.window(), "transcript", false);
        return (JScrollPane) SwingUtilities.getAncestorOfClass(JScrollPane.class, transcript);
    }

    /** True when the last pixel row of the transcript is in sight. */
    private boolean atBottom(ChatApp app) {
        JScrollPane scroll = transcriptScroll(app);
        return GuiActionRunner.execute(() -> {
            JScrollBar bar = scroll.getVerticalScrollBar();
            return bar.getValue() + bar.getModel().getExtent() >= bar.getMaximum();
        });
    }

    @Test
    void oneLongUnbrokenWordWrapsInsteadOfWideningTheWholeConversation() {
        try (TestUser kai = TestUser.online("kai", GUI.server().endpoint())) {
            ChatApp lena = GUI.session().launch("lena", new Network(), 640, 460);
            List<String> opened = new CopyOnWriteArrayList<>();
            GuiActionRunner.execute(() -> lena.window().openLinksWith(opened::add));
            String token = "x".repeat(300);
            String url = "https://example.org/" + "a".repeat(280);
            kai.await("lena in the lobby", u -> u.members("lobby").contains("lena"));

            kai.says("lobby", token);
            kai.says("lobby", url);
            kai.says("lobby", "a short sentence after it");

            awaitThat("the short sentence", () -> transcript(lena).contains("a short sentence after it"));
            JScrollPane scroll = transcriptScroll(lena);
            GuiActionRunner.execute(() -> scroll.getParent().validate());
            assertThat(GuiActionRunner.execute(() -> scroll.getHorizontalScrollBar().isShowing()))
                    .as("a horizontal scrollbar under the transcript").isFalse();
            assertThat(GuiActionRunner.execute(() -> scroll.getViewport().getView().getWidth()))
                    .as("the width the lines are laid out in")
                    .isLessThanOrEqualTo(GuiActionRunner.execute(() -> scroll.getViewport().getWidth()));
            assertThat(transcript(lena)).contains(token);

            Rectangle urlEnd = GuiActionRunner.execute(() -> lena.window().transcriptLineOf(url)).orElseThrow();
            GUI.session().robot().click(lena.window().getRootPane(), new Point(urlEnd.x + urlEnd.width / 2, urlEnd.y + urlEnd.height / 2));
            awaitThat("the link to open", () -> opened.contains(url));
        }
    }

    @Test
    void afterAReconnectTheNewestLineIsInSightAndNewLinesFollowIt() {
        try (TestUser mo = TestUser.online("mo", GUI.server().endpoint())) {
            Network network = new Network();
            ChatApp nia = GUI.session().launch("nia", network, 640, 460);
            mo.await("nia in the lobby", u -> u.members("lobby").contains("nia"));
            IntStream.rangeClosed(1, 40).forEach(i -> mo.says("lobby", "filler " + i));
            awaitThat("the fillers", () -> transcript(nia).contains("filler 40"));
            awaitThat("the last filler in sight", () -> atBottom(nia));
            Component banner = GUI.session().robot().finder().findByName(nia.window(), "connectionBanner", false);

            GuiActionRunner.execute(network::cut);
            awaitThat("the banner", () -> GuiActionRunner.execute(banner::isShowing));
            GuiActionRunner.execute(network::restore);
            awaitThat("the banner to go", () -> !GuiActionRunner.execute(banner::isShowing));
            awaitThat("the reconnect line", () -> transcript(nia).contains("Reconnected"));

            awaitThat("the reconnect line wholly in sight", () -> atBottom(nia));
            mo.says("lobby", "after the reconnect");
            awaitThat("the new line", () -> transcript(nia).contains("after the reconnect"));
            awaitThat("the new line in sight", () -> atBottom(nia));
        }
    }
}
