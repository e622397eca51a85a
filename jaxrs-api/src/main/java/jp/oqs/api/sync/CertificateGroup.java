package jp.oqs.api.sync;

/**
 * A certificate group of a qualification that a CHANGE or CORRECT can end explicitly ({@code
 * QualificationData.endCertificates}): from the record's {@code effectiveDate} the qualification holds no such
 * certificate. An absent group keeps the current one, so ending needs this explicit word: a sender that leaves a
 * group out never drops it by mistake.
 */
public enum CertificateGroup {
    /** 高齢受給者証 ({@code elderlyRecipient}). */
    ELDERLY_RECIPIENT,
    /** 限度額適用認定証 ({@code limitCertificate}). */
    LIMIT_CERTIFICATE,
    /** 特定疾病療養受療証, all of them ({@code specificDiseases}; the same as sending an empty list). */
    SPECIFIC_DISEASES
}
