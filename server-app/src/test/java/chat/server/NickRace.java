package chat.server;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ClientFrame;
import chat.protocol.ErrorCode;
import chat.protocol.ServerFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Connected clients that all say hello with one nick at the same moment, wherever they are connected. */
public final class NickRace {

    private static final int ANSWER_SECONDS = 30;

    private NickRace() {}

    /**
     * Runs the race and returns how many were welcomed; every other racer must have been told the
     * nick is taken.
     */
    public static int welcomes(List<RawClient> racers, String nick) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(racers.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ServerFrame>> answers = new ArrayList<>();
            for (RawClient racer : racers) {
                answers.add(threads.submit(() -> {
                    go.await();
                    racer.send(new ClientFrame.Hello(null, nick, 1, null));
                    return racer.receive();
                }));
            }
            go.countDown();
            int welcomes = 0;
            for (Future<ServerFrame> answer : answers) {
                ServerFrame frame = answer.get(ANSWER_SECONDS, TimeUnit.SECONDS);
                if (frame instanceof ServerFrame.Welcome welcome) {
                    assertThat(welcome.nick()).isEqualTo(nick);
                    welcomes++;
                } else {
                    assertThat(frame).isInstanceOfSatisfying(ServerFrame.Error.class,
                            error -> assertThat(error.code()).isEqualTo(ErrorCode.NICK_TAKEN));
                }
            }
            return welcomes;
        } finally {
            threads.shutdownNow();
        }
    }
}
