package jp.oqs.api.eligibility;

import java.util.List;

/**
 * The answer to a confirmed card session: the qualification answer of a certificate lookup ({@code eligibility},
 * as of the confirmation's {@code asOf}), the patient's consent per category (all four, in the order of
 * {@link ConsentCategory}), the prescription form chosen, and warnings for the desk.
 */
public record CardSessionResult(String sessionId, CertificateLookupResult eligibility, List<ConsentView> consents,
                                PrescriptionForm prescriptionForm, List<CardWarning> warnings) {
}
