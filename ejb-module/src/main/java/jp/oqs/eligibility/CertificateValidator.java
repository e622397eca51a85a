package jp.oqs.eligibility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CRL;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.platform.BusinessException.Kind;
import jp.oqs.platform.ServiceClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Validates My Number card user certificates: the chain to the configured trust anchors and the validity period
 * on the visit date, and revocation against the issuer's current CRL among the configured ones (no network
 * fetch). The files are looked at every 30 seconds and re-read when they changed, so operators replace a CRL
 * without a restart.
 */
@ApplicationScoped
public class CertificateValidator {

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "oqs.certificates.trust-anchors")
    private String trustAnchorsFile;

    @Inject
    @ConfigProperty(name = "oqs.certificates.crl-dir")
    private String crlDirectory;

    private static final int MAX_ISSUER = 400;
    private static final int MAX_SERIAL_HEX = 64;

    /** How often the files are looked at for a change: not on every check (thousands a second). */
    private static final long RECHECK_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

    private volatile Loaded loaded = new Loaded(Set.of(), List.of(), -1, 0);

    private record Loaded(Set<TrustAnchor> anchors, List<CRL> crls, long fingerprint, long checkedAt) {
    }

    /**
     * Decodes a base64 DER certificate. One whose issuer name or serial number would not fit an enrolment
     * (400 characters, 64 hex digits; RFC 5280 allows 20 octets) is not a card's certificate.
     */
    public X509Certificate parse(String base64) throws EligibilityException {
        if (base64 == null || base64.isBlank()) {
            throw invalid("certificate is required: the user certificate, DER, base64");
        }
        X509Certificate certificate;
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64);
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | CertificateException e) {
            throw invalid("certificate is not a base64 DER X.509 certificate");
        }
        if (EnrolledCertificate.issuerOf(certificate).length() > MAX_ISSUER
                || EnrolledCertificate.serialOf(certificate).length() > MAX_SERIAL_HEX) {
            throw invalid("the certificate's issuer name (at most " + MAX_ISSUER + " characters) or serial number "
                    + "(at most " + MAX_SERIAL_HEX / 2 + " octets) is too long for a card's certificate");
        }
        return certificate;
    }

    /** Validates the certificate as of noon of {@code asOf} in Japan. */
    public void validate(X509Certificate certificate, LocalDate asOf) throws EligibilityException {
        Loaded trust = current();
        if (trust.anchors().isEmpty()) {
            throw new EligibilityException(Kind.UNAVAILABLE, ErrorCodes.CERTIFICATE_REVOCATION_UNKNOWN,
                    "電子証明書を確認できません。時間をおいて再度お試しください。",
                    "no trust anchors are configured (oqs.certificates.trust-anchors)");
        }
        try {
            PKIXParameters parameters = new PKIXParameters(trust.anchors());
            parameters.setDate(Date.from(asOf.atTime(LocalTime.NOON).atZone(ServiceClock.JAPAN).toInstant()));
            // revocation is checked below: against the current CRL, whatever the visit date
            parameters.setRevocationEnabled(false);
            var result = (java.security.cert.PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX")
                    .validate(CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate)),
                            parameters);
            checkRevocation(certificate, result.getTrustAnchor(), trust.crls(), parameters.getDate());
        } catch (CertPathValidatorException e) {
            throw rejection(e);
        } catch (GeneralSecurityException e) {
            throw new EligibilityException(Kind.INVALID, ErrorCodes.CERTIFICATE_UNTRUSTED,
                    "電子証明書を確認できません。", "the certificate could not be validated: " + e.getMessage());
        }
    }

    /**
     * The issuer's CRL must be current (its next update not passed) and signed by the trust anchor; the
     * certificate is revoked for the visit if it was revoked on or before that day.
     */
    private void checkRevocation(X509Certificate certificate, TrustAnchor anchor, List<CRL> crls, Date visit)
            throws EligibilityException {
        Date now = new Date(clock.millis());
        X509CRL current = null;
        for (CRL crl : crls) {
            if (crl instanceof X509CRL x509 && x509.getIssuerX500Principal().equals(certificate.getIssuerX500Principal())
                    && x509.getNextUpdate() != null && !x509.getNextUpdate().before(now)
                    && signedBy(x509, anchor)) {
                if (current == null || x509.getThisUpdate().after(current.getThisUpdate())) {
                    current = x509;
                }
            }
        }
        if (current == null) {
            throw new EligibilityException(Kind.UNAVAILABLE, ErrorCodes.CERTIFICATE_REVOCATION_UNKNOWN,
                    "電子証明書の失効確認ができません。時間をおいて再度お試しください。",
                    "no current CRL of the certificate's issuer is available; the operators must refresh it");
        }
        X509CRLEntry revoked = current.getRevokedCertificate(certificate);
        if (revoked != null && !revoked.getRevocationDate().after(visit)) {
            throw new EligibilityException(Kind.INVALID, ErrorCodes.CERTIFICATE_REVOKED,
                    "この電子証明書は失効しています。",
                    "the certificate is revoked according to the configured CRL (since "
                            + revoked.getRevocationDate().toInstant() + ")");
        }
    }

    private static boolean signedBy(X509CRL crl, TrustAnchor anchor) {
        try {
            crl.verify(anchor.getTrustedCert().getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static EligibilityException rejection(CertPathValidatorException e) {
        if (e.getReason() == BasicReason.EXPIRED || e.getReason() == BasicReason.NOT_YET_VALID) {
            return new EligibilityException(Kind.INVALID, ErrorCodes.CERTIFICATE_EXPIRED,
                    "電子証明書の有効期間外です。カードの更新をご案内ください。",
                    "the certificate is not valid on asOf (" + e.getReason() + ")");
        }
        String detail = e.getReason() == PKIXReason.NO_TRUST_ANCHOR ? "it does not chain to a trusted CA"
                : "its chain does not validate (" + e.getReason() + ")";
        return new EligibilityException(Kind.INVALID, ErrorCodes.CERTIFICATE_UNTRUSTED,
                "信頼できない電子証明書です。", "the certificate is not accepted: " + detail);
    }

    private static EligibilityException invalid(String hint) {
        return new EligibilityException(Kind.INVALID, ErrorCodes.CERTIFICATE_INVALID,
                "電子証明書を読み取れません。", hint);
    }

    private Loaded current() {
        Loaded known = loaded;
        long now = System.nanoTime();
        if (known.fingerprint() != -1 && now - known.checkedAt() < RECHECK_NANOS) {
            return known;
        }
        synchronized (this) {
            if (loaded.fingerprint() != -1 && now - loaded.checkedAt() < RECHECK_NANOS) {
                return loaded; // another thread looked while this one waited
            }
            Path anchors = Path.of(trustAnchorsFile.replaceFirst("^file:", ""));
            Path crls = Path.of(crlDirectory.replaceFirst("^file:", ""));
            long fingerprint = fingerprint(anchors, crls);
            loaded = loaded.fingerprint() == fingerprint
                    ? new Loaded(loaded.anchors(), loaded.crls(), fingerprint, now)
                    : load(anchors, crls, fingerprint, now);
            return loaded;
        }
    }

    private static Loaded load(Path anchorsFile, Path crlDir, long fingerprint, long checkedAt) {
        Set<TrustAnchor> anchors = new HashSet<>();
        List<CRL> crls = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            if (Files.isRegularFile(anchorsFile)) {
                try (InputStream in = Files.newInputStream(anchorsFile)) {
                    for (var certificate : factory.generateCertificates(in)) {
                        anchors.add(new TrustAnchor((X509Certificate) certificate, null));
                    }
                }
            }
            if (Files.isDirectory(crlDir)) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(crlDir, "*.{crl,pem}")) {
                    for (Path file : files) {
                        try (InputStream in = Files.newInputStream(file)) {
                            Collection<? extends CRL> read = factory.generateCRLs(in);
                            crls.addAll(read);
                        }
                    }
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            System.getLogger(CertificateValidator.class.getName()).log(System.Logger.Level.ERROR,
                    "cannot read trust anchors or CRLs: " + e.getMessage());
            return new Loaded(Set.of(), List.of(), fingerprint, checkedAt);
        }
        return new Loaded(Set.copyOf(anchors), List.copyOf(crls), fingerprint, checkedAt);
    }

    private static long fingerprint(Path anchors, Path crlDir) {
        long fingerprint = 17;
        try {
            if (Files.isRegularFile(anchors)) {
                fingerprint = fingerprint * 31 + Files.getLastModifiedTime(anchors).toMillis() + Files.size(anchors);
            }
            if (Files.isDirectory(crlDir)) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(crlDir)) {
                    for (Path file : files) {
                        fingerprint += file.getFileName().hashCode() * 31L + Files.getLastModifiedTime(file).toMillis()
                                + Files.size(file);
                    }
                }
            }
        } catch (IOException e) {
            return -2;
        }
        return fingerprint;
    }
}
