package jp.oqs.clinic;

import jp.oqs.platform.BusinessException;
import jp.oqs.platform.RetryLater;

/** A clinic went over one of its limits: refused until {@link #retryAfterSeconds()} have passed. */
public class ClinicLimitException extends BusinessException implements RetryLater {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public ClinicLimitException(String code, String message, String hint, long retryAfterSeconds) {
        super(Kind.RATE_LIMITED, code, message, hint);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    @Override
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
