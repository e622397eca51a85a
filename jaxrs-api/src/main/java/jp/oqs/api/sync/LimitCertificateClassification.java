package jp.oqs.api.sync;

/** 限度額適用認定証区分: which certificate the insurer issued. */
public enum LimitCertificateClassification {
    /** 01 限度額適用認定証. */
    LIMIT("01"),
    /** 02 限度額適用・標準負担額減額認定証 (the limit and a reduced meal charge). */
    LIMIT_AND_MEAL_REDUCTION("02"),
    /** 03 標準負担額減額認定証 (a reduced meal charge only). */
    MEAL_REDUCTION("03");

    private final String code;

    LimitCertificateClassification(String code) {
        this.code = code;
    }

    /** The two-digit code. */
    public String code() {
        return code;
    }
}
