package jp.oqs.api.claims;

/** What happens to a claim (レセプト) once checked against the person's qualification history. */
public enum ClaimDisposition {
    /** Billed as written: the written qualification is valid on every service date (or the claim has 公費). */
    KEEP,
    /** Another single qualification of the same person covers every service date: billed to it instead (振替). */
    REROUTE,
    /** The qualification changed within the month: billed in segments by date (分割). */
    SPLIT,
    /** The written qualification covers every date but 本人/家族 was written wrongly. */
    RELATIONSHIP_CORRECTED,
    /** The written qualification is lost (or not yet acquired) and no other is found: billed as written. */
    LOST_KEEP,
    /** No person matches the card and birth date (a wrong birth date answers the same). */
    NOT_FOUND
}
