package chat.client.model;

import chat.client.net.Endpoint;
import chat.client.net.ServerList;
import java.time.Duration;

/**
 * Which server the client tries next, and how long it waits first. A server that failed or
 * dropped the connection is not tried again until the others were: each round through the list
 * starts with the policy's wait, growing from round to round, and tries the servers one after the
 * other at once. So a cluster with one dead node is back after one short wait, and one that is
 * down altogether is asked less and less often.
 */
final class ServerRotation {

    private final ServerList servers;
    private final ReconnectPolicy policy;
    private int current;
    /** Rounds begun since the last successful login, for the policy's growing wait. */
    private int round;
    /** Attempts the current round still makes before the next wait. */
    private int leftInRound;

    ServerRotation(ServerList servers, ReconnectPolicy policy) {
        this.servers = servers;
        this.policy = policy;
    }

    Endpoint current() {
        return servers.get(current);
    }

    int serverCount() {
        return servers.size();
    }

    /** Makes the next server in the list, after the last one the first, the current one. */
    void moveOn() {
        current = servers.after(current);
    }

    /** The current server could not be reached or dropped the connection: returns the wait before trying the next. */
    Duration failed() {
        moveOn();
        return nextAttempt();
    }

    /** The current server answered but turned this user away for now: returns the wait before asking it again. */
    Duration refused() {
        leftInRound = 0;
        return nextAttempt();
    }

    /** Logged in: the next loss starts again with the shortest wait. */
    void connected() {
        round = 0;
        leftInRound = 0;
    }

    private Duration nextAttempt() {
        Duration wait = Duration.ZERO;
        if (leftInRound == 0) {
            round++;
            leftInRound = servers.size();
            wait = policy.delay(round);
        }
        leftInRound--;
        return wait;
    }
}
