package jp.oqs.api.sync;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;

/**
 * A batch of records for one insurer.
 *
 * @param records at least one
 * @param batchId the idempotency key: the same id again returns the stored result and changes nothing; the same id
 *                with other content is refused with 409
 */
public record SyncBatchRequest(@NotNull UUID batchId, @NotBlank String insurerNumber,
                               List<SyncRecord> records) {
}
