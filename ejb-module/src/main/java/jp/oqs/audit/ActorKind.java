package jp.oqs.audit;

/** Who did it. */
public enum ActorKind {
    /** A clinic or pharmacy, by its 医療機関コード. */
    CLINIC,
    /** 支払基金 or 国保中央会 staff (console or admin API), by account name. */
    STAFF,
    /** The intermediate server's sync job, by the token's subject. */
    SYNC_JOB
}
