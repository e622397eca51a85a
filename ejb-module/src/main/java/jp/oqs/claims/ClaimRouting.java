package jp.oqs.claims;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import jp.oqs.api.claims.ClaimDisposition;
import jp.oqs.api.claims.ClaimReason;
import jp.oqs.api.claims.ClaimSegment;
import jp.oqs.api.sync.Relationship;

/**
 * The routing rule of レセプト振替・分割, as operated since 2021, without any database: given what a claim says and
 * the person's history (the periods each qualification was valid), what the claim should carry.
 * <ol>
 *   <li>no person, or several, behind the card and birth date: {@code NOT_FOUND};</li>
 *   <li>the written qualification valid on every service date: {@code KEEP}, or {@code RELATIONSHIP_CORRECTED}
 *       when 本人/家族 differs from the history on some date;</li>
 *   <li>otherwise each service date goes to the written qualification where it is valid, else to another valid
 *       that day (the most recently acquired when two overlap, as the newer one is where the person is insured
 *       now), else stays as written. No date goes elsewhere: {@code LOST_KEEP}; a claim with 公費: {@code KEEP}
 *       ({@code PUBLIC_EXPENSE}), never re-routed; one part: {@code REROUTE}; several: {@code SPLIT}.</li>
 * </ol>
 */
public final class ClaimRouting {

    private ClaimRouting() {
    }

    /**
     * What the claim says.
     *
     * @param insurerNumber  the insurer number as written (8 digits), with 記号・番号・枝番 as written
     * @param serviceDates   the service dates (診療日), at least one
     * @param relationship   本人/家族 as written, or {@code null} when the claim does not say
     * @param publicExpense  whether the claim has 公費
     */
    public record WrittenClaim(String insurerNumber, String symbol, String number, String branchNumber,
                               String individualNumber, List<LocalDate> serviceDates, Relationship relationship, boolean publicExpense) {

        public WrittenClaim {
            serviceDates = List.copyOf(new TreeSet<>(serviceDates));
            if (serviceDates.isEmpty()) {
                throw new IllegalArgumentException("a claim has at least one service date");
            }
        }

        /** The service dates nothing covers are billed as written. */
        Coverage asWritten() {
            return new Coverage(-1, insurerNumber, symbol, number, branchNumber, individualNumber, relationship,
                    null, null, null);
        }
    }

    /**
     * A period a qualification of the person was valid (a version that is neither superseded nor a loss).
     *
     * @param qualification the qualification's id
     * @param acquiredOn    when the qualification was acquired (the newer of two overlapping ones wins)
     * @param from          first day of the period
     * @param to            first day after it, {@code null} while open
     */
    public record Coverage(long qualification, String insurerNumber, String symbol, String number,
                           String branchNumber, String individualNumber, Relationship relationship, LocalDate acquiredOn, LocalDate from,
                           LocalDate to) {

        boolean covers(LocalDate date) {
            return !from.isAfter(date) && (to == null || to.isAfter(date));
        }
    }

    /** The outcome: segments for REROUTE, SPLIT and RELATIONSHIP_CORRECTED, none otherwise. */
    public record Resolution(ClaimDisposition disposition, ClaimReason reason, List<ClaimSegment> segments) {

        public Resolution {
            segments = List.copyOf(segments);
        }

        static Resolution of(ClaimDisposition disposition, ClaimReason reason) {
            return new Resolution(disposition, reason, List.of());
        }
    }

    /**
     * Routes a claim.
     *
     * @param matchedPersons how many persons the card and birth date matched
     * @param written        the qualifications of that person the card names (empty when none or several)
     * @param history        every valid period of the person's qualifications, at every insurer
     */
    public static Resolution resolve(WrittenClaim claim, int matchedPersons, Set<Long> written,
                                     List<Coverage> history) {
        if (matchedPersons == 0 || written.isEmpty()) {
            return Resolution.of(ClaimDisposition.NOT_FOUND, matchedPersons > 1 ? ClaimReason.SEVERAL_PERSONS
                    : ClaimReason.NO_MATCHING_PERSON);
        }
        List<LocalDate> dates = claim.serviceDates();
        List<Coverage> asWritten = new ArrayList<>(dates.size());
        for (LocalDate date : dates) {
            asWritten.add(history.stream().filter(c -> written.contains(c.qualification()) && c.covers(date))
                    .findFirst().orElse(null));
        }
        if (!asWritten.contains(null)) {
            boolean wrongRelationship = claim.relationship() != null
                    && asWritten.stream().anyMatch(c -> c.relationship() != claim.relationship());
            return wrongRelationship
                    ? new Resolution(ClaimDisposition.RELATIONSHIP_CORRECTED, ClaimReason.RELATIONSHIP_WRITTEN_WRONGLY,
                            segments(dates, asWritten))
                    : Resolution.of(ClaimDisposition.KEEP, ClaimReason.VALID);
        }
        List<Coverage> routed = new ArrayList<>(dates.size());
        boolean elsewhere = false;
        for (int i = 0; i < dates.size(); i++) {
            Coverage coverage = asWritten.get(i);
            if (coverage == null) {
                LocalDate date = dates.get(i);
                coverage = history.stream().filter(c -> c.covers(date))
                        .max(Comparator.comparing(Coverage::acquiredOn).thenComparing(Coverage::qualification))
                        .orElse(null);
                elsewhere |= coverage != null;
            }
            routed.add(coverage);
        }
        if (!elsewhere) {
            return Resolution.of(ClaimDisposition.LOST_KEEP, ClaimReason.LOST_NO_OTHER);
        }
        if (claim.publicExpense()) {
            return Resolution.of(ClaimDisposition.KEEP, ClaimReason.PUBLIC_EXPENSE);
        }
        // the dates nothing covers stay as written: that part is billed as the claim says
        Coverage asClaimed = claim.asWritten();
        routed.replaceAll(c -> c == null ? asClaimed : c);
        List<ClaimSegment> segments = segments(dates, routed);
        if (segments.size() > 1) {
            return new Resolution(ClaimDisposition.SPLIT, ClaimReason.CHANGED_WITHIN_MONTH, segments);
        }
        return new Resolution(ClaimDisposition.REROUTE, segments.get(0).insurerNumber().equals(claim.insurerNumber())
                ? ClaimReason.NUMBER_CHANGED : ClaimReason.INSURER_CHANGED, segments);
    }

    /** Consecutive service dates billed under the same numbers and relationship, as one segment each. */
    private static List<ClaimSegment> segments(List<LocalDate> dates, List<Coverage> routed) {
        List<ClaimSegment> segments = new ArrayList<>();
        LocalDate from = null;
        Coverage current = null;
        for (int i = 0; i < dates.size(); i++) {
            Coverage coverage = routed.get(i);
            if (current != null && !sameBilling(current, coverage)) {
                segments.add(segment(from, dates.get(i - 1), current));
                from = null;
            }
            if (from == null) {
                from = dates.get(i);
            }
            current = coverage;
        }
        segments.add(segment(from, dates.get(dates.size() - 1), current));
        return segments;
    }

    private static boolean sameBilling(Coverage a, Coverage b) {
        return a.insurerNumber().equals(b.insurerNumber()) && Objects.equals(a.symbol(), b.symbol())
                && Objects.equals(a.number(), b.number()) && Objects.equals(a.branchNumber(), b.branchNumber())
                && Objects.equals(a.individualNumber(), b.individualNumber())
                && a.relationship() == b.relationship();
    }

    private static ClaimSegment segment(LocalDate from, LocalDate to, Coverage coverage) {
        return new ClaimSegment(from, to, coverage.insurerNumber(), coverage.symbol(), coverage.number(),
                coverage.branchNumber(), coverage.individualNumber(), coverage.relationship());
    }
}
