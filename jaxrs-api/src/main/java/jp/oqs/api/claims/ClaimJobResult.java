package jp.oqs.api.claims;

import java.time.Instant;
import java.util.List;
import jp.oqs.api.eligibility.BulkStatus;

/** A job's progress and, once DONE, one page of its resolutions in claim order. */
public record ClaimJobResult(String jobId, BulkStatus status, Instant submittedAt, Instant completedAt,
                             Instant expiresAt, ClaimCounts counts, List<ClaimResolution> results, int page,
                             int size) {
}
