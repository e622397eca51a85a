package jp.oqs.api.eligibility;

import java.time.Instant;

/** 受付: the reception number to fetch the results with. */
public record BulkReception(String receptionNumber, BulkStatus status, int total, Instant submittedAt,
                            Instant expiresAt) {
}
