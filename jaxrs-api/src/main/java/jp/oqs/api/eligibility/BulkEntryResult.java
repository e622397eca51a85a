package jp.oqs.api.eligibility;

/**
 * The answer to one bulk entry, in entry order.
 *
 * @param index     0-based position in the request
 * @param errorCode for resultStatus ERROR: why the entry could not be checked
 */
public record BulkEntryResult(int index, String entryId, ResultStatus resultStatus, Integer validity,
                              String errorCode, String errorMessage, LookupResult answer) {
}
