package jp.oqs.api.sync;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import jp.oqs.api.Formats;

/**
 * The person a record is about.
 *
 * @param linkKey opaque person link key from the intermediate server (stand-in for the 機関別符号), printable
 *                ASCII, at most 64 characters; never a My Number (a 12-digit value is rejected). Never returned to
 *                clinics.
 */
public record PersonData(
        @Size(max = Formats.REFERENCE) @Pattern(regexp = Formats.ASCII, message = Formats.ASCII_MESSAGE) String linkKey,
        LocalDate birthDate,
        Sex sex,
        @Size(max = Formats.NAME) @Pattern(regexp = Formats.TEXT, message = Formats.TEXT_MESSAGE) String nameKanji,
        @Size(max = Formats.NAME) @Pattern(regexp = Formats.TEXT, message = Formats.TEXT_MESSAGE) String nameKana) {
}
