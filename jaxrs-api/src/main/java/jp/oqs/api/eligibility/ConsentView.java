package jp.oqs.api.eligibility;

import java.time.Instant;

/**
 * A patient's consent to share a category with a clinic: when it was given and until when it holds (24 hours);
 * {@code granted} false with no times when the patient did not consent, {@code withdrawnAt} once withdrawn.
 */
public record ConsentView(ConsentCategory category, boolean granted, Instant grantedAt, Instant expiresAt,
                          Instant withdrawnAt) {
}
