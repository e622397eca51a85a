package jp.oqs.numbering;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.insurer.NumberingRuleKind;
import jp.oqs.insurer.Insurer;
import jp.oqs.insurer.NumberingRule;
import jp.oqs.platform.InLists;
import jp.oqs.qualification.AssignedNumber;
import jp.oqs.qualification.Qualification;
import jp.oqs.qualification.RecordRejectedException;

/**
 * Assigns individual-unit numbers within one transaction (one batch). What is already taken at the insurer is
 * read once for the whole batch ({@link #preload}); what the batch assigns is added as it goes, so no query runs
 * per record. Centrally generated numbers are drawn from a CSPRNG ({@link CentralNumberDraw}), each block of
 * candidates checked at once (a query per table, not per candidate) against the central numbers of every insurer
 * and the numbers this insurer has assigned. Database constraints back every uniqueness rule: a concurrent batch that drew the same central
 * number fails on {@code central_number}'s primary key and is retried whole by the sync service, drawing anew.
 */
public class NumberAssignment {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager em;
    private final CentralNumberDraw central;
    private Insurer insurer;
    private final Set<String> takenIndividual = new HashSet<>();
    private final Set<String> takenBranch = new HashSet<>();
    private final Map<String, String> highestBranch = new HashMap<>();

    public NumberAssignment(EntityManager em) {
        this.em = em;
        this.central = new CentralNumberDraw(RANDOM, this::takenAmong);
    }

    /**
     * Reads what the insurer has taken among the households and individual numbers a batch mentions. Each IN list
     * is the query's only condition, so that the index that leads with its column serves it (see V13: the
     * embedded engine otherwise reads every qualification of the insurer per list); the insurer is checked here.
     */
    public void preload(Insurer insurer, Collection<String> householdKeys, Collection<String> individualNumbers) {
        this.insurer = insurer;
        Long insurerId = insurer.id();
        for (List<String> chunk : chunks(householdKeys)) {
            List<Object[]> rows = em.createQuery("SELECT q.householdKey, q.branchNumber, q.insurer.id"
                            + " FROM Qualification q WHERE q.householdKey IN :keys", Object[].class)
                    .setParameter("keys", chunk)
                    .setFlushMode(FlushModeType.COMMIT).getResultList();
            for (Object[] row : rows) {
                if (insurerId.equals(row[2]) && row[1] != null) {
                    takeBranch((String) row[0], (String) row[1]);
                }
            }
        }
        for (List<String> chunk : chunks(individualNumbers)) {
            List<Object[]> rows = em.createQuery("SELECT q.individualNumber, q.insurer.id FROM Qualification q"
                            + " WHERE q.individualNumber IN :numbers", Object[].class)
                    .setParameter("numbers", chunk)
                    .setFlushMode(FlushModeType.COMMIT).getResultList();
            for (Object[] row : rows) {
                if (insurerId.equals(row[1])) {
                    takenIndividual.add((String) row[0]);
                }
            }
        }
    }

    /**
     * The number for a qualification acquired under {@code rule}.
     *
     * @param symbol           記号, may be null
     * @param number           番号 (for 後期高齢者, the existing 8-digit number)
     * @param individualNumber the number an INSURER_RULE insurer made
     * @param branchNumber     a requested 枝番 (HOUSEHOLD_BRANCH), or null for the next free one
     */
    public AssignedNumber assign(NumberingRule rule, String symbol, String number, String individualNumber,
                                 String branchNumber) throws RecordRejectedException {
        NumberingRuleKind kind = rule.kind();
        return switch (kind) {
            case CENTRAL_GENERATED -> new AssignedNumber(kind, central.next(), null);
            case INSURER_RULE -> {
                String violation = IndividualNumbers.formatViolation(individualNumber, rule.length(),
                        rule.characterClass(), rule.checkDigitScheme());
                if (violation != null) {
                    throw new RecordRejectedException(ErrorCodes.INVALID_INDIVIDUAL_NUMBER,
                            "被保険者番号（個人単位）が保険者の登録した形式に合いません。", violation);
                }
                yield new AssignedNumber(kind, unused(individualNumber), null);
            }
            case LATE_ELDERLY_PADDED -> {
                String padded = IndividualNumbers.lateElderlyPadded(number);
                if (padded == null) {
                    throw new RecordRejectedException(ErrorCodes.INVALID_INDIVIDUAL_NUMBER,
                            "後期高齢者の被保険者番号は8桁の数字です。",
                            "the insurer's rule is LATE_ELDERLY_PADDED: qualification.number must be the 8-digit "
                                    + "被保険者番号, which is left-padded with zeros to " + IndividualNumbers.PADDED_LENGTH);
                }
                yield new AssignedNumber(kind, unused(padded), null);
            }
            case HOUSEHOLD_BRANCH -> new AssignedNumber(kind, null, branch(symbol, number, branchNumber));
        };
    }

    /** Marks the number of a stored qualification as taken, and registers a central one nationally. */
    public void register(Qualification qualification) {
        if (qualification.individualNumber() != null) {
            takenIndividual.add(qualification.individualNumber());
        }
        if (qualification.branchNumber() != null) {
            takeBranch(Qualification.householdKey(qualification.symbol(), qualification.number()),
                    qualification.branchNumber());
        }
        if (qualification.numberingRule() == NumberingRuleKind.CENTRAL_GENERATED) {
            em.persist(new CentralNumber(qualification.individualNumber(), qualification));
        }
    }

    private String unused(String individualNumber) throws RecordRejectedException {
        if (takenIndividual.contains(individualNumber)) {
            throw new RecordRejectedException(ErrorCodes.INDIVIDUAL_NUMBER_TAKEN,
                    "この被保険者番号（個人単位）は既に使われています。番号は再利用できません。",
                    "individualNumber is already assigned at this insurer; numbers are never reused");
        }
        return individualNumber;
    }

    private String branch(String symbol, String number, String requested) throws RecordRejectedException {
        String householdKey = Qualification.householdKey(symbol, number);
        if (requested != null) {
            if (!IndividualNumbers.isBranchNumber(requested)) {
                throw new RecordRejectedException(ErrorCodes.INVALID_BRANCH_NUMBER,
                        "枝番は2桁の数字です（例: 01）。",
                        "qualification.branchNumber must be 2 ASCII digits as a string, leading zero kept; got \""
                                + requested + "\"");
            }
            if (takenBranch.contains(householdKey + Qualification.HOUSEHOLD_SEPARATOR + requested)) {
                throw new RecordRejectedException(ErrorCodes.BRANCH_NUMBER_TAKEN,
                        "この記号・番号では枝番「" + requested + "」は既に使われています。",
                        "branchNumber " + requested + " is already assigned within this insurer's 記号・番号; "
                                + "omit it to get the next free one");
            }
            return requested;
        }
        String next = IndividualNumbers.nextBranch(highestBranch.get(householdKey));
        if (next == null) {
            throw new RecordRejectedException(ErrorCodes.BRANCH_NUMBER_TAKEN,
                    "この記号・番号の枝番（01〜99）はすべて使われています。",
                    "all branch numbers 01-99 are taken within this 記号・番号");
        }
        return next;
    }

    private void takeBranch(String householdKey, String branch) {
        takenBranch.add(householdKey + Qualification.HOUSEHOLD_SEPARATOR + branch);
        highestBranch.merge(householdKey, branch, (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }

    /**
     * Which of the candidates are taken: a central number of any insurer, or a number this insurer assigned (in
     * the database, or earlier in this batch). One query per table for the whole block, never one per candidate.
     */
    private Collection<String> takenAmong(Collection<String> candidates) {
        List<String> numbers = new ArrayList<>(candidates);
        Set<String> taken = new HashSet<>(em.createQuery("SELECT c.individualNumber FROM CentralNumber c"
                        + " WHERE c.individualNumber IN :numbers", String.class)
                .setParameter("numbers", numbers).setFlushMode(FlushModeType.COMMIT).getResultList());
        taken.addAll(em.createQuery("SELECT q.individualNumber FROM Qualification q"
                        + " WHERE q.insurer = :insurer AND q.individualNumber IN :numbers", String.class)
                .setParameter("insurer", insurer).setParameter("numbers", numbers)
                .setFlushMode(FlushModeType.COMMIT).getResultList());
        numbers.stream().filter(takenIndividual::contains).forEach(taken::add);
        return taken;
    }

    /** The distinct values, in parts of one {@code IN} list each. */
    private static List<List<String>> chunks(Collection<String> values) {
        return InLists.parts(new HashSet<>(values));
    }
}
