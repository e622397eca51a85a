package jp.oqs.api.sync;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The stored result of a batch: the same for every resend of it. */
public record SyncBatchResult(UUID batchId, String insurerNumber, Instant receivedAt, int accepted, int rejected,
                              List<RecordResult> results) {
}
