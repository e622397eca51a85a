package jp.oqs.api.sync;

import java.time.Instant;

/** An enrolled certificate, by issuer and serial number (hex). */
public record CertificateView(String issuer, String serialNumber, Instant enrolledAt, Instant revokedAt) {
}
