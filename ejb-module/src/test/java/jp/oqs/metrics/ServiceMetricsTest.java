package jp.oqs.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    /** A registry whose counters add to {@link #counted}; nothing else is needed by the counts tested here. */
    private MetricRegistry countingRegistry() {
        return (MetricRegistry) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MetricRegistry.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("counter") || !(args[0] instanceof Metadata metadata)) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    StringBuilder key = new StringBuilder(metadata.getName()).append('[');
                    for (Tag tag : args.length > 1 ? (Tag[]) args[1] : new Tag[0]) {
                        key.append(tag.getTagName()).append('=').append(tag.getTagValue());
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
