package jp.oqs.api.sync;

/**
 * Registers which My Number card user certificate belongs to which person.
 *
 * @param linkKey     the person's link key (the person must hold a qualification at one of the job's insurers)
 * @param certificate the user certificate, DER, base64
 */
public record CertificateEnrolment(String linkKey, String certificate) {
}
