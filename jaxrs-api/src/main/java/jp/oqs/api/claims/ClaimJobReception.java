package jp.oqs.api.claims;

import java.time.Instant;
import jp.oqs.api.eligibility.BulkStatus;

/** The job id to fetch the results with, and until when they are kept. */
public record ClaimJobReception(String jobId, BulkStatus status, int total, Instant submittedAt, Instant expiresAt) {
}
