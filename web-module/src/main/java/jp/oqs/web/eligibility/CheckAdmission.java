package jp.oqs.web.eligibility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
 */
@ApplicationScoped
public class CheckAdmission {

    private final Semaphore permits;
    private final long waitMillis;
    private final int concurrent;

    /** For the container's proxy only. */
    protected CheckAdmission() {
        this.permits = null;
        this.waitMillis = 0;
        this.concurrent = 0;
    }

    @Inject
    public CheckAdmission(
            @ConfigProperty(name = "oqs.eligibility.admission.concurrent-checks", defaultValue = "8") int concurrent,
            @ConfigProperty(name = "oqs.eligibility.admission.wait-ms", defaultValue = "10000") long waitMillis) {
        if (concurrent < 1 || waitMillis < 0) {
            throw new IllegalArgumentException("oqs.eligibility.admission.concurrent-checks must be at least 1 and "
                    + "oqs.eligibility.admission.wait-ms at least 0; they are " + concurrent + " and " + waitMillis);
        }
        this.permits = new Semaphore(concurrent, true);
        this.waitMillis = waitMillis;
        this.concurrent = concurrent;
    }

    /** Runs the check once it is admitted; refuses it with 503 when it waited too long. */
    public <T> T decide(Supplier<T> check) {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            return BusinessFailure.call(() -> {
                throw new ChecksBusyException(concurrent, waitMillis);
            });
        }
        try {
            return check.get();
        } finally {
            permits.release();
        }
    }

    /** The node decides as many checks as it may at once and others were ahead of this one for too long. */
    static final class ChecksBusyException extends BusinessException implements RetryLater {

        private static final long serialVersionUID = 1L;

        ChecksBusyException(int concurrent, long waitMillis) {
            super(Kind.UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
                    "照会が混み合っています。しばらく待ってから照会してください。",
                    "this node decides " + concurrent + " checks at once and this one waited " + waitMillis
                            + " ms for its turn (oqs.eligibility.admission.*); retry after Retry-After seconds, "
                            + "or spread the checks over time");
        }

        @Override
        public long retryAfterSeconds() {
            return 1;
        }
    }
}
