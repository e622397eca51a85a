package jp.oqs.eligibility;

import jp.oqs.platform.BusinessException;

/** A check that cannot be answered as asked. */
public class EligibilityException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public EligibilityException(Kind kind, String code, String message, String hint) {
        super(kind, code, message, hint);
    }
}
