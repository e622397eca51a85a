package jp.oqs.eligibility;

import java.util.Set;
import jp.oqs.api.eligibility.ConsentCategory;

/**
 * Which consent-bound groups an answer carries: the 限度額適用認定証 and the 特定疾病療養受療証 are answered only with
 * the patient's consent, and the answer says whether it was given.
 */
record Disclosure(boolean limitCertificate, boolean specificDiseases) {

    static final Disclosure NONE = new Disclosure(false, false);

    /** A check by card numbers: the request's own flag (the real interface's 限度額情報提供同意) covers both groups. */
    static Disclosure byRequest(Boolean limitCertificateConsent) {
        return Boolean.TRUE.equals(limitCertificateConsent) ? new Disclosure(true, true) : NONE;
    }

    /**
     * The audit result of an answer: its validity code, then each consent-bound group it carried ({@code
     * LIMIT_CERTIFICATE}, {@code SPECIFIC_DISEASES}), so each use of a consent is on the trail and in the person's
     * access history.
     */
    String auditResult(int validityCode) {
        return validityCode + (limitCertificate ? " LIMIT_CERTIFICATE" : "")
                + (specificDiseases ? " SPECIFIC_DISEASES" : "");
    }

    /** A check by card: the categories whose consent of this clinic is in force. */
    static Disclosure byConsents(Set<ConsentCategory> live) {
        return new Disclosure(live.contains(ConsentCategory.LIMIT_CERTIFICATE),
                live.contains(ConsentCategory.SPECIFIC_DISEASES));
    }
}
