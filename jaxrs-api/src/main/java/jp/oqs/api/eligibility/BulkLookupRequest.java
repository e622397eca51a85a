package jp.oqs.api.eligibility;

import jakarta.validation.constraints.NotEmpty;
import java.util.List;

/** Entries to check in the background; at most the configured number (default 100,000). */
public record BulkLookupRequest(@NotEmpty List<BulkEntry> entries) {
}
