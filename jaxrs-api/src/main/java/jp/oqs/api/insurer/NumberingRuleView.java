package jp.oqs.api.insurer;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of an insurer's numbering-rule history.
 *
 * @param effectiveTo last day the rule applies, {@code null} while it is the latest
 * @param inForce     whether it is the rule in force today (Asia/Tokyo)
 */
public record NumberingRuleView(
        NumberingRuleKind kind,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        boolean inForce,
        Integer length,
        CharacterClass characterClass,
        CheckDigitScheme checkDigitScheme,
        Instant registeredAt,
        String registeredBy) {
}
