package jp.oqs.api.eligibility;

import java.time.LocalDate;

/**
 * A check by the My Number card's user certificate (利用者証明用電子証明書), read by the clinic's card reader.
 *
 * @param certificate the X.509 certificate, DER, base64
 * @param asOf        the visit date; default today in Asia/Tokyo
 */
public record CertificateLookupRequest(String certificate, LocalDate asOf) {
}
