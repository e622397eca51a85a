package jp.oqs.web;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A certificate authority of the tests' own, with card certificates and a CRL, made with Bouncy Castle. */
final class TestPki {

    /** A card: its user certificate and the private key that stays on the card. */
    record Card(X509Certificate certificate, PrivateKey key) {

        String base64() throws Exception {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        }

        String sign(String challenge) throws Exception {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(challenge.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        }
    }

    private final X500Name name;
    private final KeyPair keys;
    private final X509Certificate certificate;
    private long serial = 1000;

    TestPki(String commonName) throws Exception {
        this.name = new X500Name("CN=" + commonName + ",O=OQS Test,C=JP");
        this.keys = rsa();
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(now.minus(Duration.ofDays(3650))),
                Date.from(now.plus(Duration.ofDays(3650))), name, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        this.certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer()));
    }

    /** A card certificate valid from {@code notBefore} to {@code notAfter}. */
    Card issue(String holder, Instant notBefore, Instant notAfter) throws Exception {
        KeyPair card = rsa();
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(++serial), Date.from(notBefore),
                Date.from(notAfter), new X500Name("CN=" + holder), card.getPublic())
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        return new Card(new JcaX509CertificateConverter().getCertificate(builder.build(signer())), card.getPrivate());
    }

    /**
     * A self-signed certificate that copies a real card's issuer name and serial number (an enrolment hijack): it
     * chains to no trust anchor.
     */
    static Card forge(X509Certificate victim) throws Exception {
        KeyPair keys = rsa();
        X500Name issuer = X500Name.getInstance(victim.getIssuerX500Principal().getEncoded());
        var builder = new JcaX509v3CertificateBuilder(issuer, victim.getSerialNumber(), victim.getNotBefore(),
                victim.getNotAfter(), issuer, keys.getPublic())
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        X509Certificate forged = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        return new Card(forged, keys.getPrivate());
    }

    /** Writes this CA as the only trust anchor and a CRL revoking {@code revoked} (issued two days ago). */
    void install(Path dataDir, List<Card> revoked) throws Exception {
        Path pki = dataDir.resolve("pki");
        Files.createDirectories(pki.resolve("crls"));
        Files.writeString(pki.resolve("trust-anchors.pem"), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n");
        Files.write(pki.resolve("crls").resolve("test-ca.crl"), crl(revoked));
    }

    /** This CA's CRL, current for a week, revoking {@code revoked} since yesterday. */
    private byte[] crl(List<Card> revoked) throws Exception {
        Instant now = Instant.now();
        X509v2CRLBuilder crl = new X509v2CRLBuilder(name, Date.from(now.minus(Duration.ofDays(2))));
        crl.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
        for (Card card : revoked) {
            crl.addCRLEntry(card.certificate().getSerialNumber(), Date.from(now.minus(Duration.ofDays(1))),
                    CRLReason.keyCompromise);
        }
        X509CRLHolder holder = crl.build(signer());
        return holder.getEncoded();
    }

    /**
     * Adds this CA to the trust anchors already installed (or installs it as the first) with an empty CRL of its
     * own, so that the cards of another test's CA stay trusted as well.
     */
    void trustAlso(Path dataDir, String crlName) throws Exception {
        trustAlso(dataDir, crlName, List.of());
    }

    /** As {@link #trustAlso(Path, String)}, with a CRL of its own revoking {@code revoked}. */
    void trustAlso(Path dataDir, String crlName, List<Card> revoked) throws Exception {
        Path pki = dataDir.resolve("pki");
        Files.createDirectories(pki.resolve("crls"));
        Path anchors = pki.resolve("trust-anchors.pem");
        String existing = Files.exists(anchors) ? Files.readString(anchors) : "";
        Files.writeString(anchors, existing + "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n");
        Files.write(pki.resolve("crls").resolve(crlName + ".crl"), crl(revoked));
    }

    private ContentSigner signer() throws Exception {
        return new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
