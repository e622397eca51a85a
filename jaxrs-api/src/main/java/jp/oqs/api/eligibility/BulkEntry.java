package jp.oqs.api.eligibility;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import jp.oqs.api.Formats;

/**
 * One entry of a bulk check: the card numbers, birth date and service date (the {@code asOf} of the entry), with
 * the same forms as a single {@link LookupRequest}. An entry whose numbers break a rule of the insurer (check
 * digit, missing number) is answered with its error; one that breaks these forms refuses the whole request.
 *
 * @param entryId the clinic's own reference (e.g. its receipt number), echoed in the result
 * @param limitCertificateConsent as in {@link LookupRequest}: the patient's consent to the 限度額 and 特定疾病 groups
 */
public record BulkEntry(
        @Size(max = Formats.REFERENCE) @Pattern(regexp = Formats.TEXT, message = Formats.TEXT_MESSAGE) String entryId,
        @Size(max = Formats.INSURER_NUMBER) @Pattern(regexp = Formats.ASCII, message = Formats.ASCII_MESSAGE) String insurerNumber,
        @Size(max = Formats.SYMBOL) @Pattern(regexp = Formats.TEXT, message = Formats.TEXT_MESSAGE) String symbol,
        @Size(max = Formats.NUMBER) @Pattern(regexp = Formats.TEXT, message = Formats.TEXT_MESSAGE) String number,
        @Size(max = Formats.BRANCH_NUMBER) @Pattern(regexp = Formats.ASCII, message = Formats.ASCII_MESSAGE) String branchNumber,
        @Size(max = Formats.INDIVIDUAL_NUMBER) @Pattern(regexp = Formats.ASCII, message = Formats.ASCII_MESSAGE) String individualNumber,
        LocalDate birthDate,
        LocalDate serviceDate,
        Boolean limitCertificateConsent) {
}
