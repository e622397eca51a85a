package jp.oqs.web.security;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the API requests refused as unauthenticated (401: no token, or one that is not valid). They are not put on
 * the audit trail (an unauthenticated flood must not turn into audit writes, and there is nobody to name); the
 * count is logged instead, at most once a minute per node, with the number since the last line.
 */
public final class UnauthenticatedRequests {

    private static final Logger LOG = System.getLogger(UnauthenticatedRequests.class.getName());
    private static final long INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();
    private static final AtomicLong TOTAL = new AtomicLong();
    private static final AtomicLong SINCE_LAST_LINE = new AtomicLong();
    private static final AtomicLong LAST_LINE = new AtomicLong(System.nanoTime() - INTERVAL_NANOS);

    private UnauthenticatedRequests() {
    }

    /** One more refused request; logs the count if the last line is a minute old. */
    public static void refused() {
        TOTAL.incrementAndGet();
        SINCE_LAST_LINE.incrementAndGet();
        long now = System.nanoTime();
        long last = LAST_LINE.get();
        if (now - last >= INTERVAL_NANOS && LAST_LINE.compareAndSet(last, now)) {
            long count = SINCE_LAST_LINE.getAndSet(0);
            LOG.log(Level.INFO, "{0} unauthenticated API request(s) refused (401) in the last {1} s, {2} since"
                    + " start (counted, not on the audit trail)", count, Duration.ofNanos(now - last).toSeconds(),
                    TOTAL.get());
        }
    }

    /** Refused requests since the start. */
    public static long total() {
        return TOTAL.get();
    }
}
