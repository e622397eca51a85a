package jp.oqs.api.eligibility;

import java.time.Instant;
import java.util.List;

/** A bulk check's state and, once DONE, one page of its results in entry order. */
public record BulkResult(String receptionNumber, BulkStatus status, Instant submittedAt, Instant completedAt,
                         Instant expiresAt, BulkCounts counts, List<BulkEntryResult> results, int page, int size) {
}
