package jp.oqs.api.eligibility;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import jp.oqs.api.Formats;

/**
 * A check by the My Number card's user certificate (利用者証明用電子証明書), read by the clinic's card reader.
 *
 * @param certificate the X.509 certificate, DER, base64
 * @param asOf        the visit date; default today in Asia/Tokyo
 */
public record CertificateLookupRequest(
        @Size(max = Formats.CERTIFICATE) @Pattern(regexp = Formats.BASE64, message = Formats.BASE64_MESSAGE) String certificate,
        LocalDate asOf) {
}
