package jp.oqs.api.sync;

import java.time.LocalDate;

/**
 * 高齢受給者証: the certificate of a person aged 70 to 74 (not 後期高齢者) that sets the copay ratio. Its dates are
 * inclusive and lie inside the qualification; while it is valid on a visit date, its ratio is the copay ratio a
 * clinic is answered.
 *
 * @param issuedOn  交付年月日
 * @param validFrom 有効開始日 (the person is 70 to 74 on this day)
 * @param validTo   有効終了日, inclusive
 * @param ratio     負担割合 in percent: 20 or 30
 */
public record ElderlyRecipient(LocalDate issuedOn, LocalDate validFrom, LocalDate validTo, Integer ratio)
        implements DatedCertificate {
}
