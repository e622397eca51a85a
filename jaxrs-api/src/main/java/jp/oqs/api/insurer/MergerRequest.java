package jp.oqs.api.insurer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import jp.oqs.api.Formats;

/** Merges the insurer into an ACTIVE successor of the same managing organisation on a date. */
public record MergerRequest(
        @NotBlank @Size(max = Formats.INSURER_NUMBER) @Pattern(regexp = Formats.ASCII, message = Formats.ASCII_MESSAGE)
        String successorInsurerNumber,
        @NotNull LocalDate effectiveDate) {
}
