package jp.oqs.api.health;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import jp.oqs.api.Formats;

/**
 * One person's check-up of one day. A record for a person and day the insurer sent before is a correction: it
 * replaces that result, which stays visible as superseded. A record breaking a rule (a value out of its range, a
 * wrong unit, a person the insurer never insured) is rejected on its own, with the reason.
 *
 * @param recordId   the sender's id of the record, unique within the batch
 * @param linkKey    the person's link key (as in qualification batches); never a My Number
 * @param examinedOn the day of the check-up
 * @param items      at least one
 */
public record CheckupRecord(
        @Size(max = Formats.REFERENCE) @Pattern(regexp = Formats.TEXT, message = Formats.TEXT_MESSAGE) String recordId,
        @Size(max = Formats.REFERENCE) @Pattern(regexp = Formats.ASCII, message = Formats.ASCII_MESSAGE) String linkKey,
        LocalDate examinedOn,
        @Size(max = HealthFormats.ITEMS) List<@NotNull @Valid CheckupValue> items) {
}
