package jp.oqs.audit;

/** What was done. */
public enum AuditKind {
    LOOKUP, CERTIFICATE_LOOKUP, BULK_ENTRY
}
