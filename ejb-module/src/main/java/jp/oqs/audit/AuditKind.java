package jp.oqs.audit;

/** What was done. */
public enum AuditKind {
    /** A clinic's check by card numbers. */
    LOOKUP,
    /** A clinic's check by My Number card certificate. */
    CERTIFICATE_LOOKUP,
    /** One entry of a clinic's bulk check. */
    BULK_ENTRY,
    /** A staff member opened a person's qualification history in the console. */
    PERSON_VIEW,
    /** A staff member reached for an insurer outside their organisation's scope (refused). */
    REGISTRY_ACCESS,
    /** A staff member signed in to the console. */
    SIGN_IN,
    /** A console sign-in was refused; the result names the reason (never the password). */
    SIGN_IN_REFUSED,
    /** An administrator created a console account; the result names it and its role. */
    ACCOUNT_CREATED,
    /** An administrator disabled a console account. */
    ACCOUNT_DISABLED,
    /** An administrator enabled a console account again. */
    ACCOUNT_ENABLED
}
