package jp.oqs.clinic;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket per clinic, in memory: {@code perMinute} tokens, refilled evenly over a minute (a clinic may burst
 * a minute's worth, then goes at the refill rate). Memory is bounded by the clinics active in the last minute: a
 * bucket that has refilled completely is the same as a new one, so once a minute the full ones are dropped.
 * Times are {@link System#nanoTime()} values passed in (tests pass their own).
 */
public final class ClinicRateLimiter {

    static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    /** Highest limit: the bucket's level (nanoseconds × limit) stays within a long. */
    static final int MAX_PER_MINUTE = 100_000_000;

    private final int perMinute;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep;

    public ClinicRateLimiter(int perMinute, long now) {
        if (perMinute < 1 || perMinute > MAX_PER_MINUTE) {
            throw new IllegalArgumentException("a limit per minute must be 1 to " + MAX_PER_MINUTE + ", got "
                    + perMinute);
        }
        this.perMinute = perMinute;
        this.lastSweep = new AtomicLong(now);
    }

    /**
     * Takes one token of the clinic's bucket.
     *
     * @return null when the request may go on; otherwise when to retry, and whether this is the first refusal of
     *         the clinic for a minute (the one to put on the audit trail)
     */
    public Refusal take(String clinic, long now) {
        sweepIfDue(now);
        Refusal[] refusal = new Refusal[1];
        buckets.compute(clinic, (code, bucket) -> {
            Bucket b = bucket == null ? new Bucket(perMinute, now) : bucket;
            refusal[0] = b.take(now);
            return b;
        });
        return refusal[0];
    }

    /** Clinics with a bucket in memory. */
    int clinics() {
        return buckets.size();
    }

    private void sweepIfDue(long now) {
        long last = lastSweep.get();
        if (now - last >= MINUTE && lastSweep.compareAndSet(last, now)) {
            for (String clinic : buckets.keySet()) {
                buckets.computeIfPresent(clinic, (code, bucket) -> bucket.idle(now) ? null : bucket);
            }
        }
    }

    /** A refused request: retry after so many seconds (at least 1); {@code record}: first refusal in a minute. */
    public record Refusal(long retryAfterSeconds, boolean record) {
    }

    /**
     * Mutated only inside the map's {@code compute}, which holds the clinic's bin. Exact integer arithmetic: the
     * level is refill time in nanoseconds × {@code perMinute}; a token costs {@link #MINUTE}, a full bucket holds
     * {@code perMinute} tokens.
     */
    private final class Bucket {

        private long level;
        private long at;
        private boolean refused;
        private long lastRecorded;

        Bucket(int capacity, long now) {
            this.level = MINUTE * capacity;
            this.at = now;
        }

        Refusal take(long now) {
            refill(now);
            if (level >= MINUTE) {
                level -= MINUTE;
                return null;
            }
            long waitNanos = (MINUTE - level + perMinute - 1) / perMinute;
            long second = TimeUnit.SECONDS.toNanos(1);
            long seconds = Math.max(1, (waitNanos + second - 1) / second);
            boolean record = !refused || now - lastRecorded >= MINUTE;
            if (record) {
                refused = true;
                lastRecorded = now;
            }
            return new Refusal(seconds, record);
        }

        boolean idle(long now) {
            refill(now);
            return level == MINUTE * perMinute && (!refused || now - lastRecorded >= MINUTE);
        }

        private void refill(long now) {
            long elapsed = now - at;
            if (elapsed > 0) {
                // room and refill each fit a long (at most MINUTE × MAX_PER_MINUTE), their sum with the level may
                // not: at a limit above about 76,800,000 a bucket idle for half a minute overflowed to a negative
                // level and refused the clinic for a minute and a half (found by the harness's open model)
                long room = MINUTE * perMinute - level;
                level += Math.min(room, Math.min(elapsed, MINUTE) * perMinute);
                at = now;
            }
        }
    }
}
