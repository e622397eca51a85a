package jp.oqs.web.eligibility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.platform.BusinessException;
import jp.oqs.platform.RetryLater;
import jp.oqs.web.rest.BusinessFailure;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many single checks (by card numbers or by certificate) are decided at once on this node; the others wait
 * here, in arrival order, before their transaction begins (issue 14). Every check reads a few rows and appends to
 * the audit trail: on two cores with the embedded engine, 64 connections' lookups all in the database at once
 * answered 235-400 a second (8 connections: 337-472), with up to twice the server CPU per check (the database's
 * locks and row cache taken by many sessions at once, not more work); with at most 8 decided at once the same 64
 * connections were answered 390-520 a second. A waiting check holds no transaction and no connection: the pool
 * (32) is not taken by checks that wait, and the admitted ones need at most two each (a refusal is audited in a
 * transaction of its own). A check that waited {@code oqs.eligibility.admission.wait-ms} is answered 503
 * {@code SERVICE_UNAVAILABLE} with {@code Retry-After}.
 *
 * <p>A waiting check holds one of the container's request threads (200 on Payara Micro; the Payara Server domain is
 * set to the same). Without a bound on the waiting, an overload parked every request thread here for up to the wait:
 * the node's health check, the sync jobs and the console then found no thread, Grizzly's queue of 4,096 connections
 * filled, and it closed every further connection without an answer, logging a stack trace for each (8,641 in 35 s
 * at 348 lookups/s over 6,000 connections, 1,000,000 persons; docs/performance.md). So at most
 * {@code oqs.eligibility.admission.max-waiting} checks wait; one that arrives when that many are already waiting,
 * and finds no turn free at once, is answered the same 503 straight away, at the cost of reading its request.
 */
@ApplicationScoped
public class CheckAdmission {

    private final Semaphore permits;
    private final AtomicInteger waiting = new AtomicInteger();
    private final long waitMillis;
    private final int concurrent;
    private final int maxWaiting;

    /** For the container's proxy only. */
    protected CheckAdmission() {
        this.permits = null;
        this.waitMillis = 0;
        this.concurrent = 0;
        this.maxWaiting = 0;
    }

    @Inject
    public CheckAdmission(
            @ConfigProperty(name = "oqs.eligibility.admission.concurrent-checks", defaultValue = "8") int concurrent,
            @ConfigProperty(name = "oqs.eligibility.admission.wait-ms", defaultValue = "10000") long waitMillis,
            @ConfigProperty(name = "oqs.eligibility.admission.max-waiting", defaultValue = "128") int maxWaiting) {
        if (concurrent < 1 || waitMillis < 0 || maxWaiting < 0) {
            throw new IllegalArgumentException("oqs.eligibility.admission.concurrent-checks must be at least 1, "
                    + "oqs.eligibility.admission.wait-ms and oqs.eligibility.admission.max-waiting at least 0; they "
                    + "are " + concurrent + ", " + waitMillis + " and " + maxWaiting);
        }
        this.permits = new Semaphore(concurrent, true);
        this.waitMillis = waitMillis;
        this.concurrent = concurrent;
        this.maxWaiting = maxWaiting;
    }

    /**
     * Runs the check once it is admitted; refuses it with 503 when it waited too long, or at once when too many
     * were already waiting and no turn is free.
     */
    public <T> T decide(Supplier<T> check) {
        String refused = takeTurn();
        if (refused != null) {
            return BusinessFailure.call(() -> {
                throw new ChecksBusyException(concurrent, refused);
            });
        }
        try {
            return check.get();
        } finally {
            permits.release();
        }
    }

    /** Takes a turn, waiting if allowed; {@code null} once taken, else why not (for the refusal's hint). */
    private String takeTurn() {
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            return permits.tryAcquire() ? null
                    : "found " + maxWaiting + " checks waiting already (oqs.eligibility.admission.max-waiting)";
        }
        try {
            return permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS) ? null
                    : "waited " + waitMillis + " ms for its turn (oqs.eligibility.admission.wait-ms)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "was interrupted while it waited for its turn";
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** How many checks wait for their turn now: the count that {@code max-waiting} bounds. */
    int waitingChecks() {
        return waiting.get();
    }

    /**
     * The node decides as many checks as it may at once, and others were ahead of this one for too long, or so many
     * were waiting already that this one was not let wait.
     */
    static final class ChecksBusyException extends BusinessException implements RetryLater {

        private static final long serialVersionUID = 1L;

        ChecksBusyException(int concurrent, String why) {
            super(Kind.UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
                    "照会が混み合っています。しばらく待ってから照会してください。",
                    "this node decides " + concurrent + " checks at once and this one " + why
                            + "; retry after Retry-After seconds, or spread the checks over time");
        }

        @Override
        public long retryAfterSeconds() {
            return 1;
        }
    }
}
