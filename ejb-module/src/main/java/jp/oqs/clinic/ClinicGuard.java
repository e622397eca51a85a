package jp.oqs.clinic;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The per-clinic guards of one node, in memory (lost at a restart, not shared between instances): the lookup
 * token buckets, the not-found watch, and which clinics' bulk refusals are on the audit trail today. The bulk
 * entries themselves are counted in the database, by the bulk check service.
 */
@ApplicationScoped
public class ClinicGuard {

    @Inject
    @ConfigProperty(name = "oqs.eligibility.limit.lookups-per-minute", defaultValue = "1200")
    private int lookupsPerMinute;

    @Inject
    @ConfigProperty(name = "oqs.eligibility.limit.bulk-entries-per-day", defaultValue = "300000")
    private int bulkEntriesPerDay;

    @Inject
    @ConfigProperty(name = "oqs.eligibility.alert.window-minutes", defaultValue = "10")
    private int alertWindowMinutes;

    @Inject
    @ConfigProperty(name = "oqs.eligibility.alert.min-answers", defaultValue = "50")
    private int alertMinAnswers;

    @Inject
    @ConfigProperty(name = "oqs.eligibility.alert.not-found-ratio", defaultValue = "0.5")
    private double alertNotFoundRatio;

    private ClinicRateLimiter lookups;
    private NotFoundWatch notFound;
    /** Clinic → the day its bulk refusal was recorded; only clinics refused lately. */
    private final Map<String, LocalDate> bulkRefusalRecorded = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        if (bulkEntriesPerDay < 1) {
            throw new IllegalArgumentException("oqs.eligibility.limit.bulk-entries-per-day must be at least 1, got "
                    + bulkEntriesPerDay);
        }
        lookups = new ClinicRateLimiter(lookupsPerMinute, System.nanoTime());
        notFound = new NotFoundWatch(Duration.ofMinutes(alertWindowMinutes), alertMinAnswers, alertNotFoundRatio);
    }

    /** Takes one lookup (by card numbers or by certificate) of the clinic's allowance; null when allowed. */
    public ClinicRateLimiter.Refusal takeLookup(String clinic) {
        return lookups.take(clinic, System.nanoTime());
    }

    public int lookupsPerMinute() {
        return lookupsPerMinute;
    }

    public int bulkEntriesPerDay() {
        return bulkEntriesPerDay;
    }

    /** Whether this is the clinic's first refused bulk submission of the day (the one to audit). */
    public boolean firstBulkRefusal(String clinic, LocalDate day) {
        bulkRefusalRecorded.values().removeIf(recorded -> recorded.isBefore(day));
        return !day.equals(bulkRefusalRecorded.put(clinic, day));
    }

    /** Counts an answer of the clinic; the crossing of the not-found threshold, once per window, else null. */
    public NotFoundWatch.Crossing answered(String clinic, boolean notFoundAnswer, Instant now) {
        return notFound.answered(clinic, notFoundAnswer, now);
    }

    /** An alert that was not kept: its window may raise it again. */
    public void forget(NotFoundWatch.Crossing crossing) {
        notFound.forget(crossing);
    }
}
