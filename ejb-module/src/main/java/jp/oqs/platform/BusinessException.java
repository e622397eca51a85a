package jp.oqs.platform;

import jakarta.ejb.ApplicationException;

/**
 * A business failure a caller can act on. Checked, rolls the transaction back, and carries what the error body
 * needs; the web layer maps {@link Kind} to an HTTP status in one place. Never carries a person's identifiers.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class BusinessException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What kind of failure, independent of the protocol. */
    public enum Kind {
        /** The input breaks a rule. */
        INVALID,
        /** The thing named does not exist (in the caller's view). */
        NOT_FOUND,
        /** The request contradicts current state (already exists, wrong lifecycle step). */
        CONFLICT,
        /** The caller may not act on this. */
        FORBIDDEN,
        /** The caller did not prove who it is. */
        UNAUTHENTICATED,
        /** The service cannot decide now (a dependency is missing); retry later. */
        UNAVAILABLE,
        /** The caller has used up its allowance for now ({@link RetryLater} says when to come back). */
        RATE_LIMITED
    }

    private final Kind kind;
    private final String code;
    private final String hint;

    /**
     * @param message for staff, Japanese
     * @param hint    for the vendor's developer, English
     */
    protected BusinessException(Kind kind, String code, String message, String hint) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.hint = hint;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String hint() {
        return hint;
    }
}
