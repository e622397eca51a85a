package jp.oqs.eligibility;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.sync.CertificateEnrolment;
import jp.oqs.platform.BusinessException.Kind;
import jp.oqs.qualification.Person;
import jp.oqs.qualification.Qualification;

/**
 * Enrols card certificates for persons on behalf of the intermediate server. A sync job may enrol or revoke only
 * for a person who holds a qualification at one of its insurers.
 */
@Stateless
public class CertificateEnrolments {

    @PersistenceContext(unitName = "oqs")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private CertificateValidator certificates;

    /** @param insurers the 8-digit insurer numbers the job acts for */
    public EnrolledCertificate enrol(String jobName, Set<String> insurers, CertificateEnrolment request)
            throws EligibilityException {
        X509Certificate certificate = certificates.parse(request.certificate());
        Person person = personOf(request.linkKey(), insurers);
        if (!enrolments("EnrolledCertificate.find", certificate).isEmpty()) {
            throw new EligibilityException(Kind.CONFLICT, ErrorCodes.CERTIFICATE_ALREADY_ENROLLED,
                    "この電子証明書は既に登録されています。",
                    "a certificate (issuer and serial number) is enrolled once; revoke it to stop it resolving");
        }
        var enrolment = new EnrolledCertificate(certificate, person,
                clock.instant().truncatedTo(ChronoUnit.MICROS), jobName);
        em.persist(enrolment);
        return enrolment;
    }

    public EnrolledCertificate revoke(Set<String> insurers, CertificateEnrolment request)
            throws EligibilityException {
        X509Certificate certificate = certificates.parse(request.certificate());
        Person person = personOf(request.linkKey(), insurers);
        var enrolment = enrolments("EnrolledCertificate.find", certificate).stream()
                .filter(e -> e.person() == person).findFirst()
                .orElseThrow(() -> new EligibilityException(Kind.NOT_FOUND, ErrorCodes.CERTIFICATE_NOT_ENROLLED,
                        "この電子証明書はこの人物に登録されていません。",
                        "no enrolment of this certificate for this person"));
        enrolment.revoke(clock.instant().truncatedTo(ChronoUnit.MICROS));
        return enrolment;
    }

    /** The person an enrolled, unrevoked certificate belongs to. */
    public Person enrolledPerson(X509Certificate certificate) throws EligibilityException {
        return enrolments("EnrolledCertificate.active", certificate).stream().findFirst()
                .map(EnrolledCertificate::person)
                .orElseThrow(() -> new EligibilityException(Kind.NOT_FOUND, ErrorCodes.CERTIFICATE_NOT_ENROLLED,
                        "この電子証明書は資格確認に登録されていません。",
                        "the certificate (issuer and serial number) is not enrolled for any person"));
    }

    /** Enrolments of the certificate (by issuer and serial number) that the named query selects. */
    private List<EnrolledCertificate> enrolments(String query, X509Certificate certificate) {
        return em.createNamedQuery(query, EnrolledCertificate.class)
                .setParameter("issuer", EnrolledCertificate.issuerOf(certificate))
                .setParameter("serial", EnrolledCertificate.serialOf(certificate))
                .getResultList();
    }

    private Person personOf(String linkKey, Set<String> insurers) throws EligibilityException {
        Person person = linkKey == null ? null : em.createNamedQuery("Person.findByLinkKey", Person.class)
                .setParameter("linkKey", linkKey).getResultStream().findFirst().orElse(null);
        if (person != null) {
            Set<String> held = em.createNamedQuery("Qualification.ofPersons", Qualification.class)
                    .setParameter("persons", List.of(person)).getResultList().stream()
                    .map(q -> q.insurer().insurerNumber()).collect(Collectors.toSet());
            held.retainAll(insurers);
            if (!held.isEmpty()) {
                return person;
            }
        }
        throw new EligibilityException(Kind.NOT_FOUND, ErrorCodes.PERSON_NOT_FOUND,
                "該当する人物がいません。",
                "no person with this linkKey holds a qualification at the token's insurers");
    }
}
