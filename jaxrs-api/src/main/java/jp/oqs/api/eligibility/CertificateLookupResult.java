package jp.oqs.api.eligibility;

import java.time.LocalDate;
import java.util.List;

/**
 * The person's qualifications valid on {@code asOf}.
 *
 * @param validity 1 when at least one is valid; 2 when the person has qualifications but none valid on that day;
 *                 4 when the person has none
 */
public record CertificateLookupResult(String checkId, ResultStatus resultStatus, int validity, Validity validityName,
                                      LocalDate asOf, List<QualificationView> qualifications) {
}
