package jp.oqs.api.sync;

/**
 * 被保険者証区分: which kind of card (or paper) the qualification is shown with, by the code of the real online
 * qualification interface. Some kinds exist only at some insurers; a record with a kind its insurer does not issue
 * is rejected ({@code RECORD_INVALID}).
 */
public enum CardClassification {
    /** 01 被保険者証（一般）: any insurer. */
    GENERAL("01"),
    /** 02 被保険者証（退職）: 退職者医療, at a 国保 insurer (市町村国保 or 67). */
    RETIREE("02"),
    /** 03 短期被保険者証（一般）: 国保 (市町村国保, 国保組合, 67) and 後期高齢者 only. */
    SHORT_TERM("03"),
    /** 04 短期被保険者証（退職）: 退職者医療, at a 国保 insurer (市町村国保 or 67). */
    SHORT_TERM_RETIREE("04"),
    /** 05 被保険者資格証明書: any insurer. */
    QUALIFICATION_CERTIFICATE("05"),
    /** 06 特例退職被保険者証: 特例退職 insurers only (法別 63, 72–75). */
    SPECIAL_RETIREE("06"),
    /** 07 自衛官診療証: 自衛官等 only (法別 07). */
    SELF_DEFENSE_FORCES("07");

    private final String code;

    CardClassification(String code) {
        this.code = code;
    }

    /** The two-digit code. */
    public String code() {
        return code;
    }
}
