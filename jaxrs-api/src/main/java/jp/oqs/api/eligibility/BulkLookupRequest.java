package jp.oqs.api.eligibility;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** Entries to check in the background: at least one, at most the configured number (default 100,000). */
public record BulkLookupRequest(@NotEmpty List<@NotNull @Valid BulkEntry> entries) {
}
