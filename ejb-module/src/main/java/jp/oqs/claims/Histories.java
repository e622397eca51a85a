package jp.oqs.claims;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import jp.oqs.claims.ClaimRouting.Coverage;
import jp.oqs.insurer.Insurer;
import jp.oqs.platform.InLists;
import jp.oqs.qualification.Person;
import jp.oqs.qualification.Qualification;
import jp.oqs.qualification.QualificationVersion;

/**
 * What a chunk of claims reads, in a few queries for the whole chunk: the qualifications its cards name (by
 * individual-unit number, else by 記号・番号 with the 枝番 and birth date checked in memory, as a clinic's check
 * finds a person), then the whole history of each person a card names alone, at every insurer. Nothing read is
 * changed by the chunk's transaction, so no query flushes first.
 */
final class Histories {

    /**
     * What a claim's card found.
     *
     * @param persons   how many persons the card and birth date match
     * @param person    the person when exactly one, else {@code null}
     * @param written   that person's qualifications the card names
     * @param coverages that person's valid periods at every insurer
     */
    record Match(int persons, Person person, Set<Long> written, List<Coverage> coverages) {
    }

    private static final Match NOBODY = new Match(0, null, Set.of(), List.of());

    private final Map<String, Insurer> insurers = new HashMap<>();
    private final Map<String, List<Qualification>> byCard = new HashMap<>();
    private final Map<Long, List<Coverage>> historyOf = new HashMap<>();

    Histories(EntityManager em, List<ClaimItem> chunk) {
        Set<String> numbers = new HashSet<>();
        Set<String> individualNumbers = new HashSet<>();
        Set<String> householdKeys = new HashSet<>();
        for (ClaimItem item : chunk) {
            numbers.add(item.insurerNumber());
            if (item.individualNumber() != null) {
                individualNumbers.add(item.individualNumber());
            } else if (item.number() != null) {
                householdKeys.add(Qualification.householdKey(item.symbol(), item.number()));
            }
        }
        for (List<String> part : InLists.parts(numbers)) {
            reading(em.createQuery("SELECT i FROM Insurer i WHERE i.insurerNumber IN :keys", Insurer.class), part)
                    .getResultList()
                    .forEach(insurer -> insurers.put(insurer.insurerNumber(), insurer));
        }
        // an IN list is served by an index only as the query's sole condition (V13): the insurer is checked here
        load(em, "q.individualNumber", individualNumbers, q -> "I:" + q.individualNumber());
        load(em, "q.householdKey", householdKeys, q -> "H:" + Qualification.householdKey(q.symbol(), q.number()));
        Set<Person> alone = new LinkedHashSet<>();
        for (ClaimItem item : chunk) {
            List<Person> persons = candidates(item).stream().map(Qualification::person).distinct().toList();
            if (persons.size() == 1) {
                alone.add(persons.get(0));
            }
        }
        for (List<Person> part : InLists.parts(alone)) {
            List<Qualification> history = reading(em.createNamedQuery("Qualification.ofPersons",
                            Qualification.class), part, "persons")
                    .setHint("eclipselink.batch", "q.versions").setHint("eclipselink.batch", "q.insurer")
                    .setHint("eclipselink.batch.type", "IN").setHint("eclipselink.batch.size", InLists.SIZE)
                    .getResultList();
            for (Qualification q : history) {
                List<Coverage> periods = historyOf.computeIfAbsent(q.person().id(), id -> new ArrayList<>());
                for (QualificationVersion v : q.versions()) {
                    if (v.isCurrent() && v.lostOn() == null) {
                        periods.add(new Coverage(q.id(), q.insurer().insurerNumber(), q.symbol(), q.number(),
                                q.branchNumber(), q.individualNumber(), v.relationship(), q.acquiredOn(),
                                v.validFrom(), v.validTo()));
                    }
                }
            }
        }
    }

    private static <T> TypedQuery<T> reading(TypedQuery<T> query, List<?> keys) {
        return reading(query, keys, "keys");
    }

    private static <T> TypedQuery<T> reading(TypedQuery<T> query, List<?> keys, String parameter) {
        return query.setParameter(parameter, keys).setFlushMode(FlushModeType.COMMIT);
    }

    private void load(EntityManager em, String column, Set<String> keys, Function<Qualification, String> keyOf) {
        for (List<String> part : InLists.parts(keys)) {
            TypedQuery<Qualification> query = reading(em.createQuery("SELECT q FROM Qualification q WHERE "
                    + column + " IN :keys", Qualification.class), part)
                    .setHint("eclipselink.batch", "q.person").setHint("eclipselink.batch.type", "IN")
                    .setHint("eclipselink.batch.size", InLists.SIZE);
            for (Qualification q : query.getResultList()) {
                byCard.computeIfAbsent(keyOf.apply(q), k -> new ArrayList<>()).add(q);
            }
        }
    }

    /** The qualifications the claim's card names at its insurer, of persons born on its birth date. */
    private List<Qualification> candidates(ClaimItem item) {
        Insurer insurer = insurers.get(item.insurerNumber());
        String key = item.individualNumber() != null ? "I:" + item.individualNumber()
                : item.number() != null ? "H:" + Qualification.householdKey(item.symbol(), item.number()) : null;
        if (insurer == null || key == null) {
            return List.of();
        }
        return byCard.getOrDefault(key, List.of()).stream()
                .filter(q -> q.insurer().id().equals(insurer.id()))
                .filter(q -> q.person().birthDate().equals(item.birthDate()))
                .filter(q -> item.individualNumber() != null || item.branchNumber() == null
                        || item.branchNumber().equals(q.branchNumber()))
                .toList();
    }

    Match match(ClaimItem item) {
        List<Qualification> candidates = candidates(item);
        List<Person> persons = candidates.stream().map(Qualification::person).distinct().toList();
        if (persons.size() != 1) {
            return persons.isEmpty() ? NOBODY : new Match(persons.size(), null, Set.of(), List.of());
        }
        Person person = persons.get(0);
        Set<Long> written = new HashSet<>();
        candidates.forEach(q -> written.add(q.id()));
        return new Match(1, person, written, historyOf.getOrDefault(person.id(), List.of()));
    }

    /** The insurer's id, for the audit entry (every claim's insurer is registered: checked when submitted). */
    Long insurerId(String insurerNumber) {
        Insurer insurer = insurers.get(insurerNumber);
        return insurer == null ? null : insurer.id();
    }
}
