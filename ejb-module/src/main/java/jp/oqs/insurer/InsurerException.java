package jp.oqs.insurer;

import jp.oqs.platform.BusinessException;

/** A business failure of the insurer registry. */
public class InsurerException extends BusinessException {

    private static final long serialVersionUID = 1L;

    InsurerException(Kind kind, String code, String message, String hint) {
        super(kind, code, message, hint);
    }
}
