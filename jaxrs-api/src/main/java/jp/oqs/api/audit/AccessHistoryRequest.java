package jp.oqs.api.audit;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.oqs.api.Formats;

/**
 * The person proves possession of the card: the user certificate (DER, base64) and its signature
 * (SHA256withRSA, base64) over the UTF-8 bytes of a fresh challenge.
 */
public record AccessHistoryRequest(
        @Size(max = Formats.CERTIFICATE) @Pattern(regexp = Formats.BASE64, message = Formats.BASE64_MESSAGE) String certificate,
        @Size(max = Formats.CHALLENGE_LENGTH) @Pattern(regexp = Formats.CHALLENGE, message = Formats.CHALLENGE_MESSAGE) String challenge,
        @Size(max = Formats.SIGNATURE) @Pattern(regexp = Formats.BASE64, message = Formats.BASE64_MESSAGE) String signature) {
}
