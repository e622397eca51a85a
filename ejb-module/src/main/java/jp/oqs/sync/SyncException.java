package jp.oqs.sync;

import jp.oqs.platform.BusinessException;

/** A failure of a whole sync request (not of one record). */
public class SyncException extends BusinessException {

    private static final long serialVersionUID = 1L;

    SyncException(Kind kind, String code, String message, String hint) {
        super(kind, code, message, hint);
    }
}
