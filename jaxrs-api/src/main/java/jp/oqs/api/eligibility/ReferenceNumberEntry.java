package jp.oqs.api.eligibility;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.oqs.api.Formats;

/**
 * One card's 照会番号: the clinic's own patient id for the qualification under these numbers. Stored for the clinic
 * only and returned only to it, as {@link QualificationView#referenceNumber()}, so a desk can match answers to its
 * records. The numbers are stored as given: registering says nothing about whether such a card exists.
 *
 * @param branchNumber    the 2-digit 枝番 (required: 記号・番号 alone name a household, not a person)
 * @param referenceNumber 1–20 letters, digits, {@code -} or {@code _}; {@code null} removes the registration
 */
public record ReferenceNumberEntry(
        @NotNull @Size(max = Formats.INSURER_NUMBER) @Pattern(regexp = Formats.ASCII, message = Formats.ASCII_MESSAGE) String insurerNumber,
        @Size(max = Formats.SYMBOL) @Pattern(regexp = Formats.TEXT, message = Formats.TEXT_MESSAGE) String symbol,
        @NotNull @Size(min = 1, max = Formats.NUMBER) @Pattern(regexp = Formats.TEXT, message = Formats.TEXT_MESSAGE) String number,
        @NotNull @Pattern(regexp = "[0-9]{2}", message = "must be the 2-digit 枝番") String branchNumber,
        @Pattern(regexp = Formats.CLINIC_REFERENCE, message = Formats.CLINIC_REFERENCE_MESSAGE) String referenceNumber) {
}
