package jp.oqs.web.rest;

import jp.oqs.platform.BusinessException;

/**
 * Carries a session bean's checked {@link BusinessException} out of a resource method whose contract (the
 * published interface) cannot name it; {@link BusinessFailureMapper} turns it into the error body.
 */
public final class BusinessFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A call to a session bean that may fail with a business exception. */
    @FunctionalInterface
    public interface BusinessCall<T> {
        T call() throws BusinessException;
    }

    private BusinessFailure(BusinessException cause) {
        super(cause.code(), cause, false, false);
    }

    BusinessException business() {
        return (BusinessException) getCause();
    }

    /** Runs the call; a business exception leaves as a {@code BusinessFailure}. */
    public static <T> T call(BusinessCall<T> call) {
        try {
            return call.call();
        } catch (BusinessException e) {
            throw new BusinessFailure(e);
        }
    }
}
