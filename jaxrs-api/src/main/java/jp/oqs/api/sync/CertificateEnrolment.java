package jp.oqs.api.sync;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.oqs.api.Formats;

/**
 * Registers which My Number card user certificate belongs to which person.
 *
 * @param linkKey     the person's link key (the person must hold a qualification open today at one of the job's
 *                    insurers)
 * @param certificate the user certificate, DER, base64
 */
public record CertificateEnrolment(
        @Size(max = Formats.REFERENCE) @Pattern(regexp = Formats.ASCII, message = Formats.ASCII_MESSAGE) String linkKey,
        @Size(max = Formats.CERTIFICATE) @Pattern(regexp = Formats.BASE64, message = Formats.BASE64_MESSAGE) String certificate) {
}
