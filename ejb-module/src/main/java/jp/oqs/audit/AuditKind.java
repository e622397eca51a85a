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
    REGISTRY_ACCESS
}
