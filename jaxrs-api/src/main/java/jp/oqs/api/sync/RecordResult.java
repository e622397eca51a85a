package jp.oqs.api.sync;

/**
 * The outcome of one record, in the batch's order.
 *
 * @param code             for a rejection, the error code (see the README's table); null when accepted
 * @param message          for a rejection, why (Japanese, for the insurer's staff)
 * @param individualNumber the individual-unit number of the qualification (assigned for an ACQUIRE)
 * @param branchNumber     the 枝番 (HOUSEHOLD_BRANCH), as a 2-character string
 */
public record RecordResult(String recordId, RecordStatus status, String code, String message,
                           String individualNumber, String branchNumber) {
}
