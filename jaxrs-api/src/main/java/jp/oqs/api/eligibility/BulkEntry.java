package jp.oqs.api.eligibility;

import java.time.LocalDate;

/**
 * One entry of a bulk check: the card numbers, birth date and service date (the {@code asOf} of the entry).
 *
 * @param entryId the clinic's own reference (e.g. its receipt number), echoed in the result
 */
public record BulkEntry(String entryId, String insurerNumber, String symbol, String number, String branchNumber,
                        String individualNumber, LocalDate birthDate, LocalDate serviceDate) {
}
