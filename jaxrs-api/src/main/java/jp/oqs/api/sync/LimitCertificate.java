package jp.oqs.api.sync;

import java.time.LocalDate;

/**
 * 限度額適用認定証: the certificate that caps what the desk charges in a month. Its dates are inclusive and lie inside
 * the qualification. A clinic is answered it only under the patient's consent (see the README).
 *
 * @param classification      which certificate
 * @param category            適用区分; A01–A06 under 70, B01–B08 from 70, B09/B10 at 後期高齢者 insurers only
 * @param issuedOn            交付年月日
 * @param validFrom           有効開始日
 * @param validTo             有効終了日, inclusive
 * @param longTermInpatientOn 長期入院該当年月日 (a longer stay lowers the meal charge), when it applies
 */
public record LimitCertificate(LimitCertificateClassification classification, LimitCategory category,
                               LocalDate issuedOn, LocalDate validFrom, LocalDate validTo,
                               LocalDate longTermInpatientOn) implements DatedCertificate {
}
