package jp.oqs.clinic;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts, per clinic, its answers and those of them that found nobody (validity 4) in tumbling windows (aligned
 * to the epoch, {@code window} long). The answer that brings a clinic's window to at least {@code minAnswers}
 * answers with a not-found share of at least {@code ratio} is reported once: at most one crossing per clinic and
 * window. In memory; memory is bounded by the clinics active in the current window (ended windows are dropped
 * once per window).
 */
public final class NotFoundWatch {

    private final long windowMillis;
    private final int minAnswers;
    private final double ratio;
    private final ConcurrentHashMap<String, Counts> clinics = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong();

    public NotFoundWatch(Duration window, int minAnswers, double ratio) {
        if (window.toMillis() < 1 || minAnswers < 1 || !(ratio > 0 && ratio <= 1)) {
            throw new IllegalArgumentException("window " + window + ", minimum " + minAnswers + ", ratio " + ratio
                    + ": the window and the minimum must be positive, the ratio in (0, 1]");
        }
        this.windowMillis = window.toMillis();
        this.minAnswers = minAnswers;
        this.ratio = ratio;
    }

    /**
     * Counts one answer of the clinic.
     *
     * @return the crossing when this answer takes the clinic's window over the threshold first, else null
     */
    public Crossing answered(String clinic, boolean notFound, Instant now) {
        long nowMillis = now.toEpochMilli();
        long start = Math.floorDiv(nowMillis, windowMillis) * windowMillis;
        sweepIfDue(start);
        Crossing[] crossing = new Crossing[1];
        clinics.compute(clinic, (code, counts) -> {
            Counts c = counts == null || counts.start != start ? new Counts(start) : counts;
            c.answers++;
            if (notFound) {
                c.notFound++;
            }
            if (!c.alerted && c.answers >= minAnswers && c.notFound >= ratio * c.answers) {
                c.alerted = true;
                crossing[0] = new Crossing(code, Instant.ofEpochMilli(start),
                        Instant.ofEpochMilli(start + windowMillis), c.notFound, c.answers);
            }
            return c;
        });
        return crossing[0];
    }

    /** The alert of a crossing could not be kept (its transaction rolled back): the window may report it again. */
    public void forget(Crossing crossing) {
        clinics.computeIfPresent(crossing.clinic(), (code, counts) -> {
            if (counts.start == crossing.windowStart().toEpochMilli()) {
                counts.alerted = false;
            }
            return counts;
        });
    }

    /** Clinics with counts in memory. */
    int clinics() {
        return clinics.size();
    }

    private void sweepIfDue(long currentStart) {
        long last = lastSweep.get();
        if (last != currentStart && lastSweep.compareAndSet(last, currentStart)) {
            for (String clinic : clinics.keySet()) {
                clinics.computeIfPresent(clinic, (code, counts) -> counts.start < currentStart ? null : counts);
            }
        }
    }

    /** A clinic's window reached the threshold: {@code notFound} of {@code answers} answers found nobody. */
    public record Crossing(String clinic, Instant windowStart, Instant windowEnd, int notFound, int answers) {
    }

    /** Mutated only inside the map's {@code compute}. */
    private static final class Counts {

        final long start;
        int answers;
        int notFound;
        boolean alerted;

        Counts(long start) {
            this.start = start;
        }
    }
}
