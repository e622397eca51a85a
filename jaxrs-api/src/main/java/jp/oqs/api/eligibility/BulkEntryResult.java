package jp.oqs.api.eligibility;

import jp.oqs.api.Description;

/**
 * The answer to one bulk entry, in entry order.
 *
 * @param index     0-based position in the request
 * @param errorCode for resultStatus ERROR: why the entry could not be checked
 * @param limitCertificateChanged for an answer carrying the 限度額 data under the patient's consent: whether it
 *                                (the 限度額適用認定証 and 特定疾病療養受療証 answered) differs from this clinic's
 *                                previous answer for the same card that showed both, of any kind (bulk entry,
 *                                lookup, certificate lookup, card session), {@code true} for the first; absent
 *                                otherwise
 */
public record BulkEntryResult(int index, String entryId, ResultStatus resultStatus, Integer validity,
                              String errorCode, String errorMessage, LookupResult answer,
                              @Description("for an answer carrying the 限度額 data under consent: whether the"
                                      + " limitCertificate and specificDiseases answered differ from this clinic's"
                                      + " previous answer for the card that showed both, of any kind (bulk entry,"
                                      + " lookup, certificate lookup, card session); true for the first; absent"
                                      + " otherwise")
                              Boolean limitCertificateChanged) {
}
