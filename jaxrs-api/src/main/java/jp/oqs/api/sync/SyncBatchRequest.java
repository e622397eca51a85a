package jp.oqs.api.sync;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import jp.oqs.api.Formats;

/**
 * A batch of records for one insurer. A record whose fields break the forms declared here refuses the whole
 * batch (400, the hint names the record, e.g. {@code records[3].person.nameKanji}); a record that breaks a rule of
 * its operation is rejected on its own in the result.
 *
 * @param records at least one
 * @param batchId the idempotency key: the same id again returns the stored result and changes nothing; the same id
 *                with other content is refused with 409
 */
public record SyncBatchRequest(
        @NotNull UUID batchId,
        @NotBlank @Size(max = Formats.INSURER_NUMBER) @Pattern(regexp = Formats.ASCII, message = Formats.ASCII_MESSAGE) String insurerNumber,
        @NotEmpty List<@NotNull @Valid SyncRecord> records) {
}
