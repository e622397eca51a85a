package jp.oqs.api.eligibility;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Registers (or, with a {@code null} reference number, removes) the clinic's 照会番号 for up to 10,000 cards at
 * once: one card for a new patient at the desk, or a whole patient register. All or nothing.
 */
public record ReferenceNumbersRequest(
        @NotNull @Size(min = 1, max = ReferenceNumbersRequest.MAX_ENTRIES) List<@NotNull @Valid ReferenceNumberEntry> entries) {

    public static final int MAX_ENTRIES = 10_000;
}
