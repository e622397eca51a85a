package jp.oqs.api.sync;

public enum RecordStatus {
    ACCEPTED, REJECTED
}
