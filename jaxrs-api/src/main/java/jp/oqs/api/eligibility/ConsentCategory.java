package jp.oqs.api.eligibility;

/** What a patient may consent, at the reader, to share with the clinic (each for 24 hours). */
public enum ConsentCategory {
    /** 限度額適用認定証: the limit certificate's data. */
    LIMIT_CERTIFICATE,
    /** 特定疾病療養受療証: the specific-disease certificate's data. */
    SPECIFIC_DISEASES,
    /** 特定健診: health checkup results. */
    CHECKUPS,
    /** 薬剤情報: medication history. */
    MEDICATIONS
}
