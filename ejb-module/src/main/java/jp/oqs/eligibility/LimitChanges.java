package jp.oqs.eligibility;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import jp.oqs.api.eligibility.LookupResult;
import jp.oqs.api.eligibility.QualificationView;
import jp.oqs.platform.InLists;
import jp.oqs.qualification.Qualification;

/**
 * Whether the 限度額 data of a bulk answer changed since the clinic's previous answer for the same card that showed
 * it, of any kind: a bulk entry, a single lookup, a certificate lookup or a card session. Only answers that carried
 * both groups (限度額適用認定証 and 特定疾病療養受療証) under the patient's consent count: the others say nothing, or only
 * half, of it. The cards of a bulk chunk are read in one query and written with the chunk; a single answer writes
 * the row of each card it showed ({@link #record}).
 *
 * <p>Every write here follows the answer's audit entry in its transaction, and so the lock of the clinic's audit
 * chain (one chain per actor), held to the commit: a clinic's answers write their rows one after the other, never
 * inserting the same card's row at once, and always take the two locks in the same order.
 */
final class LimitChanges {

    private static final char SEPARATOR = Qualification.HOUSEHOLD_SEPARATOR;

    private LimitChanges() {
    }

    /**
     * For each answer of the chunk (null for an entry not answered), in entry order: {@code null} when it carries
     * no 限度額 data under consent, else whether that data differs from the previous answer to this clinic for the
     * card (true for the first). Entries of the same card in one chunk compare with each other in order.
     */
    static List<Boolean> of(EntityManager em, String clinicCode, List<LookupResult> answers, Instant now) {
        List<String> keys = new ArrayList<>();
        for (LookupResult answer : answers) {
            keys.add(key(clinicCode, answer));
        }
        Map<String, ClinicLimitAnswer> known = new HashMap<>();
        List<String> wanted = keys.stream().filter(k -> k != null).distinct().toList();
        for (List<String> part : InLists.parts(wanted)) {
            em.createQuery("SELECT a FROM ClinicLimitAnswer a WHERE a.answerKey IN :keys", ClinicLimitAnswer.class)
                    .setParameter("keys", part)
                    .setFlushMode(FlushModeType.COMMIT).getResultList()
                    .forEach(a -> known.put(a.answerKey(), a));
        }
        List<Boolean> changes = new ArrayList<>(answers.size());
        for (int i = 0; i < answers.size(); i++) {
            String key = keys.get(i);
            if (key == null) {
                changes.add(null);
                continue;
            }
            String digest = digest(answers.get(i).qualification());
            ClinicLimitAnswer previous = known.get(key);
            if (previous == null) {
                ClinicLimitAnswer first = new ClinicLimitAnswer(key, clinicCode, digest, now);
                em.persist(first);
                known.put(key, first);
                changes.add(true);
            } else {
                changes.add(previous.answered(digest, now));
            }
        }
        return changes;
    }

    /**
     * Records what a single answer (a lookup by numbers, a certificate lookup, a card session) showed of the 限度額
     * data of each card, as the clinic's previous answer the next bulk answer compares with. Called after the
     * answer's audit entry (see the class comment).
     */
    static void record(EntityManager em, String clinicCode, List<QualificationView> shown, Instant now) {
        for (QualificationView q : shown) {
            String key = key(clinicCode, q);
            if (key == null) {
                continue;
            }
            ClinicLimitAnswer previous = em.find(ClinicLimitAnswer.class, key);
            if (previous == null) {
                em.persist(new ClinicLimitAnswer(key, clinicCode, digest(q), now));
            } else {
                previous.answered(digest(q), now);
            }
        }
    }

    /** The clinic and the card of an answer carrying the 限度額 data under consent, else {@code null}. */
    private static String key(String clinicCode, LookupResult answer) {
        return answer == null ? null : key(clinicCode, answer.qualification());
    }

    private static String key(String clinicCode, QualificationView q) {
        if (q == null || !q.limitCertificateConsent() || !q.specificDiseasesConsent()) {
            return null;
        }
        String card = q.individualNumber() != null ? "I:" + q.individualNumber()
                : "H:" + Qualification.householdKey(q.symbol(), q.number()) + SEPARATOR + q.branchNumber();
        return clinicCode + SEPARATOR + q.insurerNumber() + SEPARATOR + card;
    }

    private static String digest(QualificationView q) {
        String data = q.limitCertificate() + "\n" + q.specificDiseases();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform has SHA-256", impossible);
        }
    }
}
