package jp.oqs.api.eligibility;

/** Counts of a bulk check: answered entries by validity, and entries not answered for bad input. */
public record BulkCounts(int total, int answered, int valid, int invalid, int notFound, int errors) {
}
