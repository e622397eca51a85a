package jp.oqs.api.insurer;

/** Lifecycle of an insurer: ONBOARDING → ACTIVE ⇄ SUSPENDED; MERGED or DISSOLVED on a date (final). */
public enum InsurerStatus {
    ONBOARDING, ACTIVE, SUSPENDED, MERGED, DISSOLVED
}
