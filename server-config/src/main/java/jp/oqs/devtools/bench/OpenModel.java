package jp.oqs.devtools.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Single lookups at a constant arrival rate (an open model): request {@code k} is due at {@code start + k / rate}
 * whatever the answers before it do, and its latency is measured from that due time, not from when it was sent. A
 * closed-loop tool (wrk: each connection waits for its answer before sending the next request) sends less while
 * the server stalls and so never measures the stall's queue ("coordinated omission"); wrk2, which fixes that, is
 * not packaged in Debian. Requests go out asynchronously over {@code java.net.http} (HTTP/1.1, keep-alive; it opens
 * another connection whenever every open one is busy, as an open model needs); the percentiles come from all
 * latencies, sorted.
 */
final class OpenModel {

    private OpenModel() {
    }

    static void run(Map<String, String> options) throws IOException, InterruptedException {
        BenchHttp http = new BenchHttp(URI.create(Bench.required(options, "url")));
        Path work = Path.of(Bench.required(options, "work"));
        Path results = Path.of(Bench.required(options, "results"));
        double rate = Double.parseDouble(Bench.required(options, "rate"));
        int seconds = Bench.positive(options, "seconds", "30");
        int warmupSeconds = Integer.parseInt(options.getOrDefault("warmup", "10"));
        String label = options.getOrDefault("label", "open");
        if (rate <= 0) {
            throw new IllegalArgumentException("--rate must be above 0");
        }
        List<String> bodies = Bench.lines(work, Bench.LOOKUPS_FILE);
        List<String> tokens = Bench.lines(work, Bench.CLINIC_TOKENS_FILE);
        URI lookups = http.api("eligibility/lookups");
        URI metrics = URI.create(Bench.required(options, "url")).resolve("/metrics?scope=application");
        CompletableFuture<String> beforeMeasured = null;

        // the same stream begins with the warm-up, whose answers are not counted: the client opens its connections
        // then (one per request in flight, and at the start every request finds all busy), which took the first
        // second or two of a run to hundreds of milliseconds even for a 401 that reads nothing
        int warmup = (int) Math.round(rate * Math.max(0, warmupSeconds));
        int total = warmup + (int) Math.max(1, Math.round(rate * seconds));
        long interval = Math.round(1e9 / rate);
        long[] latencies = new long[total];
        AtomicInteger failures = new AtomicInteger();
        Map<String, Integer> reasons = new ConcurrentSkipListMap<>();
        AtomicInteger completed = new AtomicInteger();
        CompletableFuture<?>[] answers = new CompletableFuture<?>[total];
        Random random = new Random(41);
        long start = System.nanoTime() + 50_000_000L;
        long lateSends = 0;
        for (int k = 0; k < total; k++) {
            if (k == warmup) {
                beforeMeasured = scrape(http, metrics); // the service's histograms as the measured requests begin
            }
            long due = start + k * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (wait < -1_000_000L) {
                lateSends++;
            }
            HttpRequest request = HttpRequest.newBuilder(lookups)
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + tokens.get(random.nextInt(tokens.size())))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get(random.nextInt(bodies.size())),
                            StandardCharsets.UTF_8))
                    .build();
            int index = k;
            answers[k] = http.client().sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .handle((response, failure) -> {
                        latencies[index] = System.nanoTime() - due;
                        String reason = failure != null ? failure.getClass().getSimpleName() + ": "
                                + failure.getMessage()
                                : response.statusCode() != 200 ? "HTTP " + response.statusCode() + " "
                                + response.body().substring(0, Math.min(200, response.body().length()))
                                : response.body().contains("\"validity\":1") ? null : "validity not 1";
                        if (reason != null) {
                            failures.incrementAndGet();
                            reasons.merge(reason, 1, Integer::sum);
                        }
                        completed.incrementAndGet();
                        return null;
                    });
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        try {
            CompletableFuture.allOf(answers).get(90, TimeUnit.SECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("open model: " + (total - completed.get()) + " of " + total
                    + " lookups unanswered 90 s after the last was sent", e);
        }
        String before = beforeMeasured == null ? "" : beforeMeasured.join();
        String after = scrape(http, metrics).join();
        writeStalls(work.resolve(label + "-stalls.txt"), latencies, interval, warmup);
        long[] warming = Arrays.copyOfRange(latencies, 0, warmup);
        Arrays.sort(warming);
        long[] counted = Arrays.copyOfRange(latencies, warmup, total);
        Arrays.sort(counted);
        int measured = counted.length;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put(label + ".rate", String.format("%.0f", rate));
        figures.put(label + ".sent_rate", String.format("%.0f", total / sendSeconds));
        figures.put(label + ".requests", measured);
        figures.put(label + ".warmup_s", warmupSeconds);
        figures.put(label + ".warmup_p99_ms", warmup == 0 ? "-" : millis(warming, 0.99));
        figures.put(label + ".failures", failures.get());
        figures.put(label + ".late_sends", lateSends);
        figures.put(label + ".p50_ms", millis(counted, 0.50));
        figures.put(label + ".p90_ms", millis(counted, 0.90));
        figures.put(label + ".p99_ms", millis(counted, 0.99));
        figures.put(label + ".p999_ms", millis(counted, 0.999));
        figures.put(label + ".max_ms", String.format("%.1f", counted[measured - 1] / 1e6));
        System.out.printf("[benchmark] open model, %,.0f lookups/s for %d s after %d s of warm-up (%,d requests "
                        + "measured, sent at %,.0f/s, %d sent more than 1 ms late, %d failed): p50 %s ms, p90 %s ms, "
                        + "p99 %s ms, p99.9 %s ms, max %s ms; p99 of the warm-up %s ms%n",
                rate, seconds, warmupSeconds, measured, total / sendSeconds, lateSends, failures.get(),
                figures.get(label + ".p50_ms"), figures.get(label + ".p90_ms"), figures.get(label + ".p99_ms"),
                figures.get(label + ".p999_ms"), figures.get(label + ".max_ms"), figures.get(label + ".warmup_p99_ms"));
        // what failed, so that a failure is told apart from the load tool's own (a refused connection, say)
        reasons.forEach((reason, count) -> System.out.printf("[benchmark] open model failure x%d: %s%n", count,
                reason));
        serverView(label, before, after, figures);
        Bench.record(results, figures);
    }

    /**
     * The service's own view of the measured requests, from its latency histograms read as they began and after
     * the last answer: time in the service and time waiting for durability (README, "Metrics"), as Prometheus would
     * estimate their percentiles. What the load tool measured beyond them lay outside the service's code: the
     * connection, the container's queue, the client. Warm-up answers still in flight at the first read are counted.
     */
    private static void serverView(String label, String before, String after, Map<String, Object> figures) {
        Map<String, String> card = Map.of("method", "card");
        String lookupSeries = "oqs_lookup_duration_buckets_total";
        String durableSeries = "oqs_answers_durable_wait_buckets_total";
        ServerHistogram inService = ServerHistogram.parse(after, lookupSeries, card)
                .since(ServerHistogram.parse(before, lookupSeries, card));
        ServerHistogram durable = ServerHistogram.parse(after, durableSeries, Map.of())
                .since(ServerHistogram.parse(before, durableSeries, Map.of()));
        figures.put(label + ".server_lookups", String.format("%.0f", inService.count()));
        figures.put(label + ".server_p50_ms", ms(inService.quantileMillis(0.50)));
        figures.put(label + ".server_p99_ms", ms(inService.quantileMillis(0.99)));
        figures.put(label + ".durable_p50_ms", ms(durable.quantileMillis(0.50)));
        figures.put(label + ".durable_p99_ms", ms(durable.quantileMillis(0.99)));
        System.out.printf("[benchmark] open model, the service's own histograms over the same requests (%,.0f lookups;"
                        + " percentiles interpolated within buckets as Prometheus does): in the service p50 %s ms, "
                        + "p99 %s ms; waiting for durability p50 %s ms, p99 %s ms%n", inService.count(),
                figures.get(label + ".server_p50_ms"), figures.get(label + ".server_p99_ms"),
                figures.get(label + ".durable_p50_ms"), figures.get(label + ".durable_p99_ms"));
    }

    private static String ms(double millis) {
        return Double.isNaN(millis) ? "-" : String.format("%.1f", millis);
    }

    /** The service's application metrics, or an empty text when they cannot be read (the run goes on). */
    private static CompletableFuture<String> scrape(BenchHttp http, URI metrics) {
        HttpRequest request = HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/plain").GET().build();
        return http.client().sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, failure) -> failure == null && response.statusCode() == 200 ? response.body() : "");
    }

    /**
     * Where in the run the slow answers were: each second of the run with its slowest answer and how many took
     * longer than 20 ms (the goal's p99), so that a stall (a checkpoint, a collection) is told apart from a run
     * that is slow throughout.
     */
    private static void writeStalls(Path file, long[] latencies, long interval, int warmup) throws IOException {
        int seconds = secondOf(latencies.length - 1, interval) + 1;
        long[] slowest = new long[seconds];
        int[] over = new int[seconds];
        int[] sent = new int[seconds];
        for (int k = 0; k < latencies.length; k++) {
            int second = secondOf(k, interval);
            slowest[second] = Math.max(slowest[second], latencies[k]);
            sent[second]++;
            if (latencies[k] > 20_000_000L) {
                over[second]++;
            }
        }
        int warmSeconds = Math.min(warmup == 0 ? 0 : secondOf(warmup - 1, interval) + 1, seconds - 1);
        StringBuilder text = new StringBuilder("# second of the run (the first " + warmSeconds + " the warm-up), "
                + "lookups due, slowest answer (ms), answers over 20 ms\n");
        int stalled = 0;
        int worst = warmSeconds;
        for (int second = 0; second < seconds; second++) {
            text.append(String.format("%d %d %.1f %d%n", second, sent[second], slowest[second] / 1e6, over[second]));
            if (second >= warmSeconds) {
                stalled += over[second] > 0 ? 1 : 0;
                worst = slowest[second] > slowest[worst] ? second : worst;
            }
        }
        Files.writeString(file, text);
        System.out.printf("[benchmark] open model: %d of the %d measured seconds had an answer over 20 ms; the "
                + "slowest was due in second %d (%.1f ms); per second in %s%n", stalled, seconds - warmSeconds, worst,
                slowest[worst] / 1e6, file);
    }

    /** The second of the run in which request {@code k} was due. */
    private static int secondOf(int k, long interval) {
        return (int) (k * interval / 1_000_000_000L);
    }

    private static String millis(long[] sorted, double quantile) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return String.format("%.1f", sorted[Math.max(0, index)] / 1e6);
    }
}
