package chat.actors.account;

import chat.actors.ChatSettings;
import chat.actors.session.Spoken;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down wrong passwords for a key (an account, or an address): the first few failures cost
 * nothing, each further one locks the key for twice as long as the last, up to a maximum. A
 * script trying a thousand passwords spends days on them. Times are {@link System#nanoTime()}s.
 */
public final class LoginThrottle {

    private static final int SWEEPS_PER_FORGET_AFTER = 8;

    private static final class Failures {
        int count;
        long lastFailure;
        long lockedUntil;
    }

    private final ChatSettings.Throttle policy;
    private final Map<String, Failures> byKey = new HashMap<>();
    /** Stale keys are swept now and then, not on every failure: under attack from many addresses the map is large. */
    private long lastSweep;

    public LoginThrottle(ChatSettings.Throttle policy) {
        this.policy = policy;
        this.lastSweep = System.nanoTime();
    }

    /**
     * While {@code key} is locked out, what its next attempt is told: too many wrong passwords
     * {@code whose} ("for this account"), and how long to wait.
     */
    public Optional<String> lockout(String key, String whose, long now) {
        Failures failures = byKey.get(key);
        if (failures == null || failures.lockedUntil - now <= 0) {
            return Optional.empty();
        }
        return Optional.of("too many wrong passwords " + whose + ": try again in "
                + Spoken.wholeSeconds(Duration.ofNanos(failures.lockedUntil - now)) + " s");
    }

    public void failed(String key, long now) {
        forgetStale(now);
        Failures failures = byKey.computeIfAbsent(key, ignored -> new Failures());
        failures.count++;
        failures.lastFailure = now;
        int beyondFree = failures.count - policy.freeFailures();
        if (beyondFree > 0) {
            failures.lockedUntil = now + lockout(beyondFree).toNanos();
        }
    }

    public void succeeded(String key) {
        byKey.remove(key);
    }

    /** True when nothing is remembered: forgetting this throttle loses no lockout. */
    public boolean isClear(long now) {
        forgetStale(now);
        return byKey.isEmpty();
    }

    private Duration lockout(int beyondFree) {
        Duration lockout = policy.firstLockout();
        for (int i = 1; i < beyondFree && lockout.compareTo(policy.maxLockout()) < 0; i++) {
            lockout = lockout.multipliedBy(2);
        }
        return lockout.compareTo(policy.maxLockout()) < 0 ? lockout : policy.maxLockout();
    }

    private void forgetStale(long now) {
        long forgetAfter = policy.forgetAfter().toNanos();
        if (now - lastSweep < forgetAfter / SWEEPS_PER_FORGET_AFTER) {
            return;
        }
        lastSweep = now;
        for (Iterator<Failures> it = byKey.values().iterator(); it.hasNext(); ) {
            Failures failures = it.next();
            if (now - failures.lastFailure > forgetAfter && failures.lockedUntil - now <= 0) {
                it.remove();
            }
        }
    }
}
