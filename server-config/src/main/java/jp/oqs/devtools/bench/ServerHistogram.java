package jp.oqs.devtools.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of the service's latency histograms ({@code oqs_*_buckets_total}, README "Metrics") as a {@code /metrics}
 * scrape shows it: cumulative counts by upper bound {@code le} (seconds). The benchmark reads it before and after a
 * run, so that the service's own view of the run (time in the service, time waiting for durability) stands next to
 * the load tool's, and the difference is what lay outside the service (the connection, the queue before it).
 */
record ServerHistogram(TreeMap<Double, Double> cumulative) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\"");

    /**
     * The series {@code name} whose labels include {@code labels} (besides {@code le}); empty when the scrape has none
     * (a service from before the histograms).
     */
    static ServerHistogram parse(String scrape, String name, Map<String, String> labels) {
        TreeMap<Double, Double> cumulative = new TreeMap<>();
        for (String line : scrape.split("\n")) {
            Matcher sample = SAMPLE.matcher(line.strip());
            if (!sample.find() || !sample.group(1).equals(name)) {
                continue;
            }
            Map<String, String> own = new TreeMap<>();
            Matcher label = LABEL.matcher(sample.group(2));
            while (label.find()) {
                own.put(label.group(1), label.group(2));
            }
            String le = own.get("le");
            if (le == null || !own.entrySet().containsAll(labels.entrySet())) {
                continue;
            }
            double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
            cumulative.merge(bound, Double.parseDouble(sample.group(3)), Double::sum);
        }
        return new ServerHistogram(cumulative);
    }

    /** What was counted after {@code earlier} was read. */
    ServerHistogram since(ServerHistogram earlier) {
        TreeMap<Double, Double> delta = new TreeMap<>();
        cumulative.forEach((bound, count) -> delta.put(bound, count - earlier.cumulative.getOrDefault(bound, 0.0)));
        return new ServerHistogram(delta);
    }

    double count() {
        return cumulative.isEmpty() ? 0 : cumulative.lastEntry().getValue();
    }

    /**
     * The quantile in milliseconds as Prometheus's {@code histogram_quantile} estimates it: linear within the bucket
     * holding the rank, from the bucket below's bound (0 for the first); in the {@code +Inf} bucket, the widest
     * finite bound (a lower bound of the truth). {@code NaN} with nothing counted.
     */
    double quantileMillis(double quantile) {
        double total = count();
        if (total <= 0) {
            return Double.NaN;
        }
        double rank = quantile * total;
        double lowerBound = 0;
        double below = 0;
        for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
            double bound = bucket.getKey();
            double count = bucket.getValue();
            if (count >= rank) {
                if (Double.isInfinite(bound)) {
                    return lowerBound * 1000;
                }
                double inBucket = count - below;
                double share = inBucket <= 0 ? 1 : (rank - below) / inBucket;
                return (lowerBound + (bound - lowerBound) * share) * 1000;
            }
            lowerBound = bound; // never +Inf here: its count is the total, which is at least the rank
            below = count;
        }
        return lowerBound * 1000; // a rank past the total (rounding): the widest finite bound
    }
}
