package jp.oqs.metrics;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import jp.oqs.api.eligibility.Validity;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The service's application metrics, in one place: each concern calls one method here, where it knows the outcome.
 * Work done in a transaction (bulk entries, audit appends) is counted when that transaction commits, through the
 * transaction synchronization registry, so a chunk or an append that rolls back counts nothing; work counted at a
 * boundary (lookups, sync batches, refusals) is counted after its transaction has ended.
 *
 * <p>Counting never fails a request: a fault of the metrics runtime is caught here and logged (the first one as a
 * warning, the rest at debug level). Tag values are enum names and status codes only, a handful each (see README,
 * "Metrics"): never an insurer number, a clinic code, a person or a token, so the scrape carries no personal data
 * and its series stay few.
 */
@ApplicationScoped
public class ServiceMetrics {

    private static final Logger LOG = System.getLogger(ServiceMetrics.class.getName());

    static final Metadata LOOKUPS = metadata("oqs.lookups",
            "Single checks (card numbers or certificate) by outcome and validity", MetricUnits.NONE);
    static final Metadata LOOKUP_DURATION = metadata("oqs.lookup.duration",
            "Time a single check takes in the service, from the matched request to its answer", MetricUnits.SECONDS);
    static final Metadata SYNC_BATCHES = metadata("oqs.sync.batches",
            "Sync batches answered: applied now, or a resend answered with the stored result", MetricUnits.NONE);
    static final Metadata SYNC_RECORDS = metadata("oqs.sync.records",
            "Records of applied sync batches by status", MetricUnits.NONE);
    static final Metadata SYNC_BATCH_DURATION = metadata("oqs.sync.batch.duration",
            "Time an applied sync batch takes, from its validated request to its commit", MetricUnits.SECONDS);
    static final Metadata BULK_CHECKS = metadata("oqs.bulk.checks",
            "Bulk checks on this node waiting for a worker (queued) or being answered (running)", MetricUnits.NONE);
    static final Metadata BULK_ENTRIES = metadata("oqs.bulk.entries.answered",
            "Bulk entries answered and committed (its rate is entries per second)", MetricUnits.NONE);
    static final Metadata AUDIT_APPENDS = metadata("oqs.audit.appends",
            "Audit entries appended and committed, by kind", MetricUnits.NONE);
    static final Metadata DURABLE_WAIT = metadata("oqs.answers.durable.wait",
            "Time an answer waited after its work, before its first byte (and each further 16 KB), until the commits"
                    + " it may show were on disk: the embedded engine's group sync; no wait on Oracle",
            MetricUnits.SECONDS);
    static final Metadata LOOKUP_BUCKETS = histogramOf(LOOKUP_DURATION, "Single checks whose time in the service was");
    static final Metadata SYNC_BATCH_BUCKETS = histogramOf(SYNC_BATCH_DURATION, "Applied sync batches that took");
    static final Metadata DURABLE_WAIT_BUCKETS = histogramOf(DURABLE_WAIT, "Answers that waited for durability");
    static final Metadata REFUSED = metadata("oqs.requests.refused",
            "Requests answered with a 4xx or 503 error body (API and container), by status and error code",
            MetricUnits.NONE);

    /** How a check was made: by card numbers ({@code card}) or by My Number card certificate. */
    public enum LookupMethod {
        CARD, CERTIFICATE;

        private final Tag tag = new Tag("method", name().toLowerCase(Locale.ROOT));
    }

    /** What a sync batch carries: qualifications ({@code POST /sync/batches}), check-ups or medications. */
    public enum SyncKind {
        QUALIFICATIONS, CHECKUPS, MEDICATIONS;

        private final Tag tag = new Tag("kind", name().toLowerCase(Locale.ROOT));
    }

    /** Upper bounds (seconds) of the latency buckets: around the lookup p99 goal of 20 ms, up to the 10 s timeout. */
    static final double[] LOOKUP_BOUNDS = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10};
    static final double[] SYNC_BATCH_BOUNDS = {0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120};
    static final double[] DURABLE_WAIT_BOUNDS = {0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 1};

    @Inject
    private MetricRegistry registry;

    /** The timed series, made at start ({@link #registerGauges}); empty if the registry failed then (logged). */
    private final Map<LookupMethod, LatencyHistogram> lookupDurations = new ConcurrentHashMap<>();
    private final Map<SyncKind, LatencyHistogram> syncBatchDurations = new ConcurrentHashMap<>();
    private volatile LatencyHistogram durableWaits;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    private final AtomicInteger bulkQueued = new AtomicInteger();
    private final AtomicInteger bulkRunning = new AtomicInteger();
    private final AtomicBoolean faultReported = new AtomicBoolean();

    /**
     * Registers the gauges and creates the timers with their histograms at start, so that a scrape shows them before
     * the first bulk check, lookup or batch, and requests record into them without a registry lookup. The timers
     * must exist before requests arrive: Payara's timer constructor is not thread-safe (it fills a plain
     * {@code HashMap} in {@code TimerImpl.validateMetricsConfiguration}), and two first lookups creating the same
     * timer at once failed with a {@code ConcurrentModificationException} that lost a count.
     */
    void registerGauges(@Observes @Initialized(ApplicationScoped.class) Object started) {
        count(() -> {
            registry.gauge(BULK_CHECKS, bulkQueued, AtomicInteger::get, new Tag("state", "queued"));
            registry.gauge(BULK_CHECKS, bulkRunning, AtomicInteger::get, new Tag("state", "running"));
            for (LookupMethod method : LookupMethod.values()) {
                lookupDurations.put(method, new LatencyHistogram(registry, LOOKUP_DURATION, LOOKUP_BUCKETS,
                        LOOKUP_BOUNDS, method.tag));
            }
            for (SyncKind kind : SyncKind.values()) {
                syncBatchDurations.put(kind, new LatencyHistogram(registry, SYNC_BATCH_DURATION, SYNC_BATCH_BUCKETS,
                        SYNC_BATCH_BOUNDS, kind.tag));
            }
            durableWaits = new LatencyHistogram(registry, DURABLE_WAIT, DURABLE_WAIT_BUCKETS, DURABLE_WAIT_BOUNDS);
        });
    }

    /** A single check answered with {@code validity}, or refused ({@code null}), after {@code nanos}. */
    public void lookup(LookupMethod method, Validity validity, long nanos) {
        count(() -> {
            registry.counter(LOOKUPS, method.tag, new Tag("outcome", validity == null ? "refused" : "answered"),
                    new Tag("validity", validity == null ? "NONE" : validity.name())).inc();
            observe(lookupDurations.get(method), nanos);
        });
    }

    /**
     * A sync batch answered after its transaction ended: applied by this call ({@code applied}, its records counted
     * by status and its duration timed), or a resend answered with what an earlier call stored.
     */
    public void syncBatch(SyncKind kind, boolean applied, int accepted, int rejected, long nanos) {
        count(() -> {
            registry.counter(SYNC_BATCHES, kind.tag, new Tag("outcome", applied ? "applied" : "resent")).inc();
            if (applied) {
                registry.counter(SYNC_RECORDS, kind.tag, new Tag("status", "ACCEPTED")).inc(accepted);
                registry.counter(SYNC_RECORDS, kind.tag, new Tag("status", "REJECTED")).inc(rejected);
                observe(syncBatchDurations.get(kind), nanos);
            }
        });
    }

    /** Bulk entries answered in the current transaction: counted when it commits. */
    public void bulkEntriesAnswered(int entries) {
        onCommit(() -> registry.counter(BULK_ENTRIES).inc(entries));
    }

    /** A bulk check handed to the executor, waiting for a worker. */
    public void bulkQueued() {
        bulkQueued.incrementAndGet();
    }

    /** A queued bulk check's worker has started. */
    public void bulkStarted() {
        bulkQueued.decrementAndGet();
        bulkRunning.incrementAndGet();
    }

    /** A bulk check's worker has ended (done, or interrupted and resumed later). */
    public void bulkEnded() {
        bulkRunning.decrementAndGet();
    }

    /** Audit entries of these kinds appended in the current transaction: counted when it commits. */
    public void auditAppended(Collection<? extends Enum<?>> kinds) {
        Map<String, Integer> byKind = new TreeMap<>();
        kinds.forEach(kind -> byKind.merge(kind.name(), 1, Integer::sum));
        onCommit(() -> byKind.forEach((kind, n) -> registry.counter(AUDIT_APPENDS, new Tag("kind", kind)).inc(n)));
    }

    /** An answer (any path) waited {@code nanos} for the commits it may show to be durable. */
    public void durableWait(long nanos) {
        count(() -> observe(durableWaits, nanos));
    }

    /** An API request answered with a 4xx status (or 503: busy, or a dependency missing) and the error body's code. */
    public void refused(int status, String code) {
        count(() -> registry.counter(REFUSED, new Tag("status", String.valueOf(status)),
                new Tag("code", code == null ? "NONE" : code)).inc());
    }

    /** Counts when the current transaction commits (not at all if it rolls back); at once outside one. */
    private void onCommit(Runnable counting) {
        count(() -> {
            if (transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
                counting.run();
                return;
            }
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // nothing to write: the count is in memory
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        count(counting);
                    }
                }
            });
        });
    }

    /** Times into a series made at start; nothing when the registry failed to make it (already logged). */
    private static void observe(LatencyHistogram series, long nanos) {
        if (series != null) {
            series.observe(nanos);
        }
    }

    /** Runs a count; a fault of the metrics runtime is logged, never thrown into the request. */
    private void count(Runnable counting) {
        try {
            counting.run();
        } catch (RuntimeException fault) {
            LOG.log(faultReported.compareAndSet(false, true) ? Level.WARNING : Level.DEBUG,
                    "an application metric could not be updated (the request goes on)", fault);
        }
    }

    /** The counters of a timer's latency histogram ({@link LatencyHistogram}), one per bound {@code le}. */
    private static Metadata histogramOf(Metadata timer, String counted) {
        return metadata(timer.getName() + ".buckets", counted + " at most le seconds (a cumulative histogram of "
                + timer.getName() + ")", MetricUnits.NONE);
    }

    private static Metadata metadata(String name, String description, String unit) {
        return Metadata.builder().withName(name).withDescription(description).withUnit(unit).build();
    }
}
