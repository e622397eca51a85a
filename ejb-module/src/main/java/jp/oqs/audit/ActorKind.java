package jp.oqs.audit;

/** Who did it (staff views join when the console audits them). */
public enum ActorKind {
    CLINIC
}
