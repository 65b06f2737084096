package chat.client.ui;

import static chat.client.ui.GuiSession.awaitThat;
import static chat.client.ui.GuiSession.busyWith;
import static chat.client.ui.GuiSession.transcript;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import chat.client.ChatApp;
import chat.client.model.Conversation;
import chat.client.net.Endpoint;
import chat.client.testing.FakeTransports;
import chat.client.testing.Frames;
import chat.protocol.ServerFrame;
import java.awt.GraphicsEnvironment;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A room of 20,000 messages, fed by an in-memory server so that the heap measured is the
 * client's alone (a real server in this JVM would hold the same 20,000 messages in its store).
 */
class BigRoomGuiTest {

    private static Preferences scratch;

    private GuiSession desk;

    @BeforeAll
    static void needsADisplay() {
        assumeFalse(GraphicsEnvironment.isHeadless(), "GUI tests need a display: run them under xvfb-run");
        FailOnThreadViolationRepaintManager.install();
        scratch = Preferences.userRoot().node("chat/swing-client-big-room-tests");
    }

    @AfterAll
    static void forget() throws BackingStoreException {
        if (scratch != null) {
            scratch.removeNode();
        }
    }

    @BeforeEach
    void sitDown() {
        desk = new GuiSession(new Endpoint("chat.test", 7777), scratch);
    }

    @AfterEach
    void standUp() {
        desk.close();
    }

    /** A flood of 20,000 messages of 500 characters into one room: the window stays quick, the transcript bounded. */
    @Test
    void twentyThousandMessagesInARoomKeepTheWindowQuickAndTheHeapBounded() {
        FakeTransports fake = new FakeTransports();
        ChatApp olive = desk.start("olive", fake);
        FakeTransports.Link link = fake.last();
        link.serverSends(Frames.welcome("olive"),
                Frames.joined("lobby", List.of("olive", "bob"), Frames.messages("lobby", 1, 5), null),
                Frames.joined("flood", List.of("olive", "bob", "carol", "dan"), List.of(), null));
        desk.shown(olive, 1000, 700);
        String lobby = Conversation.roomKey("lobby");
        String flood = Conversation.roomKey("flood");
        // Warm up: the first switch of each kind loads classes, which has nothing to do with the room's size.
        busyWith(olive.window(), () -> olive.switchTheme(Theme.DARK));
        busyWith(olive.window(), () -> olive.switchTheme(Theme.LIGHT));
        busyWith(olive.window(), () -> olive.client().model().select(flood));
        busyWith(olive.window(), () -> olive.client().model().select(lobby));
        busyWith(olive.window(), () -> olive.client().model().select(flood));
        long heapBefore = heapAfterGc();

        String[] nicks = {"bob", "carol", "dan"};
        for (int seq = 1; seq <= 20_000; seq++) {
            link.serverSends(new ServerFrame.Message("flood", nicks[seq % nicks.length], longText(seq), seq,
                    Frames.T0.plusMillis(seq), null));
        }
        awaitThat("the 20,000th message", () -> GuiActionRunner.execute(
                () -> olive.client().model().find(flood).orElseThrow().newestSeq() == 20_000), Timeout.timeout(300_000));

        List<GuiSession.Busy> themeSwitches = new ArrayList<>();
        List<GuiSession.Busy> roomSwitches = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            themeSwitches.add(busyWith(olive.window(), () -> olive.switchTheme(Theme.DARK)));
            themeSwitches.add(busyWith(olive.window(), () -> olive.switchTheme(Theme.LIGHT)));
            roomSwitches.add(busyWith(olive.window(), () -> olive.client().model().select(lobby)));
            roomSwitches.add(busyWith(olive.window(), () -> olive.client().model().select(flood)));
        }
        long heapAfter = heapAfterGc();
        System.out.printf("20,000 messages: theme switches %s ms, room switches %s ms (wall/CPU), heap %+.1f MB%n",
                themeSwitches, roomSwitches, (heapAfter - heapBefore) / 1e6);

        // The window's own work, as the dispatch thread's CPU time: on this shared 2-core machine the
        // wall time also counts whatever the neighbours run. The median of six, for the same reason.
        assertThat(medianCpu(themeSwitches)).as("theme switch, CPU ms (wall/CPU: %s)", themeSwitches).isLessThan(200);
        assertThat(medianCpu(roomSwitches)).as("room switch, CPU ms (wall/CPU: %s)", roomSwitches).isLessThan(200);
        assertThat(transcript(olive)).contains(longText(20_000));
        assertThat(GuiActionRunner.execute(() -> olive.client().model().find(flood).orElseThrow().transcript().size()))
                .as("lines kept").isEqualTo(Conversation.KEPT_LINES);
        // The bound: the 20,000 texts alone are 10 MB. The client keeps 1,000 lines of the room
        // (0.5 MB of text, about 0.8 MB with their entries and row data) and lays out only the rows
        // in sight and near them (at most 400, another megabyte at most); 4 MB leaves room for
        // what a collection does not free at once.
        assertThat(heapAfter - heapBefore).as("heap grown, bytes").isLessThan(4_000_000);
    }

    private static long medianCpu(List<GuiSession.Busy> switches) {
        List<Long> sorted = switches.stream().map(GuiSession.Busy::cpuMillis).sorted().toList();
        return (sorted.get((sorted.size() - 1) / 2) + sorted.get(sorted.size() / 2)) / 2;
    }

    /** About 500 characters of words, different for each message. */
    private static String longText(int seq) {
        StringBuilder text = new StringBuilder("message " + seq + ":");
        for (int word = 0; text.length() < 500; word++) {
            text.append(' ').append(Integer.toString(seq * 31 + word * 7, 36));
        }
        return text.toString();
    }

    private static long heapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int round = 0; round < 4; round++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
