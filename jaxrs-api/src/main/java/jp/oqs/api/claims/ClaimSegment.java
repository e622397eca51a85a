package jp.oqs.api.claims;

import java.time.LocalDate;
import jp.oqs.api.sync.Relationship;

/**
 * One part of a claim and the qualification it is billed to: the service dates from {@code from} to {@code to}
 * (both inclusive, the first and last service date of the part). {@code individualNumber} is set for an insurer
 * whose numbers are individual-unit numbers, as the card carries it.
 */
public record ClaimSegment(LocalDate from, LocalDate to, String insurerNumber, String symbol, String number,
                           String branchNumber, String individualNumber, Relationship relationship) {
}
