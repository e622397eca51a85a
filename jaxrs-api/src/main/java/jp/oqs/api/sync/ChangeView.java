package jp.oqs.api.sync;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One entry of an insurer's changes feed.
 *
 * @param sequence      per-insurer, gap-free and increasing: the cursor
 * @param effectiveDate the date the change applies from
 */
public record ChangeView(long sequence, ChangeKind kind, UUID batchId, String recordId, String symbol,
                         String number, String branchNumber, String individualNumber, LocalDate effectiveDate,
                         Instant occurredAt) {
}
