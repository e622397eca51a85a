package jp.oqs.api.insurer;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** Dissolves the insurer on a date. */
public record DissolutionRequest(@NotNull LocalDate effectiveDate) {
}
