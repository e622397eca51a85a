package jp.oqs.api.sync;

/** 喪失事由. */
public enum LossReason {
    /** 01 死亡. */
    DEATH("01"),
    /** 02 生活保護開始. */
    WELFARE_START("02"),
    /** 03 他保険の取得. */
    OTHER_INSURANCE("03"),
    /** 99 その他. */
    OTHER("99");

    private final String code;

    LossReason(String code) {
        this.code = code;
    }

    /** The two-digit code. */
    public String code() {
        return code;
    }
}
