package jp.oqs.api.sync;

import java.time.LocalDate;

/**
 * Qualification fields of a record.
 *
 * @param symbol           記号 (may be empty; may hold kanji, kana, digits)
 * @param number           番号; for 後期高齢者 the existing 8-digit number
 * @param individualNumber only for an insurer whose rule is INSURER_RULE: the number it made
 * @param branchNumber     枝番 for HOUSEHOLD_BRANCH: omit to get the next free one, or give 2 digits
 * @param copayRatio       負担割合 in percent: 10, 20 or 30
 */
public record QualificationData(String symbol, String number, String individualNumber, String branchNumber,
                                Relationship relationship, LocalDate acquiredOn, Integer copayRatio,
                                LocalDate cardIssuedOn, LocalDate cardExpiresOn) {
}
