package jp.oqs.claims;

import jp.oqs.platform.BusinessException;

/** A claims request or job that cannot be served as asked. */
public class ClaimsException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public ClaimsException(Kind kind, String code, String message, String hint) {
        super(kind, code, message, hint);
    }
}
