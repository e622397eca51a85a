package jp.oqs.api.sync;

/** What a sync record does to a person's qualification at the batch's insurer. */
public enum SyncOperation {
    /** 資格取得: a new qualification from {@code qualification.acquiredOn}; the number is assigned by the insurer's rule. */
    ACQUIRE,
    /** Attributes change from {@code effectiveDate} on (copay ratio, card, names, 本人/家族). */
    CHANGE,
    /** 資格喪失 on {@code lostOn} (the first day without the qualification) for {@code lossReason}. */
    LOSE,
    /** Fixes the version that starts on {@code effectiveDate}; the wrong one stays visible as superseded. */
    CORRECT
}
