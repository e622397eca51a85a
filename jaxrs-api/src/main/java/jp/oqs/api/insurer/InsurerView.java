package jp.oqs.api.insurer;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An insurer as the registry shows it.
 *
 * @param insurerNumber          always 8 digits
 * @param prefectureCode         01–47, from the number
 * @param statusDate             the date of a merger or dissolution
 * @param successorInsurerNumber the insurer it was merged into
 * @param currentNumberingRule   the rule in force today, if any
 */
public record InsurerView(
        String insurerNumber,
        String nameKanji,
        String nameKana,
        String prefectureCode,
        InsurerCategory category,
        ManagingOrganisation managingOrganisation,
        InsurerStatus status,
        LocalDate statusDate,
        String successorInsurerNumber,
        Contact contact,
        NumberingRuleView currentNumberingRule,
        Instant registeredAt) {
}
