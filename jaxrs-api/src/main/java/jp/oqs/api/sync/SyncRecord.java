package jp.oqs.api.sync;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import jp.oqs.api.Formats;

/**
 * One record of a batch. Which fields are needed depends on the operation: ACQUIRE needs the person and the
 * qualification; CHANGE and CORRECT the person's link key, {@code effectiveDate} and the new attributes; LOSE
 * the link key, {@code lostOn} and {@code lossReason}. A record that breaks a rule is rejected on its own.
 *
 * @param recordId the sender's id of the record, unique within the batch
 */
public record SyncRecord(
        @Size(max = Formats.REFERENCE) @Pattern(regexp = Formats.TEXT, message = Formats.TEXT_MESSAGE) String recordId,
        SyncOperation operation,
        @Valid PersonData person,
        @Valid QualificationData qualification,
        LocalDate effectiveDate,
        LocalDate lostOn,
        LossReason lossReason) {
}
