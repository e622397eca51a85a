package jp.oqs.api.health;

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
 * A batch of check-up results of one insurer, applied exactly once as qualification batches are: the same
 * {@code batchId} again answers the stored result, with other content 409 {@code BATCH_ID_REUSED}.
 */
public record CheckupBatchRequest(
        @NotNull UUID batchId,
        @NotBlank @Size(max = Formats.INSURER_NUMBER) @Pattern(regexp = Formats.ASCII, message = Formats.ASCII_MESSAGE) String insurerNumber,
        @NotEmpty List<@NotNull @Valid CheckupRecord> records) {
}
