package chat.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import chat.client.net.ServerList;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a reconnect goes and when, written as the user's status bar would tell it. */
class ServerRotationTest {

    private final ServerRotation rotation = new ServerRotation(ServerList.parse("a,b,c", 7777), ReconnectPolicy.DEFAULT);
    private final List<String> tries = new ArrayList<>();

    private void next(Duration wait) {
        tries.add(rotation.current().host() + " after " + wait.toSeconds() + " s");
    }

    @Test
    void aDroppedServerComesLastAndEveryServerIsTriedOnceBeforeTheWaitGrows() {
        assertThat(rotation.current().host()).isEqualTo("a");

        next(rotation.failed());
        next(rotation.failed());
        next(rotation.failed());
        next(rotation.failed());
        next(rotation.failed());

        assertThat(tries).containsExactly("b after 1 s", "c after 0 s", "a after 0 s", "b after 2 s", "c after 0 s");
    }

    @Test
    void aServerThatAnsweredButTurnedTheUserAwayIsAskedAgainAfterAWait() {
        next(rotation.failed());
        next(rotation.refused());
        next(rotation.refused());

        assertThat(tries).containsExactly("b after 1 s", "b after 2 s", "b after 4 s");
    }

    @Test
    void afterALoginTheNextLossStartsWithTheShortestWaitFromWhereItIs() {
        next(rotation.failed());
        next(rotation.failed());
        rotation.connected();
        next(rotation.failed());

        assertThat(tries).containsExactly("b after 1 s", "c after 0 s", "a after 1 s");
    }

    @Test
    void aSingleServerIsRetriedWithTheWaitDoublingAsBefore() {
        ServerRotation alone = new ServerRotation(ServerList.parse("solo", 7777), ReconnectPolicy.DEFAULT);

        assertThat(List.of(alone.failed(), alone.failed(), alone.failed()))
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(alone.current().host()).isEqualTo("solo");
    }
}
