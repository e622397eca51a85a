package jp.oqs.api.eligibility;

import java.util.List;

/** Entries to check in the background: at least one, at most the configured number (default 100,000). */
public record BulkLookupRequest(List<BulkEntry> entries) {
}
