package jp.oqs.api.audit;

/**
 * The person proves possession of the card: the user certificate (DER, base64) and its signature
 * (SHA256withRSA, base64) over the UTF-8 bytes of a fresh challenge.
 */
public record AccessHistoryRequest(String certificate, String challenge, String signature) {
}
