package jp.oqs.metrics;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * One timed series: Payara's timer (its {@code _count} and {@code _sum}) and its latency histogram as Prometheus reads
 * one, a counter per upper bound {@code le} (seconds) counting every observation at or below it and {@code le="+Inf"}
 * counting them all, each only ever growing. Made once at start and kept, so a request records into it without
 * looking anything up in the registry.
 *
 * <p>Payara 6.2025.9's own timer buckets are not that: it writes them from a sample of the latest 1,028
 * observations (its decaying reservoir) next to a {@code +Inf} bucket and a {@code _count} of every observation
 * since start. After 45,281 lookups under 0.5 s a scrape showed {@code le="1.0"} 1,028 and {@code le="+Inf"}
 * 45,281, so {@code histogram_quantile} over them put every quantile past the widest finite bucket, whatever the
 * latencies were. These counters replace them (README, "Metrics").
 */
final class LatencyHistogram {

    private final Timer timer;
    private final double[] bounds;
    /** One per bound, then {@code +Inf}. */
    private final Counter[] counters;

    /**
     * Creates the series' timer ({@code timer} with {@code tags}) and its bucket counters ({@code buckets} with
     * {@code tags} plus {@code le}) in the registry.
     */
    LatencyHistogram(MetricRegistry registry, Metadata timer, Metadata buckets, double[] bounds, Tag... tags) {
        for (int i = 1; i < bounds.length; i++) {
            if (!(bounds[i] > bounds[i - 1])) {
                throw new IllegalArgumentException("bounds must rise: " + Arrays.toString(bounds));
            }
        }
        this.timer = registry.timer(timer, tags);
        this.bounds = bounds.clone();
        this.counters = new Counter[bounds.length + 1];
        for (int i = 0; i <= bounds.length; i++) {
            Tag[] withLe = Arrays.copyOf(tags, tags.length + 1);
            withLe[tags.length] = new Tag("le", i == bounds.length ? "+Inf" : label(bounds[i]));
            counters[i] = registry.counter(buckets, withLe);
        }
    }

    /** A bound as Prometheus clients write {@code le}: {@code 0.0005}, {@code 0.5}, {@code 1.0}, {@code 10.0}. */
    static String label(double bound) {
        return bound == Math.rint(bound) ? (long) bound + ".0"
                : BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString();
    }

    /**
     * Times one observation, and counts it in every bucket whose bound it does not exceed, the widest first: a
     * scrape taken in between sees a count in a wider bucket before the narrower ones, never the other way round, so
     * the buckets it reads never fall as {@code le} rises.
     */
    void observe(long nanos) {
        timer.update(Duration.ofNanos(nanos));
        double seconds = nanos / 1e9;
        counters[bounds.length].inc();
        for (int i = bounds.length - 1; i >= 0 && seconds <= bounds[i]; i--) {
            counters[i].inc();
        }
    }
}
