package jp.oqs.numbering;

import jakarta.persistence.EntityManager;
import java.util.ArrayDeque;
import java.util.Deque;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.insurer.NumberingRuleKind;
import jp.oqs.insurer.Insurer;
import jp.oqs.insurer.NumberingRule;
import jp.oqs.qualification.AssignedNumber;
import jp.oqs.qualification.Qualification;
import jp.oqs.qualification.RecordRejectedException;

/**
 * Assigns individual-unit numbers within one transaction (one batch). Centrally generated numbers come from a
 * database sequence in blocks; the other rules are checked against what is already stored, including what this
 * transaction stored before (the queries flush first). Database constraints back every uniqueness rule.
 */
public class NumberAssignment {

    private static final int CENTRAL_BLOCK = 1000;

    private final EntityManager em;
    private final Deque<Long> centralCounters = new ArrayDeque<>();

    public NumberAssignment(EntityManager em) {
        this.em = em;
    }

    /**
     * The number for a qualification acquired under {@code rule}.
     *
     * @param symbol           記号, may be null
     * @param number           番号 (for 後期高齢者, the existing 8-digit number)
     * @param individualNumber the number an INSURER_RULE insurer made
     * @param branchNumber     a requested 枝番 (HOUSEHOLD_BRANCH), or null for the next free one
     */
    public AssignedNumber assign(Insurer insurer, NumberingRule rule, String symbol, String number,
                                 String individualNumber, String branchNumber) throws RecordRejectedException {
        NumberingRuleKind kind = rule.kind();
        return switch (kind) {
            case CENTRAL_GENERATED -> new AssignedNumber(kind, IndividualNumbers.central(nextCentralCounter()), null);
            case INSURER_RULE -> {
                String violation = IndividualNumbers.formatViolation(individualNumber, rule.length(),
                        rule.characterClass(), rule.checkDigitScheme());
                if (violation != null) {
                    throw new RecordRejectedException(ErrorCodes.INVALID_INDIVIDUAL_NUMBER,
                            "被保険者番号（個人単位）が保険者の登録した形式に合いません。", violation);
                }
                yield new AssignedNumber(kind, unused(insurer, individualNumber), null);
            }
            case LATE_ELDERLY_PADDED -> {
                String padded = IndividualNumbers.lateElderlyPadded(number);
                if (padded == null) {
                    throw new RecordRejectedException(ErrorCodes.INVALID_INDIVIDUAL_NUMBER,
                            "後期高齢者の被保険者番号は8桁の数字です。",
                            "the insurer's rule is LATE_ELDERLY_PADDED: qualification.number must be the 8-digit "
                                    + "被保険者番号, which is left-padded with zeros to " + IndividualNumbers.PADDED_LENGTH);
                }
                yield new AssignedNumber(kind, unused(insurer, padded), null);
            }
            case HOUSEHOLD_BRANCH -> new AssignedNumber(kind, null, branch(insurer, symbol, number, branchNumber));
        };
    }

    private String unused(Insurer insurer, String individualNumber) throws RecordRejectedException {
        long taken = em.createNamedQuery("Qualification.countIndividual", Long.class)
                .setParameter("insurer", insurer)
                .setParameter("individualNumber", individualNumber)
                .getSingleResult();
        if (taken > 0) {
            throw new RecordRejectedException(ErrorCodes.INDIVIDUAL_NUMBER_TAKEN,
                    "この被保険者番号（個人単位）は既に使われています。番号は再利用できません。",
                    "individualNumber is already assigned at this insurer; numbers are never reused");
        }
        return individualNumber;
    }

    private String branch(Insurer insurer, String symbol, String number, String requested)
            throws RecordRejectedException {
        String householdKey = Qualification.householdKey(symbol, number);
        if (requested != null) {
            if (!IndividualNumbers.isBranchNumber(requested)) {
                throw new RecordRejectedException(ErrorCodes.INVALID_BRANCH_NUMBER,
                        "枝番は2桁の数字です（例: 01）。",
                        "qualification.branchNumber must be 2 ASCII digits as a string, leading zero kept; got \""
                                + requested + "\"");
            }
            long taken = em.createNamedQuery("Qualification.countBranch", Long.class)
                    .setParameter("insurer", insurer)
                    .setParameter("householdKey", householdKey)
                    .setParameter("branchNumber", requested)
                    .getSingleResult();
            if (taken > 0) {
                throw new RecordRejectedException(ErrorCodes.BRANCH_NUMBER_TAKEN,
                        "この記号・番号では枝番「" + requested + "」は既に使われています。",
                        "branchNumber " + requested + " is already assigned within this insurer's 記号・番号; "
                                + "omit it to get the next free one");
            }
            return requested;
        }
        String highest = em.createNamedQuery("Qualification.maxBranch", String.class)
                .setParameter("insurer", insurer)
                .setParameter("householdKey", householdKey)
                .getSingleResult();
        String next = IndividualNumbers.nextBranch(highest);
        if (next == null) {
            throw new RecordRejectedException(ErrorCodes.BRANCH_NUMBER_TAKEN,
                    "この記号・番号の枝番（01〜99）はすべて使われています。",
                    "all branch numbers 01-99 are taken within this 記号・番号");
        }
        return next;
    }

    private long nextCentralCounter() {
        if (centralCounters.isEmpty()) {
            long last = ((Number) em.createNativeQuery("SELECT central_number_seq.NEXTVAL FROM DUAL")
                    .getSingleResult()).longValue();
            for (long counter = last - CENTRAL_BLOCK + 1; counter <= last; counter++) {
                centralCounters.add(counter);
            }
        }
        return centralCounters.poll();
    }

    /** Registers a centrally generated number nationally (its primary key refuses a duplicate). */
    public void register(Qualification qualification) {
        if (qualification.numberingRule() == NumberingRuleKind.CENTRAL_GENERATED) {
            em.persist(new CentralNumber(qualification.individualNumber(), qualification));
        }
    }
}
