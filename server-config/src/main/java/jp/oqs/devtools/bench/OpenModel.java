package jp.oqs.devtools.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Single lookups at a constant arrival rate (an open model): request {@code k} is due at {@code start + k / rate}
 * whatever the answers before it do, and its latency is measured from that due time, not from when it was sent. A
 * closed-loop tool (wrk: each connection waits for its answer before sending the next request) sends less while
 * the server stalls and so never measures the stall's queue ("coordinated omission"); wrk2, which fixes that, is
 * not packaged in Debian. Like wrk2 it keeps a fixed number of keep-alive HTTP/1.1 connections
 * ({@code --connections}, 64), each on a thread of its own ({@link PlainConnection}): a request due while all are
 * busy is sent when one is free, and that wait counts in its latency. The generator used to send over
 * {@code java.net.http} and open a connection for every request that found all busy: after a stall at 348/s on
 * 1,000,000 persons that grew to 6,000 connections, and the client took most of a core of the two it shares with
 * the server (docs/performance.md), so the figure measured the client. The percentiles come from all latencies,
 * sorted.
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
        int connections = Integer.parseInt(options.getOrDefault("connections", "64"));
        if (rate <= 0) {
            throw new IllegalArgumentException("--rate must be above 0");
        }
        if (connections < 1) {
            throw new IllegalArgumentException("--connections must be at least 1");
        }
        List<String> bodies = Bench.lines(work, Bench.LOOKUPS_FILE);
        List<String> tokens = Bench.lines(work, Bench.CLINIC_TOKENS_FILE);
        URI lookups = http.api("eligibility/lookups");
        URI metrics = URI.create(Bench.required(options, "url")).resolve("/metrics?scope=application");

        // the same stream begins with the warm-up, whose answers are not counted: the client opens its connections
        // then, and the server's first answers to them are slower
        int warmup = (int) Math.round(rate * Math.max(0, warmupSeconds));
        int total = warmup + (int) Math.max(1, Math.round(rate * seconds));
        long interval = Math.round(1e9 / rate);
        long[] latencies = new long[total];
        AtomicInteger failures = new AtomicInteger();
        Map<String, Integer> reasons = new ConcurrentSkipListMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicLong lateSends = new AtomicLong();
        AtomicLong lastSent = new AtomicLong();
        String path = lookups.getRawPath();
        long start = System.nanoTime() + 50_000_000L;
        // each connection takes the next request due, in order, waits for its due time and sends it; a request due
        // while every connection is busy goes out when one is free, late, and its latency still runs from its due time
        Runnable connectionLoop = () -> {
            try (PlainConnection connection = new PlainConnection(lookups)) {
                for (int k = next.getAndIncrement(); k < total; k = next.getAndIncrement()) {
                    long due = start + k * interval;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    } else if (wait < -1_000_000L) {
                        lateSends.incrementAndGet();
                    }
                    lastSent.accumulateAndGet(System.nanoTime(), Math::max);
                    Random random = ThreadLocalRandom.current();
                    String reason;
                    try {
                        PlainConnection.Answer answer = connection.post(path,
                                tokens.get(random.nextInt(tokens.size())), bodies.get(random.nextInt(bodies.size())));
                        reason = answer.status() != 200 ? "HTTP " + answer.status() + " "
                                + answer.body().substring(0, Math.min(200, answer.body().length()))
                                : answer.body().contains("\"validity\":1") ? null : "validity not 1";
                    } catch (IOException | RuntimeException e) {
                        reason = e.getClass().getSimpleName() + ": " + e.getMessage();
                    }
                    latencies[k] = System.nanoTime() - due;
                    if (reason != null) {
                        failures.incrementAndGet();
                        reasons.merge(reason, 1, Integer::sum);
                    }
                }
            }
        };
        List<Thread> senders = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread sender = new Thread(connectionLoop, "open-model-" + c);
            sender.setDaemon(true);
            sender.start();
            senders.add(sender);
        }
        // the service's histograms as the measured requests begin
        LockSupport.parkNanos(start + warmup * interval - System.nanoTime());
        CompletableFuture<String> beforeMeasured = warmup == 0 ? null : scrape(http, metrics);
        long lastDue = start + (total - 1) * interval;
        for (Thread sender : senders) {
            sender.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(lastDue - System.nanoTime()) + 90_000));
            if (sender.isAlive()) {
                throw new IllegalStateException("open model: lookups unanswered 90 s after the last was due");
            }
        }
        double sendSeconds = (lastSent.get() - start) / 1e9 + interval / 1e9;
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
        figures.put(label + ".late_sends", lateSends.get());
        figures.put(label + ".connections", connections);
        figures.put(label + ".p50_ms", millis(counted, 0.50));
        figures.put(label + ".p90_ms", millis(counted, 0.90));
        figures.put(label + ".p99_ms", millis(counted, 0.99));
        figures.put(label + ".p999_ms", millis(counted, 0.999));
        figures.put(label + ".max_ms", String.format("%.1f", counted[measured - 1] / 1e6));
        System.out.printf("[benchmark] open model, %,.0f lookups/s for %d s after %d s of warm-up (%,d requests "
                        + "measured, sent at %,.0f/s over %d connections, %d sent more than 1 ms late, %d "
                        + "failed): p50 %s ms, p90 %s ms, p99 %s ms, p99.9 %s ms, max %s ms; p99 of the warm-up %s ms%n",
                rate, seconds, warmupSeconds, measured, total / sendSeconds,
                connections, lateSends.get(), failures.get(),
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
