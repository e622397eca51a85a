package jp.oqs.api.insurer;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/**
 * A numbering rule and the date from which it applies to newly assigned numbers.
 *
 * @param kind             the rule
 * @param effectiveFrom    first day the rule applies (a change must be dated in the future, Asia/Tokyo)
 * @param length           INSURER_RULE only: total length including any check digit
 * @param characterClass   INSURER_RULE only
 * @param checkDigitScheme INSURER_RULE only
 */
public record NumberingRuleRequest(
        @NotNull NumberingRuleKind kind,
        @NotNull LocalDate effectiveFrom,
        @Min(4) @Max(16) Integer length,
        CharacterClass characterClass,
        CheckDigitScheme checkDigitScheme) {
}
