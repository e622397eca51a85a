package jp.oqs.health;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import jp.oqs.api.audit.AccessHistoryRequest;
import jp.oqs.api.eligibility.ConsentCategory;
import jp.oqs.api.health.CheckupHistory;
import jp.oqs.api.health.MedicationHistory;
import jp.oqs.api.sync.Sex;
import jp.oqs.audit.ActorKind;
import jp.oqs.audit.AuditKind;
import jp.oqs.audit.AuditTrail;
import jp.oqs.eligibility.CertificateEnrolments;
import jp.oqs.eligibility.ConsentedPatients;
import jp.oqs.eligibility.EligibilityException;
import jp.oqs.eligibility.PersonAccess;
import jp.oqs.identifier.MedicalInstitutionCode;
import jp.oqs.platform.OwnTransaction;
import jp.oqs.platform.ServiceClock;
import jp.oqs.qualification.Person;

/**
 * Reading a person's health records: by the person, proven by the card (as for the access history), and by a
 * clinic for the patient of its confirmed card session under a live consent of the category. Check-ups of the last
 * five years, medications of the last three, across every insurer the person had. Every reading is on the audit
 * trail in its transaction ({@code CHECKUPS_READ} / {@code MEDICATIONS_READ}, naming the person), and so in the
 * person's access history; a clinic's refusal is written in a transaction of its own.
 */
@Stateless
public class HealthRecords {

    private static final int CHECKUP_YEARS = 5;
    private static final int MEDICATION_YEARS = 3;

    @PersistenceContext(unitName = "oqs")
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private PersonAccess access;

    @EJB
    private CertificateEnrolments enrolments;

    @EJB
    private ConsentedPatients patients;

    @EJB
    private HealthRefusals refusals;

    @EJB
    private AuditTrail audit;

    @EJB
    private OwnTransaction ownTransaction;

    /** The person's own check-ups; {@code how} says on the trail whether they were shown or printed. */
    public CheckupHistory personCheckups(AccessHistoryRequest proof, String how) throws EligibilityException {
        Person person = provenPerson(proof);
        CheckupHistory history = checkups(person);
        audit.record(ActorKind.PERSON, PersonAccess.PERSON_ACTOR, AuditKind.CHECKUPS_READ, person.id(), null,
                how + " ENTRIES " + history.checkups().size());
        return history;
    }

    public MedicationHistory personMedications(AccessHistoryRequest proof) throws EligibilityException {
        Person person = provenPerson(proof);
        MedicationHistory history = medications(person);
        audit.record(ActorKind.PERSON, PersonAccess.PERSON_ACTOR, AuditKind.MEDICATIONS_READ, person.id(), null,
                "ENTRIES " + history.medications().size());
        return history;
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public CheckupHistory clinicCheckups(MedicalInstitutionCode clinic, String sessionId)
            throws EligibilityException {
        return consented(clinic, sessionId, ConsentCategory.CHECKUPS, AuditKind.CHECKUPS_READ, person -> {
            CheckupHistory history = checkups(person);
            audit.record(ActorKind.CLINIC, clinic.value(), AuditKind.CHECKUPS_READ, person.id(), null,
                    "ENTRIES " + history.checkups().size());
            return history;
        });
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public MedicationHistory clinicMedications(MedicalInstitutionCode clinic, String sessionId)
            throws EligibilityException {
        return consented(clinic, sessionId, ConsentCategory.MEDICATIONS, AuditKind.MEDICATIONS_READ, person -> {
            MedicationHistory history = medications(person);
            audit.record(ActorKind.CLINIC, clinic.value(), AuditKind.MEDICATIONS_READ, person.id(), null,
                    "ENTRIES " + history.medications().size());
            return history;
        });
    }

    private Person provenPerson(AccessHistoryRequest proof) throws EligibilityException {
        return enrolments.registeredPerson(access.provenCard(proof.certificate(), proof.challenge(),
                proof.signature()));
    }

    /**
     * What {@code read} answers of the patient of the clinic's session, if the consent of the category is in force,
     * in a transaction of its own. A consent refusal is written naming the patient, in a new transaction after the
     * refused one rolled back, never nested in it ({@link OwnTransaction}); an unknown or another clinic's session
     * is written by the web layer's refusal audit, as every 404 of an object fetched by id.
     */
    private <T> T consented(MedicalInstitutionCode clinic, String sessionId, ConsentCategory category, AuditKind kind,
                            Function<Person, T> read) throws EligibilityException {
        Long[] refusedPatient = new Long[1];
        try {
            return ownTransaction.<T, EligibilityException, EligibilityException>run(() -> {
                Person person = patients.patientOf(clinic, sessionId);
                try {
                    patients.requireConsent(clinic, person, category);
                } catch (EligibilityException refused) {
                    refusedPatient[0] = person.id();
                    throw refused;
                }
                return read.apply(person);
            });
        } catch (EligibilityException refused) {
            if (refusedPatient[0] != null) {
                refusals.refused(clinic.value(), kind, refusedPatient[0], refused.code());
            }
            throw refused;
        }
    }

    private CheckupHistory checkups(Person person) {
        LocalDate from = today().minusYears(CHECKUP_YEARS);
        List<CheckupResult> results = em.createNamedQuery("CheckupResult.ofPersonSince", CheckupResult.class)
                .setParameter("person", person).setParameter("from", from).getResultList();
        return new CheckupHistory(from, HealthViews.checkups(results, person.sex() == Sex.FEMALE));
    }

    private MedicationHistory medications(Person person) {
        LocalDate from = today().minusYears(MEDICATION_YEARS);
        List<DispensedMedication> records = em.createNamedQuery("DispensedMedication.ofPersonSince",
                DispensedMedication.class).setParameter("person", person).setParameter("from", from).getResultList();
        return new MedicationHistory(from, HealthViews.medications(records));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ServiceClock.JAPAN));
    }
}
