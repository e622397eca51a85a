package jp.oqs.api.eligibility;

import java.time.Instant;

/**
 * A card session at the reception desk: the clinic's card reader has the My Number card sign {@code nonce} (its
 * UTF-8 bytes, with the user certificate's key) and sends the signature with the certificate before
 * {@code expiresAt} (two minutes), once.
 */
public record CardSession(String sessionId, String nonce, Instant expiresAt) {
}
