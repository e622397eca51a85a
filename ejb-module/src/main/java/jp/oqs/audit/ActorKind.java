package jp.oqs.audit;

/** Who did it. */
public enum ActorKind {
    /** A clinic or pharmacy, by its 医療機関コード. */
    CLINIC,
    /** 支払基金 or 国保中央会 staff (console or admin API), by account name. */
    STAFF,
    /** The intermediate server's sync job, by the token's subject. */
    SYNC_JOB,
    /**
     * A person, authenticated by the My Number card's signature (reading their own access history); the actor is
     * {@code person} and the entry's person id says who, never a card or My Number.
     */
    PERSON
}
