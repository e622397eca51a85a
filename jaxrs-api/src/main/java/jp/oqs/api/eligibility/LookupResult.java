package jp.oqs.api.eligibility;

import java.time.LocalDate;

/**
 * The answer to one check.
 *
 * @param checkId       quote it to the operators; it is the audit entry's id
 * @param validity      1–5, see {@link Validity}
 * @param qualification the matched qualification as of {@code asOf} (absent for 4 and 5)
 * @param current       for 3: the qualification valid on {@code asOf} that the claim should carry
 */
public record LookupResult(String checkId, ResultStatus resultStatus, int validity, Validity validityName,
                           LocalDate asOf, QualificationView qualification, QualificationView current) {
}
