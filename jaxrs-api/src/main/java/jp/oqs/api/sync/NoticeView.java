package jp.oqs.api.sync;

import java.time.Instant;
import java.time.LocalDate;

/**
 * 資格喪失の注意喚起: a member of this insurer acquired a qualification at another insurer while this one is still
 * open. Identified by this insurer's own numbers for the member.
 */
public record NoticeView(long id, String insurerNumber, String symbol, String number, String branchNumber,
                         String individualNumber, LocalDate acquiredOn, String newInsurerNumber,
                         LocalDate newAcquiredOn, Instant createdAt) {
}
