package jp.oqs.api.claims;

import java.time.LocalDate;
import jp.oqs.api.sync.Relationship;

/**
 * One part of a claim and the qualification it is billed to: the service dates from {@code from} to {@code to}
 * (both inclusive, the first and last service date of the part).
 */
public record ClaimSegment(LocalDate from, LocalDate to, String insurerNumber, String symbol, String number,
                           String branchNumber, Relationship relationship) {
}
