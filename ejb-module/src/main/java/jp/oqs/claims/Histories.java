package jp.oqs.claims;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import jp.oqs.api.sync.Relationship;
import jp.oqs.claims.ClaimRouting.Coverage;
import jp.oqs.platform.InLists;
import jp.oqs.qualification.Qualification;

/**
 * What a chunk of claims reads, in a few queries for the whole chunk: the qualifications its cards name (by
 * individual-unit number, else by 記号・番号 with the 枝番 and birth date checked in memory, as a clinic's check
 * finds a person), then the whole history of each person a card names alone, at every insurer.
 * <p>
 * Every query is a scalar projection over single-table key lookups (each {@code IN} list the query's sole
 * condition, served by an index): no entity is built, registered in the persistence context or compared at
 * commit, which was a third of the chunk's time when histories were read as entities. Nothing read is changed by
 * the chunk's transaction, so no query flushes first.
 */
final class Histories {

    /**
     * What a claim's card found.
     *
     * @param persons   how many persons the card and birth date match
     * @param person    the person's id when exactly one, else {@code null}
     * @param written   that person's qualifications the card names
     * @param coverages that person's valid periods at every insurer
     */
    record Match(int persons, Long person, Set<Long> written, List<Coverage> coverages) {
    }

    /** A qualification a card names: enough to check the insurer, 枝番 and birth date in memory. */
    private record Named(long id, long insurer, long person, String branchNumber) {
    }

    /** A qualification of a person whose history is read. */
    private record Held(long id, long person, long insurer, String symbol, String number, String branchNumber,
                        String individualNumber, LocalDate acquiredOn) {
    }

    private static final Match NOBODY = new Match(0, null, Set.of(), List.of());
    private static final Comparator<Coverage> HISTORY_ORDER = Comparator.comparing(Coverage::acquiredOn)
            .thenComparingLong(Coverage::qualification).thenComparing(Coverage::from);

    private final EntityManager em;
    private final Map<String, Long> insurerIds = new HashMap<>();
    private final Map<String, List<Named>> byCard = new HashMap<>();
    private final Map<Long, LocalDate> birthDates = new HashMap<>();
    private final Map<Long, List<Coverage>> historyOf = new HashMap<>();
    /** Each claim's candidates, worked out once: to know whose history to read, then to match the claim. */
    private final Map<ClaimItem, List<Named>> candidatesOf = new IdentityHashMap<>();

    Histories(EntityManager em, List<ClaimItem> chunk) {
        this.em = em;
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
        select("SELECT i.insurerNumber, i.id FROM Insurer i WHERE i.insurerNumber IN :keys", numbers,
                row -> insurerIds.put((String) row[0], (Long) row[1]));
        // an IN list is served by an index only as the query's sole condition (V13): the insurer is checked here
        String named = "SELECT q.id, q.insurerId, q.personId, q.branchNumber, q.individualNumber, q.householdKey"
                + " FROM Qualification q WHERE ";
        select(named + "q.individualNumber IN :keys", individualNumbers, row -> byCard("I:" + row[4], row));
        select(named + "q.householdKey IN :keys", householdKeys, row -> byCard("H:" + row[5], row));
        Set<Long> persons = new HashSet<>();
        byCard.values().forEach(list -> list.forEach(q -> persons.add(q.person())));
        select("SELECT p.id, p.birthDate FROM Person p WHERE p.id IN :keys", persons,
                row -> birthDates.put((Long) row[0], (LocalDate) row[1]));
        Set<Long> alone = new HashSet<>();
        for (ClaimItem item : chunk) {
            List<Named> cards = candidates(item);
            candidatesOf.put(item, cards);
            List<Long> found = cards.stream().map(Named::person).distinct().toList();
            if (found.size() == 1) {
                alone.add(found.get(0));
            }
        }
        readHistories(alone);
    }

    private void byCard(String key, Object[] row) {
        byCard.computeIfAbsent(key, k -> new ArrayList<>())
                .add(new Named((Long) row[0], (Long) row[1], (Long) row[2], (String) row[3]));
    }

    /** The valid periods (current versions that are not a loss) of every qualification of these persons. */
    private void readHistories(Set<Long> persons) {
        Map<Long, Held> held = new HashMap<>();
        select("SELECT q.id, q.personId, q.insurerId, q.symbol, q.number, q.branchNumber, q.individualNumber,"
                + " q.acquiredOn FROM Qualification q WHERE q.personId IN :keys", persons,
                row -> held.put((Long) row[0], new Held((Long) row[0], (Long) row[1], (Long) row[2],
                        (String) row[3], (String) row[4], (String) row[5], (String) row[6], (LocalDate) row[7])));
        Map<Long, String> insurerNumbers = new HashMap<>();
        insurerIds.forEach((number, id) -> insurerNumbers.put(id, number));
        Set<Long> insurers = new HashSet<>();
        held.values().stream().map(Held::insurer).filter(id -> !insurerNumbers.containsKey(id))
                .forEach(insurers::add);
        select("SELECT i.id, i.insurerNumber FROM Insurer i WHERE i.id IN :keys", insurers,
                row -> insurerNumbers.put((Long) row[0], (String) row[1]));
        select("SELECT v.qualificationId, v.relationship, v.validFrom, v.validTo, v.lostOn, v.supersededById"
                + " FROM QualificationVersion v WHERE v.qualificationId IN :keys", held.keySet(), row -> {
                    if (row[4] == null && row[5] == null) {
                        Held q = held.get((Long) row[0]);
                        historyOf.computeIfAbsent(q.person(), p -> new ArrayList<>()).add(new Coverage(q.id(),
                                insurerNumbers.get(q.insurer()), q.symbol(), q.number(), q.branchNumber(),
                                q.individualNumber(), (Relationship) row[1], q.acquiredOn(), (LocalDate) row[2],
                                (LocalDate) row[3]));
                    }
                });
        historyOf.values().forEach(periods -> periods.sort(HISTORY_ORDER));
    }

    /** Runs a scalar query once per part of the keys, handing each row on. */
    private void select(String jpql, Set<?> keys, Consumer<Object[]> rows) {
        for (List<?> part : InLists.parts(keys)) {
            em.createQuery(jpql, Object[].class).setParameter("keys", part).setFlushMode(FlushModeType.COMMIT)
                    .getResultList().forEach(rows);
        }
    }

    /** How the claim's card is looked up: its individual-unit number, else its 記号・番号. */
    private static String cardKey(ClaimItem item) {
        return item.individualNumber() != null ? "I:" + item.individualNumber()
                : item.number() != null ? "H:" + Qualification.householdKey(item.symbol(), item.number()) : null;
    }

    /** The qualifications the claim's card names at its insurer, of persons born on its birth date. */
    private List<Named> candidates(ClaimItem item) {
        Long insurer = insurerIds.get(item.insurerNumber());
        String key = cardKey(item);
        if (insurer == null || key == null) {
            return List.of();
        }
        return byCard.getOrDefault(key, List.of()).stream()
                .filter(q -> q.insurer() == insurer)
                .filter(q -> item.birthDate().equals(birthDates.get(q.person())))
                .filter(q -> item.individualNumber() != null || item.branchNumber() == null
                        || item.branchNumber().equals(q.branchNumber()))
                .toList();
    }

    Match match(ClaimItem item) {
        List<Named> candidates = candidatesOf.getOrDefault(item, List.of());
        List<Long> persons = candidates.stream().map(Named::person).distinct().toList();
        if (persons.size() != 1) {
            return persons.isEmpty() ? NOBODY : new Match(persons.size(), null, Set.of(), List.of());
        }
        Long person = persons.get(0);
        Set<Long> written = new HashSet<>();
        candidates.forEach(q -> written.add(q.id()));
        return new Match(1, person, written, historyOf.getOrDefault(person, List.of()));
    }

    /** The insurer's id, for the audit entry (every claim's insurer is registered: checked when submitted). */
    Long insurerId(String insurerNumber) {
        return insurerIds.get(insurerNumber);
    }
}
