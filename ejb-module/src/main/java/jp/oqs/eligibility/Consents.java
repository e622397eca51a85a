package jp.oqs.eligibility;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.oqs.api.eligibility.ConsentCategory;
import jp.oqs.api.eligibility.ConsentChoices;
import jp.oqs.api.eligibility.ConsentView;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.audit.ActorKind;
import jp.oqs.audit.AuditKind;
import jp.oqs.audit.AuditTrail;
import jp.oqs.identifier.MedicalInstitutionCode;
import jp.oqs.platform.BusinessException.Kind;
import jp.oqs.platform.RowLock;
import jp.oqs.qualification.Person;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Patients' consents per (person, clinic, category), given at the clinic's reader for 24 hours (an ordinary
 * visit) and withdrawn by the person with the card, at once. Every grant and withdrawal is on the audit trail in
 * the deciding transaction, and in the person's access history.
 */
@Stateless
public class Consents {

    /** How long a consent given at the reader holds by default: an ordinary visit. */
    static final Duration LIFETIME = Duration.ofHours(24);

    /**
     * How long a consent given at the reader holds, in seconds (default {@link #LIFETIME}); a deployment whose
     * visits are longer, or a test of expiry, sets {@code oqs.consents.lifetime-seconds}.
     */
    @Inject
    @ConfigProperty(name = "oqs.consents.lifetime-seconds", defaultValue = "86400")
    private long lifetimeSeconds;

    @PersistenceContext(unitName = "oqs")
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private AuditTrail audit;

    /**
     * The patient's answers at the clinic's reader: a "yes" gives (or renews) the consent from now, a "no" ends a
     * consent of this clinic still in force. Answers every category, in the order of {@link ConsentCategory}.
     */
    public List<ConsentView> atReader(MedicalInstitutionCode clinic, Person person, ConsentChoices choices) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // two readers of the clinic confirming the same person at once: the second waits, then finds the first's
        // consents, instead of inserting a second row of the same (person, clinic, category)
        RowLock.acquire(em, "Person.lock", person.id());
        Map<ConsentCategory, Consent> known = new EnumMap<>(ConsentCategory.class);
        em.createNamedQuery("Consent.ofClinic", Consent.class).setParameter("person", person)
                .setParameter("clinic", clinic.value()).getResultList()
                .forEach(consent -> known.put(consent.category(), consent));
        List<ConsentView> views = new ArrayList<>();
        for (ConsentCategory category : ConsentCategory.values()) {
            Consent consent = known.get(category);
            if (choices.consents(category)) {
                if (consent == null) {
                    consent = new Consent(person, clinic.value(), category);
                    em.persist(consent);
                }
                Duration lifetime = Duration.ofSeconds(lifetimeSeconds);
                consent.grant(now, lifetime);
                audit.record(ActorKind.CLINIC, clinic.value(), AuditKind.CONSENT_GRANTED, person.id(), null,
                        category + " UNTIL " + now.plus(lifetime));
            } else if (consent != null && consent.withdraw(now)) {
                withdrawn(person, consent, "AT_READER");
            }
            views.add(consent == null ? new ConsentView(category, false, null, null, null) : consent.view(now));
        }
        return views;
    }

    /** The categories the person's consent to this clinic is in force for now. */
    public Set<ConsentCategory> live(MedicalInstitutionCode clinic, Person person) {
        Instant now = clock.instant();
        Set<ConsentCategory> live = EnumSet.noneOf(ConsentCategory.class);
        em.createNamedQuery("Consent.ofClinic", Consent.class).setParameter("person", person)
                .setParameter("clinic", clinic.value()).getResultList().stream()
                .filter(consent -> consent.liveAt(now)).forEach(consent -> live.add(consent.category()));
        return live;
    }

    /**
     * The person, proven by the card, withdraws the consent given to a clinic for a category; from this
     * transaction on the clinic no longer has it. 404 {@code CONSENT_NOT_FOUND} when none is in force.
     */
    public ConsentView withdraw(Person person, String clinicCode, ConsentCategory category)
            throws EligibilityException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Consent consent = em.createNamedQuery("Consent.ofClinic", Consent.class).setParameter("person", person)
                .setParameter("clinic", clinicCode).getResultStream()
                .filter(c -> c.category() == category).findFirst().orElse(null);
        if (consent == null || !consent.withdraw(now)) {
            throw new EligibilityException(Kind.NOT_FOUND, ErrorCodes.CONSENT_NOT_FOUND,
                    "この医療機関への同意はありません（期限切れ、または取り消し済みです）。",
                    "no consent of this person for this medicalInstitutionCode and category is in force");
        }
        withdrawn(person, consent, "BY_CARD");
        return consent.view(now);
    }

    /** The withdrawal is the person's act: on the person's chain, naming the category and the clinic. */
    private void withdrawn(Person person, Consent consent, String how) {
        audit.record(ActorKind.PERSON, PersonAccess.PERSON_ACTOR, AuditKind.CONSENT_WITHDRAWN, person.id(), null,
                consent.category() + " " + consent.clinicCode() + " " + how);
    }
}
