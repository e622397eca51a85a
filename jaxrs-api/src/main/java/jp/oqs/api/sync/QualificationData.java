package jp.oqs.api.sync;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import jp.oqs.api.Formats;

/**
 * Qualification fields of a record.
 *
 * @param symbol           記号 (may be empty; may hold kanji, kana, digits)
 * @param number           番号; for 後期高齢者 the existing 8-digit number
 * @param individualNumber only for an insurer whose rule is INSURER_RULE: the number it made
 * @param branchNumber     枝番 for HOUSEHOLD_BRANCH: omit to get the next free one, or give 2 digits
 * @param copayRatio       負担割合 in percent: 10, 20 or 30
 */
public record QualificationData(
        @Size(max = Formats.SYMBOL) @Pattern(regexp = Formats.TEXT, message = Formats.TEXT_MESSAGE) String symbol,
        @Size(max = Formats.NUMBER) @Pattern(regexp = Formats.TEXT, message = Formats.TEXT_MESSAGE) String number,
        @Size(max = Formats.INDIVIDUAL_NUMBER) @Pattern(regexp = Formats.ASCII, message = Formats.ASCII_MESSAGE) String individualNumber,
        @Size(max = Formats.BRANCH_NUMBER) @Pattern(regexp = Formats.ASCII, message = Formats.ASCII_MESSAGE) String branchNumber,
        Relationship relationship,
        LocalDate acquiredOn,
        Integer copayRatio,
        LocalDate cardIssuedOn,
        LocalDate cardExpiresOn) {
}
