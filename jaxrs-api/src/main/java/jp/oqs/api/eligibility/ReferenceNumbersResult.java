package jp.oqs.api.eligibility;

/**
 * What a registration changed.
 *
 * @param stored   entries whose reference number is now the one sent (new or replaced; the same again counts)
 * @param removed  registrations removed by an entry without a reference number
 * @param total    the clinic's registrations after the request
 */
public record ReferenceNumbersResult(int stored, int removed, long total) {
}
