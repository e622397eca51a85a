package jp.oqs.eligibility;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.oqs.api.eligibility.ReferenceNumberEntry;
import jp.oqs.api.eligibility.ReferenceNumbersResult;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.audit.ActorKind;
import jp.oqs.audit.AuditKind;
import jp.oqs.audit.AuditTrail;
import jp.oqs.identifier.InsurerNumber;
import jp.oqs.identifier.InvalidIdentifierException;
import jp.oqs.identifier.MedicalInstitutionCode;
import jp.oqs.platform.BusinessException.Kind;
import jp.oqs.platform.InLists;
import jp.oqs.platform.UniqueKeyViolation;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A clinic's 照会番号: registered in sets (all or nothing, audited as one change) and read back for the answers
 * the clinic gets. Each clinic holds at most {@code oqs.eligibility.reference-numbers.max-per-clinic}.
 */
@Stateless
public class ReferenceNumbers {

    @PersistenceContext(unitName = "oqs")
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private AuditTrail audit;

    @Inject
    @ConfigProperty(name = "oqs.eligibility.reference-numbers.max-per-clinic", defaultValue = "2000000")
    private long maxPerClinic;

    /**
     * Stores the entries' reference numbers for the clinic, and removes those of entries without one. A card named
     * twice, a bad insurer number, or more registrations than the clinic may hold refuse the whole request.
     */
    public ReferenceNumbersResult register(MedicalInstitutionCode clinic, List<ReferenceNumberEntry> entries)
            throws EligibilityException, InvalidIdentifierException {
        Map<String, String> wanted = new LinkedHashMap<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            ReferenceNumberEntry entry = entries.get(i);
            String key = key(clinic, entry, i);
            Integer earlier = firstIndex.putIfAbsent(key, i);
            if (earlier != null) {
                throw new EligibilityException(Kind.INVALID, ErrorCodes.INVALID_REQUEST,
                        "同じ被保険者証が2回指定されています。", "entries[" + i + "] names the same card as entries["
                        + earlier + "]; send each card once");
            }
            wanted.put(key, entry.referenceNumber());
        }
        Map<String, ClinicReferenceNumber> stored = find(em, wanted.keySet());
        Instant now = clock.instant();
        int storedCount = 0;
        int removed = 0;
        for (Map.Entry<String, String> want : wanted.entrySet()) {
            ClinicReferenceNumber existing = stored.get(want.getKey());
            if (want.getValue() == null) {
                if (existing != null) {
                    em.remove(existing);
                    removed++;
                }
            } else {
                if (existing == null) {
                    em.persist(new ClinicReferenceNumber(want.getKey(), clinic.value(), want.getValue(), now));
                } else {
                    existing.change(want.getValue(), now);
                }
                storedCount++;
            }
        }
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (UniqueKeyViolation.isCause(e)) {
                throw new EligibilityException(Kind.CONFLICT, ErrorCodes.REFERENCE_NUMBERS_CONFLICT,
                        "同じ被保険者証の照会番号が同時に登録されました。もう一度送信してください。",
                        "another registration for the same cards committed meanwhile; send the request again");
            }
            throw e;
        }
        long total = em.createQuery("SELECT COUNT(r) FROM ClinicReferenceNumber r WHERE r.clinicCode = :clinic",
                Long.class).setParameter("clinic", clinic.value()).getSingleResult();
        if (total > maxPerClinic) {
            throw new EligibilityException(Kind.CONFLICT, ErrorCodes.REFERENCE_NUMBERS_FULL,
                    "登録できる照会番号の上限（" + maxPerClinic + "件）を超えます。不要な登録を削除してください。",
                    "a clinic holds at most " + maxPerClinic + " reference numbers "
                            + "(oqs.eligibility.reference-numbers.max-per-clinic); remove some with "
                            + "\"referenceNumber\": null first");
        }
        audit.record(ActorKind.CLINIC, clinic.value(), AuditKind.REFERENCE_NUMBERS, null, null,
                "STORED " + storedCount + " REMOVED " + removed);
        return new ReferenceNumbersResult(storedCount, removed, total);
    }

    /** The registrations under the keys, read in a few IN-list queries without flushing first. */
    static Map<String, ClinicReferenceNumber> find(EntityManager em, Collection<String> keys) {
        Map<String, ClinicReferenceNumber> found = new HashMap<>();
        for (List<String> part : InLists.parts(keys)) {
            em.createQuery("SELECT r FROM ClinicReferenceNumber r WHERE r.cardKey IN :keys",
                            ClinicReferenceNumber.class)
                    .setParameter("keys", part)
                    .setFlushMode(FlushModeType.COMMIT).getResultList()
                    .forEach(r -> found.put(r.cardKey(), r));
        }
        return found;
    }

    private static String key(MedicalInstitutionCode clinic, ReferenceNumberEntry entry, int index)
            throws EligibilityException, InvalidIdentifierException {
        String insurerNumber;
        try {
            insurerNumber = InsurerNumber.parse(entry.insurerNumber()).value();
        } catch (InvalidIdentifierException e) {
            throw new InvalidIdentifierException(e.code(), e.getMessage(), "entries[" + index + "]: " + e.hint());
        }
        if (entry.number().isBlank()) {
            throw new EligibilityException(Kind.INVALID, ErrorCodes.INVALID_REQUEST, "番号を入力してください。",
                    "entries[" + index + "].number is blank");
        }
        String symbol = entry.symbol() == null || entry.symbol().isBlank() ? null : entry.symbol().strip();
        return ClinicReferenceNumber.key(clinic.value(), insurerNumber, symbol, entry.number().strip(),
                entry.branchNumber());
    }
}
