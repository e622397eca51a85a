package jp.oqs.api.eligibility;

import java.time.LocalDate;
import jp.oqs.api.sync.LossReason;
import jp.oqs.api.sync.Relationship;
import jp.oqs.api.sync.Sex;

/**
 * A qualification as of a date, as a clinic sees it. Never carries the person link key or an internal id.
 *
 * @param insurerNumber  8 digits (国保 zero-padded)
 * @param lossReasonCode 01, 02, 03 or 99 when lost
 * @param referenceNumber the asking clinic's own 照会番号 for these numbers, when it registered one (never another
 *                        clinic's)
 */
public record QualificationView(String insurerNumber, String insurerName, String symbol, String number,
                                String branchNumber, String individualNumber, Relationship relationship,
                                String nameKanji, String nameKana, Sex sex, LocalDate birthDate,
                                LocalDate acquiredOn, LocalDate lostOn, LossReason lossReason,
                                String lossReasonCode, int copayRatio, LocalDate cardIssuedOn,
                                LocalDate cardExpiresOn, String referenceNumber) {
}
