package jp.oqs.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import jp.oqs.api.claims.ClaimDisposition;
import jp.oqs.api.claims.ClaimReason;
import jp.oqs.api.claims.ClaimSegment;
import jp.oqs.api.sync.Relationship;
import jp.oqs.claims.ClaimRouting.Coverage;
import jp.oqs.claims.ClaimRouting.Resolution;
import jp.oqs.claims.ClaimRouting.WrittenClaim;
import org.junit.jupiter.api.Test;

/** Every disposition of the routing rule, with the month's edges. Qualification 1 is the one the card names. */
class ClaimRoutingTest {

    private static final String KOKUHO = "00131045";
    private static final String KENPO = "06130017";
    private static final String KYOKAI = "01130012";
    private static final LocalDate APRIL_2024 = LocalDate.of(2024, 4, 1);

    private static LocalDate may(int day) {
        return LocalDate.of(2025, 5, day);
    }

    private static Coverage coverage(long id, String insurer, String number, Relationship relationship,
                                     LocalDate from, LocalDate to) {
        return new Coverage(id, insurer, "記号", number, "01", null, relationship, id == 1 ? APRIL_2024 : from, from, to);
    }

    private static WrittenClaim claim(Relationship relationship, boolean publicExpense, LocalDate... dates) {
        return new WrittenClaim(KOKUHO, "記号", "100", "01", null, Arrays.asList(dates), relationship, publicExpense);
    }

    private static Resolution resolve(WrittenClaim claim, Coverage... history) {
        return ClaimRouting.resolve(claim, 1, Set.of(1L), List.of(history));
    }

    private static ClaimSegment segment(LocalDate from, LocalDate to, String insurer, String number,
                                        Relationship relationship) {
        return new ClaimSegment(from, to, insurer, "記号", number, "01", null, relationship);
    }

    @Test
    void keptWhenTheWrittenQualificationIsValidOnEveryServiceDate() {
        Resolution r = resolve(claim(Relationship.SELF, false, may(1), may(31)),
                coverage(1, KOKUHO, "100", Relationship.SELF, APRIL_2024, null));
        assertEquals(new Resolution(ClaimDisposition.KEEP, ClaimReason.VALID, List.of()), r);
    }

    @Test
    void aLossOnTheFirstOfTheNextMonthKeepsTheLastDayOfTheMonth() {
        Resolution r = resolve(claim(Relationship.SELF, false, may(31)),
                coverage(1, KOKUHO, "100", Relationship.SELF, APRIL_2024, LocalDate.of(2025, 6, 1)),
                coverage(2, KENPO, "200", Relationship.SELF, LocalDate.of(2025, 6, 1), null));
        assertEquals(ClaimDisposition.KEEP, r.disposition());
    }

    @Test
    void aLossOnTheLastDayOfTheMonthReroutesThatDay() {
        Resolution r = resolve(claim(Relationship.SELF, false, may(31)),
                coverage(1, KOKUHO, "100", Relationship.SELF, APRIL_2024, may(31)),
                coverage(2, KENPO, "200", Relationship.SELF, may(31), null));
        assertEquals(new Resolution(ClaimDisposition.REROUTE, ClaimReason.INSURER_CHANGED,
                List.of(segment(may(31), may(31), KENPO, "200", Relationship.SELF))), r);
    }

    @Test
    void aLossOnTheFirstOfTheMonthWithANewInsurerFromThatDayReroutesTheWholeMonth() {
        Resolution r = resolve(claim(Relationship.SELF, false, may(1), may(12), may(31)),
                coverage(1, KOKUHO, "100", Relationship.SELF, APRIL_2024, may(1)),
                coverage(2, KENPO, "200", Relationship.DEPENDENT, may(1), null));
        assertEquals(new Resolution(ClaimDisposition.REROUTE, ClaimReason.INSURER_CHANGED,
                List.of(segment(may(1), may(31), KENPO, "200", Relationship.DEPENDENT))), r);
    }

    @Test
    void aLossOnTheFirstOfTheMonthWithNothingElseIsKeptAsLost() {
        Resolution r = resolve(claim(Relationship.SELF, false, may(1), may(20)),
                coverage(1, KOKUHO, "100", Relationship.SELF, APRIL_2024, may(1)));
        assertEquals(new Resolution(ClaimDisposition.LOST_KEEP, ClaimReason.LOST_NO_OTHER, List.of()), r);
    }

    @Test
    void aNewNumberAtTheSameInsurerReroutesWithNumberChanged() {
        Resolution r = resolve(claim(Relationship.SELF, false, may(20)),
                coverage(1, KOKUHO, "100", Relationship.SELF, APRIL_2024, may(10)),
                coverage(2, KOKUHO, "101", Relationship.SELF, may(10), null));
        assertEquals(ClaimDisposition.REROUTE, r.disposition());
        assertEquals(ClaimReason.NUMBER_CHANGED, r.reason());
        assertEquals(List.of(segment(may(20), may(20), KOKUHO, "101", Relationship.SELF)), r.segments());
    }

    @Test
    void aChangeWithinTheMonthSplitsByDate() {
        Resolution r = resolve(claim(Relationship.SELF, false, may(2), may(9), may(16), may(23)),
                coverage(1, KOKUHO, "100", Relationship.SELF, APRIL_2024, may(15)),
                coverage(2, KENPO, "200", Relationship.SELF, may(15), null));
        assertEquals(new Resolution(ClaimDisposition.SPLIT, ClaimReason.CHANGED_WITHIN_MONTH, List.of(
                segment(may(2), may(9), KOKUHO, "100", Relationship.SELF),
                segment(may(16), may(23), KENPO, "200", Relationship.SELF))), r);
    }

    @Test
    void threeInsurersInOneMonthGiveThreeSegments() {
        Resolution r = resolve(claim(Relationship.SELF, false, may(25), may(5), may(15)),
                coverage(1, KOKUHO, "100", Relationship.SELF, APRIL_2024, may(10)),
                coverage(2, KENPO, "200", Relationship.SELF, may(10), may(20)),
                coverage(3, KYOKAI, "300", Relationship.DEPENDENT, may(20), null));
        assertEquals(ClaimDisposition.SPLIT, r.disposition());
        assertEquals(List.of(segment(may(5), may(5), KOKUHO, "100", Relationship.SELF),
                segment(may(15), may(15), KENPO, "200", Relationship.SELF),
                segment(may(25), may(25), KYOKAI, "300", Relationship.DEPENDENT)), r.segments());
    }

    @Test
    void aGapBetweenInsurersStaysAsWrittenInTheSplit() {
        Resolution r = resolve(claim(Relationship.SELF, false, may(5), may(15), may(25)),
                coverage(1, KOKUHO, "100", Relationship.SELF, APRIL_2024, may(10)),
                coverage(2, KENPO, "200", Relationship.SELF, may(20), null));
        assertEquals(List.of(segment(may(5), may(15), KOKUHO, "100", Relationship.SELF),
                segment(may(25), may(25), KENPO, "200", Relationship.SELF)), r.segments());
    }

    @Test
    void ofTwoOverlappingOtherQualificationsTheNewerIsBilled() {
        Resolution r = resolve(claim(Relationship.SELF, false, may(20)),
                coverage(1, KOKUHO, "100", Relationship.SELF, APRIL_2024, may(1)),
                coverage(2, KENPO, "200", Relationship.SELF, LocalDate.of(2025, 1, 1), null),
                coverage(3, KYOKAI, "300", Relationship.SELF, may(10), null));
        assertEquals(KYOKAI, r.segments().get(0).insurerNumber());
    }

    @Test
    void aClaimWithPublicExpenseIsNeverReroutedOrSplit() {
        Coverage lost = coverage(1, KOKUHO, "100", Relationship.SELF, APRIL_2024, may(15));
        Coverage next = coverage(2, KENPO, "200", Relationship.SELF, may(15), null);
        assertEquals(new Resolution(ClaimDisposition.KEEP, ClaimReason.PUBLIC_EXPENSE, List.of()),
                resolve(claim(Relationship.SELF, true, may(2), may(20)), lost, next));
        assertEquals(new Resolution(ClaimDisposition.KEEP, ClaimReason.PUBLIC_EXPENSE, List.of()),
                resolve(claim(Relationship.SELF, true, may(20)), lost, next));
        assertEquals(ClaimDisposition.SPLIT, resolve(claim(Relationship.SELF, false, may(2), may(20)), lost, next)
                .disposition(), "the same claim without 公費 is split");
    }

    @Test
    void aWrongRelationshipOnTheValidQualificationIsCorrected() {
        Resolution r = resolve(claim(Relationship.SELF, false, may(3), may(4)),
                coverage(1, KOKUHO, "100", Relationship.DEPENDENT, APRIL_2024, null));
        assertEquals(new Resolution(ClaimDisposition.RELATIONSHIP_CORRECTED, ClaimReason.RELATIONSHIP_WRITTEN_WRONGLY,
                List.of(segment(may(3), may(4), KOKUHO, "100", Relationship.DEPENDENT))), r);
        assertEquals(ClaimDisposition.KEEP, resolve(claim(null, false, may(3)),
                coverage(1, KOKUHO, "100", Relationship.DEPENDENT, APRIL_2024, null)).disposition(),
                "a claim that does not say 本人/家族 is not corrected");
    }

    @Test
    void aRelationshipChangedWithinTheMonthIsCorrectedInSegments() {
        Resolution r = resolve(claim(Relationship.SELF, false, may(3), may(20)),
                coverage(1, KOKUHO, "100", Relationship.SELF, APRIL_2024, may(10)),
                coverage(1, KOKUHO, "100", Relationship.DEPENDENT, may(10), null));
        assertEquals(ClaimDisposition.RELATIONSHIP_CORRECTED, r.disposition());
        assertEquals(List.of(segment(may(3), may(3), KOKUHO, "100", Relationship.SELF),
                segment(may(20), may(20), KOKUHO, "100", Relationship.DEPENDENT)), r.segments());
    }

    @Test
    void noPersonOrABirthDateMismatchIsNotFound() {
        // the card with a wrong birth date matches nobody: the same answer as an unknown number
        assertEquals(new Resolution(ClaimDisposition.NOT_FOUND, ClaimReason.NO_MATCHING_PERSON, List.of()),
                ClaimRouting.resolve(claim(Relationship.SELF, false, may(1)), 0, Set.of(), List.of()));
    }

    @Test
    void severalPersonsBehindAHouseholdNumberAreNotFound() {
        assertEquals(new Resolution(ClaimDisposition.NOT_FOUND, ClaimReason.SEVERAL_PERSONS, List.of()),
                ClaimRouting.resolve(claim(Relationship.SELF, false, may(1)), 2, Set.of(), List.of()));
    }

    @Test
    void aQualificationNotYetAcquiredOnTheServiceDateWithNothingElseIsKeptAsLost() {
        Resolution r = resolve(claim(Relationship.SELF, false, may(5)),
                coverage(1, KOKUHO, "100", Relationship.SELF, may(10), null));
        assertEquals(ClaimDisposition.LOST_KEEP, r.disposition());
    }
}
