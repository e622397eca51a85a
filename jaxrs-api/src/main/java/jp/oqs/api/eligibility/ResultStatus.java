package jp.oqs.api.eligibility;

/** 処理結果: whether the check was answered. */
public enum ResultStatus {
    /** Answered; see the validity. */
    COMPLETED,
    /** Not answered (a bulk entry with bad input); see the error code. */
    ERROR
}
