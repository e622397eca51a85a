package jp.oqs.audit;

/** Who did it. */
public enum ActorKind {
    CLINIC, STAFF
}
