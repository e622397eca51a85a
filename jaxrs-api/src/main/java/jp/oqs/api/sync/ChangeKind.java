package jp.oqs.api.sync;

/** What the central side recorded for one of the insurer's qualifications. */
public enum ChangeKind {
    /** Acquired; carries the number assigned. */
    ACQUIRED, CHANGED, LOST, CORRECTED
}
