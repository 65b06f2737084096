package chat.actors.session;

/**
 * A token bucket: {@code ratePerSecond} tokens flow in, at most {@code capacity} are kept, and
 * each event takes one. Time is passed in, so the owner decides the clock.
 */
public final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000.0;

    private final double ratePerNano;
    private final double capacity;
    private double tokens;
    private long lastRefillNanos;

    public TokenBucket(double ratePerSecond, double capacity, long nowNanos) {
        this.ratePerNano = ratePerSecond / NANOS_PER_SECOND;
        this.capacity = capacity;
        this.tokens = capacity;
        this.lastRefillNanos = nowNanos;
    }

    /** Takes a token if there is one. */
    public boolean tryTake(long nowNanos) {
        tokens = Math.min(capacity, tokens + (nowNanos - lastRefillNanos) * ratePerNano);
        lastRefillNanos = nowNanos;
        if (tokens >= 1.0) {
            tokens -= 1.0;
            return true;
        }
        return false;
    }
}
