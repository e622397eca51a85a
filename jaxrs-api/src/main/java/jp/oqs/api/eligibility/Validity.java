package jp.oqs.api.eligibility;

/** 資格有効性: the answer about a qualification as of the requested date. */
public enum Validity {
    /** 1 有効. */
    VALID(1),
    /** 2 無効. */
    INVALID(2),
    /** 3 無効（新しい資格あり）: the claim should carry {@code current}. */
    INVALID_NEWER_EXISTS(3),
    /** 4 該当資格なし: no qualification matches (also when the birth date does not match). */
    NOT_FOUND(4),
    /** 5 複数該当: several persons match; give the 枝番 or the individual number. */
    MULTIPLE(5);

    private final int code;

    Validity(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
