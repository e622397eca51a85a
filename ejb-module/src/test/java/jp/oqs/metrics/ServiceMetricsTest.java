package jp.oqs.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.oqs.api.eligibility.Validity;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.junit.jupiter.api.Test;

/**
 * What the metrics bean counts inside a transaction waits for its commit (a rollback counts nothing), and a fault
 * of the metrics runtime never reaches the caller.
 */
class ServiceMetricsTest {

    /** Counter increments by metric name and tags, e.g. {@code oqs.audit.appends[kind=LOOKUP]}. */
    private final Map<String, Long> counted = new TreeMap<>();
    private final List<Synchronization> registered = new ArrayList<>();
    private int transactionStatus = Status.STATUS_ACTIVE;

    @Test
    void transactionalWorkIsCountedWhenItCommitsAndNotWhenItRollsBack() throws Exception {
        ServiceMetrics metrics = metrics(countingRegistry());

        metrics.auditAppended(List.of(Kind.LOOKUP, Kind.BULK_ENTRY, Kind.BULK_ENTRY));
        metrics.bulkEntriesAnswered(2);
        assertEquals(Map.of(), counted, "nothing before the commit");
        registered.forEach(s -> s.afterCompletion(Status.STATUS_COMMITTED));
        assertEquals(Map.of("oqs.audit.appends[kind=BULK_ENTRY]", 2L, "oqs.audit.appends[kind=LOOKUP]", 1L,
                "oqs.bulk.entries.answered[]", 2L), counted);

        registered.clear();
        metrics.auditAppended(List.of(Kind.LOOKUP));
        metrics.bulkEntriesAnswered(200);
        registered.forEach(s -> s.afterCompletion(Status.STATUS_ROLLEDBACK));
        assertEquals(1L, counted.get("oqs.audit.appends[kind=LOOKUP]"), "a rolled-back append counts nothing");
        assertEquals(2L, counted.get("oqs.bulk.entries.answered[]"), "a rolled-back chunk counts nothing");

        transactionStatus = Status.STATUS_NO_TRANSACTION;
        registered.clear();
        metrics.bulkEntriesAnswered(3);
        assertTrue(registered.isEmpty());
        assertEquals(5L, counted.get("oqs.bulk.entries.answered[]"), "outside a transaction: at once");
    }

    /**
     * Every timer exists once the application has started: requests only find them. Payara creates a timer in a
     * constructor that is not thread-safe, and two first lookups at once lost a count.
     */
    @Test
    void theTimersAreCreatedAtStartNotByTheFirstRequests() throws Exception {
        List<String> created = new ArrayList<>();
        MetricRegistry recording = (MetricRegistry) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MetricRegistry.class}, (proxy, method, args) -> {
                    if (method.getName().equals("timer")) {
                        StringBuilder key = new StringBuilder(((Metadata) args[0]).getName());
                        for (Tag tag : args.length > 1 ? (Tag[]) args[1] : new Tag[0]) {
                            key.append(' ').append(tag.getTagName()).append('=').append(tag.getTagValue());
                        }
                        created.add(key.toString());
                    }
                    return null;
                });
        metrics(recording).registerGauges(new Object());
        assertEquals(List.of("oqs.lookup.duration method=card", "oqs.lookup.duration method=certificate",
                "oqs.sync.batch.duration kind=qualifications", "oqs.sync.batch.duration kind=checkups",
                "oqs.sync.batch.duration kind=medications", "oqs.answers.durable.wait"), created);
    }

    /**
     * The latency buckets count every observation, cumulatively: Payara's own timer buckets counted only a sample of
     * the latest 1,028, so here more than that many are observed, on a bound, between bounds and past the widest.
     */
    @Test
    void latencyBucketsCountEveryObservationAtOrBelowTheirBound() throws Exception {
        ServiceMetrics metrics = metrics(countingRegistry());
        metrics.registerGauges(new Object());
        for (int i = 0; i < 5_000; i++) {
            metrics.lookup(ServiceMetrics.LookupMethod.CARD, Validity.VALID, 2_000_000); // on the 2 ms bound
        }
        for (int i = 0; i < 10; i++) {
            metrics.lookup(ServiceMetrics.LookupMethod.CARD, Validity.VALID, 700_000_000);
        }
        metrics.lookup(ServiceMetrics.LookupMethod.CARD, null, 60_000_000_000L);
        metrics.syncBatch(ServiceMetrics.SyncKind.CHECKUPS, true, 10, 0, 3_000_000_000L);
        metrics.durableWait(300_000);

        String card = "oqs.lookup.duration.buckets[method=card,le=";
        Map<String, Long> expected = new TreeMap<>();
        expected.put(card + "0.001]", 0L);
        expected.put(card + "0.002]", 5_000L);
        expected.put(card + "0.5]", 5_000L);
        expected.put(card + "1.0]", 5_010L);
        expected.put(card + "10.0]", 5_010L);
        expected.put(card + "+Inf]", 5_011L);
        expected.put("oqs.lookup.duration.buckets[method=certificate,le=+Inf]", 0L);
        expected.put("oqs.sync.batch.duration.buckets[kind=checkups,le=2.0]", 0L);
        expected.put("oqs.sync.batch.duration.buckets[kind=checkups,le=5.0]", 1L);
        expected.put("oqs.sync.batch.duration.buckets[kind=checkups,le=+Inf]", 1L);
        expected.put("oqs.sync.batch.duration.buckets[kind=qualifications,le=+Inf]", 0L);
        expected.put("oqs.answers.durable.wait.buckets[le=0.0005]", 1L);
        Map<String, Long> actual = new TreeMap<>();
        expected.keySet().forEach(key -> actual.put(key, counted.getOrDefault(key, 0L)));
        assertEquals(expected, actual);
        assertEquals(5_010L, counted.get("oqs.lookups[method=card,outcome=answered,validity=VALID]"),
                "the lookups themselves are counted as before");
        assertThrows(IllegalArgumentException.class, () -> new LatencyHistogram(countingRegistry(),
                ServiceMetrics.LOOKUP_DURATION, ServiceMetrics.LOOKUP_BUCKETS, new double[] {0.01, 0.01}),
                "bounds must rise");
    }

    @Test
    void aFaultOfTheMetricsRuntimeNeverReachesTheCaller() throws Exception {
        int[] calls = {0};
        MetricRegistry broken = (MetricRegistry) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MetricRegistry.class}, (proxy, method, args) -> {
                    calls[0]++;
                    throw new IllegalStateException("metrics runtime down");
                });
        ServiceMetrics metrics = metrics(broken);
        metrics.lookup(ServiceMetrics.LookupMethod.CARD, Validity.VALID, 1_000_000);
        metrics.lookup(ServiceMetrics.LookupMethod.CERTIFICATE, null, 1_000_000);
        metrics.syncBatch(ServiceMetrics.SyncKind.CHECKUPS, true, 10, 1, 5_000_000);
        metrics.refused(403, "FORBIDDEN_ROLE");
        metrics.registerGauges(new Object());
        metrics.auditAppended(List.of(Kind.LOOKUP));
        registered.forEach(s -> s.afterCompletion(Status.STATUS_COMMITTED));
        transactionStatus = Status.STATUS_NO_TRANSACTION;
        metrics.bulkEntriesAnswered(1);
        // each of the seven counts reached the registry, which failed, and returned normally
        assertEquals(7, calls[0]);
    }

    private enum Kind { LOOKUP, BULK_ENTRY }

    private ServiceMetrics metrics(MetricRegistry registry) throws ReflectiveOperationException {
        ServiceMetrics metrics = new ServiceMetrics();
        set(metrics, "registry", registry);
        set(metrics, "transactions", Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {TransactionSynchronizationRegistry.class}, (proxy, method, args) -> switch (
                        method.getName()) {
                    case "getTransactionStatus" -> transactionStatus;
                    case "registerInterposedSynchronization" -> registered.add((Synchronization) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                }));
        return metrics;
    }

    /** A registry whose counters add to {@link #counted}; its timers count nothing, its gauges are not kept. */
    private MetricRegistry countingRegistry() {
        return (MetricRegistry) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MetricRegistry.class}, (proxy, method, args) -> {
                    if (method.getName().equals("timer") || method.getName().equals("gauge")) {
                        return method.getName().equals("gauge") ? null : Proxy.newProxyInstance(
                                getClass().getClassLoader(), new Class<?>[] {Timer.class}, (timer, call, a) -> null);
                    }
                    if (!method.getName().equals("counter") || !(args[0] instanceof Metadata metadata)) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    StringBuilder key = new StringBuilder(metadata.getName()).append('[');
                    String separator = "";
                    for (Tag tag : args.length > 1 ? (Tag[]) args[1] : new Tag[0]) {
                        key.append(separator).append(tag.getTagName()).append('=').append(tag.getTagValue());
                        separator = ",";
                    }
                    String name = key.append(']').toString();
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Counter.class},
                            (counter, call, n) -> {
                                counted.merge(name, n == null ? 1L : (Long) n[0], Long::sum);
                                return null;
                            });
                });
    }

    private static void set(Object target, String field, Object value) throws ReflectiveOperationException {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }
}
