package jp.oqs.api.insurer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** Merges the insurer into an ACTIVE successor of the same managing organisation on a date. */
public record MergerRequest(@NotBlank String successorInsurerNumber, @NotNull LocalDate effectiveDate) {
}
