package jp.oqs.staff;

import jp.oqs.platform.BusinessException;

/** An account change the rules do not allow. */
public class StaffException extends BusinessException {

    private static final long serialVersionUID = 1L;

    StaffException(Kind kind, String code, String message, String hint) {
        super(kind, code, message, hint);
    }
}
