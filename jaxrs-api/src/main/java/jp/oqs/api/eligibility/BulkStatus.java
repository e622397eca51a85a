package jp.oqs.api.eligibility;

/** PROCESSING until every entry is answered, then DONE. */
public enum BulkStatus {
    PROCESSING, DONE
}
