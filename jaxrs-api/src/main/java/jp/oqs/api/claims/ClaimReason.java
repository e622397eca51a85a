package jp.oqs.api.claims;

/** Why a claim got its disposition: one reason per disposition, two for KEEP and NOT_FOUND. */
public enum ClaimReason {
    /** KEEP: the written qualification is valid on every service date. */
    VALID,
    /** KEEP: the claim has 公費 (public expense), which is never re-routed or split here. */
    PUBLIC_EXPENSE,
    /** REROUTE: the person is insured by another insurer on every service date. */
    INSURER_CHANGED,
    /** REROUTE: the same insurer, under another number (a new 記号・番号 or 枝番). */
    NUMBER_CHANGED,
    /** SPLIT: the qualification changed within the month. */
    CHANGED_WITHIN_MONTH,
    /** RELATIONSHIP_CORRECTED: 本人/家族 differs from the history. */
    RELATIONSHIP_WRITTEN_WRONGLY,
    /** LOST_KEEP: the written qualification is not valid on some service date and no other covers any. */
    LOST_NO_OTHER,
    /** NOT_FOUND: no person has these numbers and this birth date. */
    NO_MATCHING_PERSON,
    /** NOT_FOUND: several persons match (a household number without 枝番); the claim cannot be routed. */
    SEVERAL_PERSONS
}
