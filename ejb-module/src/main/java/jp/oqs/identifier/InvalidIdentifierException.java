package jp.oqs.identifier;

import jp.oqs.platform.BusinessException;

/** An identifier breaks one of its rules; the message and hint name the rule. */
public class InvalidIdentifierException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public InvalidIdentifierException(String code, String message, String hint) {
        super(Kind.INVALID, code, message, hint);
    }
}
