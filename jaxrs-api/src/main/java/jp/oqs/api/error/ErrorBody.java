package jp.oqs.api.error;

/**
 * The one error body of the API.
 *
 * @param code    stable machine-readable code, see {@link ErrorCodes}
 * @param message for clinic or office staff, in Japanese
 * @param hint    for the vendor's developer, in English: which field, which rule
 */
public record ErrorBody(String code, String message, String hint) {
}
