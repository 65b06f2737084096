package chat.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InboxTest {

    private static final Duration NO_WAIT = Duration.ZERO;

    private static void feed(Inbox inbox, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        inbox.bytes(bytes, 0, bytes.length);
    }

    @Test
    void linesAreCutAtNewlinesAcrossChunks() throws Exception {
        Inbox inbox = new Inbox();
        feed(inbox, "{\"type\":\"po");
        feed(inbox, "ng\"}\n{\"type\":\"ping\"}\n");
        assertThat(inbox.next(NO_WAIT)).hasToString("{\"type\":\"pong\"}");
        assertThat(inbox.next(NO_WAIT)).hasToString("{\"type\":\"ping\"}");
        assertThat(inbox.next(NO_WAIT)).isNull();
    }

    @Test
    void theEndComesLastAndOnceWhicheverWayItIsTold() throws Exception {
        Inbox inbox = new Inbox();
        feed(inbox, "{\"type\":\"bye\",\"reason\":\"client quit\"}");
        inbox.closed();
        inbox.reset();
        feed(inbox, "{\"type\":\"ping\"}\n");
        assertThat(inbox.drain()).extracting(Object::toString)
                .containsExactly("{\"type\":\"bye\",\"reason\":\"client quit\"}", "(connection closed by the server)");
    }

    @Test
    void aResetIsNotAClose() throws Exception {
        Inbox inbox = new Inbox();
        inbox.reset();
        assertThat(inbox.next(NO_WAIT)).isInstanceOf(Arrival.Reset.class);
    }

    @Test
    void anArrivalPutBackIsTheNextOneAgain() throws Exception {
        Inbox inbox = new Inbox();
        feed(inbox, "{\"type\":\"welcome\"}\n{\"type\":\"joined\"}\n");
        Arrival welcome = inbox.next(NO_WAIT);
        inbox.putBack(welcome);
        assertThat(inbox.next(NO_WAIT)).isSameAs(welcome);
        assertThat(inbox.next(NO_WAIT)).hasToString("{\"type\":\"joined\"}");
    }
}
