package jp.oqs.api.eligibility;

import java.time.LocalDate;
import java.util.List;
import jp.oqs.api.Description;
import jp.oqs.api.sync.CardClassification;
import jp.oqs.api.sync.ElderlyRecipient;
import jp.oqs.api.sync.LimitCertificate;
import jp.oqs.api.sync.LossReason;
import jp.oqs.api.sync.Relationship;
import jp.oqs.api.sync.Sex;
import jp.oqs.api.sync.SpecificDisease;

/**
 * A qualification as of a date, as a clinic sees it. Never carries the person link key or an internal id.
 *
 * @param insurerNumber  8 digits (国保 zero-padded)
 * @param lossReasonCode 01, 02, 03 or 99 when lost
 * @param copayRatio     負担割合 in percent for a visit on {@code asOf}: the 高齢受給者証's ratio while it is valid
 *                       that day; 20 for a {@code preschool} child (or the qualification's ratio when lower); else
 *                       the qualification's
 * @param cardClassification     被保険者証区分, when the insurer sent one
 * @param cardClassificationCode its two-digit code (01–07)
 * @param elderlyRecipient       高齢受給者証 valid on {@code asOf}, else absent
 * @param preschool              未就学: on {@code asOf} the person has not passed the March 31 after reaching 6
 * @param limitCertificateConsent whether the 限度額 group was asked with the patient's consent: at the reader (a live
 *                               consent of the category) or, for a check by card numbers, the request's
 *                               {@code limitCertificateConsent}
 * @param limitCertificate       限度額適用認定証 valid on {@code asOf}; only with {@code limitCertificateConsent}
 * @param specificDiseasesConsent whether the 特定疾病 group was asked with the patient's consent (as above)
 * @param specificDiseases       特定疾病療養受療証 valid on {@code asOf}; only with {@code specificDiseasesConsent}
 *                               (then a list, possibly empty)
 * @param referenceNumber the asking clinic's own 照会番号 for these numbers, when it registered one (never another
 *                        clinic's)
 */
public record QualificationView(String insurerNumber, String insurerName, String symbol, String number,
                                String branchNumber, String individualNumber, Relationship relationship,
                                String nameKanji, String nameKana, Sex sex, LocalDate birthDate,
                                LocalDate acquiredOn, LocalDate lostOn, LossReason lossReason,
                                String lossReasonCode,
                                @Description("負担割合 in percent for a visit on asOf: the elderlyRecipient's ratio"
                                        + " while it is valid that day; 20 for a preschool child (or the"
                                        + " qualification's ratio when that is lower); else the qualification's")
                                int copayRatio, LocalDate cardIssuedOn,
                                LocalDate cardExpiresOn, String referenceNumber,
                                CardClassification cardClassification, String cardClassificationCode,
                                ElderlyRecipient elderlyRecipient,
                                @Description("未就学 on asOf: until the first March 31 on or after the day before"
                                        + " the 6th birthday; copayRatio is then 20 (or lower)")
                                boolean preschool,
                                boolean limitCertificateConsent, LimitCertificate limitCertificate,
                                boolean specificDiseasesConsent, List<SpecificDisease> specificDiseases) {
}
