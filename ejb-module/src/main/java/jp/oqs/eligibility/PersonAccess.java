package jp.oqs.eligibility;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jp.oqs.api.audit.AccessChallenge;
import jp.oqs.api.audit.AccessHistoryRequest;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.audit.ActorKind;
import jp.oqs.audit.AuditEntry;
import jp.oqs.audit.AuditKind;
import jp.oqs.audit.AuditTrail;
import jp.oqs.platform.BusinessException.Kind;
import jp.oqs.platform.UniqueKeyViolation;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A person's own access history, authenticated by the My Number card: a challenge signed with the user
 * certificate's key proves the card is present. Challenges are HMAC-protected, expire after five minutes, and are
 * accepted once.
 */
@Stateless
public class PersonAccess {

    private static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);
    /** The actor of a person's own reads on the audit trail; the entry's person id says who. */
    public static final String PERSON_ACTOR = "person";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Used when no secret is configured: valid for this process only (configure one for a cluster). */
    private static final byte[] PROCESS_SECRET = RANDOM.generateSeed(32);

    @Inject
    private Clock clock;

    @PersistenceContext(unitName = "oqs")
    private EntityManager em;

    @Inject
    private CertificateValidator certificates;

    @EJB
    private CertificateEnrolments enrolments;

    @EJB
    private AuditTrail audit;

    @Inject
    @ConfigProperty(name = "oqs.access.challenge-secret")
    private Optional<String> configuredSecret;

    private byte[] secret;

    @PostConstruct
    void init() {
        secret = configuredSecret.filter(s -> !s.isBlank())
                .map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(PROCESS_SECRET);
    }

    public AccessChallenge challenge() {
        Instant expires = clock.instant().plus(CHALLENGE_LIFETIME);
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String payload = expires.getEpochSecond() + ":" + HexFormat.of().formatHex(nonce);
        return new AccessChallenge(payload + "." + mac(payload), expires);
    }

    /**
     * The clinics' checks about the person whose card signed the challenge. The challenge is checked first: its
     * HMAC costs nothing next to reading and validating a certificate, so an anonymous caller without a fresh
     * challenge never gets the certificate work done. The reading is audited ({@code ACCESS_HISTORY_READ}).
     */
    public List<AuditEntry> history(AccessHistoryRequest request) throws EligibilityException {
        X509Certificate certificate = provenCard(request.certificate(), request.challenge(), request.signature());
        long personId = enrolments.enrolledPerson(certificate).id();
        List<AuditEntry> checks = audit.accessHistoryOf(personId);
        // the person's reading is on the trail too, in this transaction: by the person's id, never a card number
        audit.record(ActorKind.PERSON, PERSON_ACTOR, AuditKind.ACCESS_HISTORY_READ, personId, null,
                "ENTRIES " + checks.size());
        return checks;
    }

    /**
     * The card that signed a fresh challenge: the challenge first (its HMAC costs nothing next to the certificate
     * work), then the certificate (chain, validity and revocation today) and its signature. Every request a person
     * makes with the card goes through here: reading the access history, card registration, withdrawing a consent.
     */
    public X509Certificate provenCard(String certificateBase64, String challenge, String signature)
            throws EligibilityException {
        checkChallenge(challenge);
        X509Certificate certificate = certificates.parse(certificateBase64);
        certificates.validate(certificate, LocalDate.now(clock));
        checkSignature(certificate, challenge, signature);
        return certificate;
    }

    /** Authentic, not expired, and not answered before (one use each). */
    private void checkChallenge(String challenge) throws EligibilityException {
        int dot = challenge == null ? -1 : challenge.lastIndexOf('.');
        if (dot > 0) {
            String payload = challenge.substring(0, dot);
            boolean authentic = MessageDigest.isEqual(mac(payload).getBytes(StandardCharsets.US_ASCII),
                    challenge.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
            if (authentic) {
                Instant expires = Instant.ofEpochSecond(Long.parseLong(payload.substring(0, payload.indexOf(':'))));
                if (!clock.instant().isAfter(expires) && firstUse(challenge, expires)) {
                    return;
                }
            }
        }
        throw new EligibilityException(Kind.UNAUTHENTICATED, ErrorCodes.CHALLENGE_INVALID,
                "認証の有効期限が切れました。もう一度お試しください。",
                "challenge is missing, altered, used before or older than " + CHALLENGE_LIFETIME.toMinutes()
                        + " minutes; fetch a new one for every request");
    }

    private boolean firstUse(String challenge, Instant expires) {
        em.createQuery("DELETE FROM UsedChallenge u WHERE u.expiresAt < :now")
                .setParameter("now", clock.instant()).executeUpdate();
        String hash = sha256(challenge);
        if (em.find(UsedChallenge.class, hash) != null) {
            return false;
        }
        em.persist(new UsedChallenge(hash, expires));
        try {
            em.flush();
            return true;
        } catch (PersistenceException e) {
            if (UniqueKeyViolation.isCause(e)) {
                return false; // the same challenge, answered concurrently
            }
            throw e;
        }
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The card's signature (base64) over the UTF-8 bytes of {@code challenge}: proof the card is present. */
    static void checkSignature(X509Certificate certificate, String challenge, String signature)
            throws EligibilityException {
        try {
            String algorithm = "EC".equals(certificate.getPublicKey().getAlgorithm()) ? "SHA256withECDSA"
                    : "SHA256withRSA";
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge.getBytes(StandardCharsets.UTF_8));
            if (signature != null && verifier.verify(Base64.getDecoder().decode(signature))) {
                return;
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // falls through to the rejection
        }
        throw new EligibilityException(Kind.UNAUTHENTICATED, ErrorCodes.SIGNATURE_INVALID,
                "カードによる本人確認ができませんでした。",
                "signature must be the card's SHA256withRSA (or ECDSA) signature, base64, over the challenge"
                        + " (the nonce of a card session)");
    }

    private String mac(String payload) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(hmac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
