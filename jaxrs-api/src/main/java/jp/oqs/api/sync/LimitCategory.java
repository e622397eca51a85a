package jp.oqs.api.sync;

/**
 * 限度額適用認定証の適用区分: the income band that sets the monthly limit of what the desk charges. The A codes are
 * for persons under 70 on the certificate's {@code validFrom}, the B codes for persons of 70 and over; B09 and B10
 * exist only at 後期高齢者 insurers, whose insured have only B codes. A code of the wrong family is rejected.
 */
public enum LimitCategory {
    /** ア: income about 11.6 million yen or more (under 70). */
    A01,
    /** イ (under 70). */
    A02,
    /** ウ (under 70). */
    A03,
    /** エ (under 70). */
    A04,
    /** オ: 住民税非課税 (under 70). */
    A05,
    /** オ（境）: 境界層該当 (under 70). */
    A06,
    /** 現役並みⅢ (70 and over). */
    B01,
    /** 現役並みⅡ (70 and over). */
    B02,
    /** 現役並みⅠ (70 and over). */
    B03,
    /** 一般 (70 and over). */
    B04,
    /** 低所得Ⅱ (70 and over). */
    B05,
    /** 低所得Ⅰ (70 and over). */
    B06,
    /** 低所得Ⅰ（老福）: 老齢福祉年金受給者 (70 and over). */
    B07,
    /** 低所得Ⅰ（境）: 境界層該当 (70 and over). */
    B08,
    /** 一般Ⅱ: 後期高齢者 only. */
    B09,
    /** 一般Ⅰ: 後期高齢者 only. */
    B10;

    /** Whether the code is of the family of persons of 70 and over (B). */
    public boolean seventyAndOver() {
        return name().charAt(0) == 'B';
    }

    /** Whether only a 後期高齢者 insurer issues it. */
    public boolean lateElderlyOnly() {
        return this == B09 || this == B10;
    }
}
