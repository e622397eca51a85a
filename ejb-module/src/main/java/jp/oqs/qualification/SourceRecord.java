package jp.oqs.qualification;

/** The batch and record that made a change: every version and event records it. */
public record SourceRecord(String batchId, String recordId) {
}
