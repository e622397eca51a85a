package jp.oqs.qualification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.insurer.NumberingRuleKind;
import jp.oqs.api.sync.LossReason;
import jp.oqs.api.sync.Relationship;
import jp.oqs.api.sync.Sex;
import jp.oqs.identifier.InsurerNumber;
import jp.oqs.insurer.Insurer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QualificationTest {

    private static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");
    private static final LocalDate ACQUIRED = LocalDate.of(2024, 4, 1);
    private static final VersionAttributes THIRTY = new VersionAttributes(Relationship.SELF, "山田太郎", "ヤマダタロウ",
            30, null, null, null, null, null, null);
    private static final VersionAttributes TWENTY = new VersionAttributes(Relationship.SELF, "山田太郎", "ヤマダタロウ",
            20, null, null, null, null, null, null);

    private Qualification qualification;

    @BeforeEach
    void acquire() throws Exception {
        Insurer insurer = new Insurer(InsurerNumber.parse("06130017"), "健保", "ケンポ", null, NOW, "t");
        Person person = new Person("LK-1", LocalDate.of(1980, 5, 5), Sex.MALE, NOW);
        qualification = Qualification.acquire(person, insurer,
                new AssignedNumber(NumberingRuleKind.HOUSEHOLD_BRANCH, null, "01"), "東京", "1234", ACQUIRED, THIRTY,
                new SourceRecord("b1", "r1"), NOW);
    }

    @Test
    void aChangeCreatesAVersionAndEveryDateHasOneAnswer() throws Exception {
        LocalDate change = LocalDate.of(2025, 4, 1);
        qualification.change(change, TWENTY, new SourceRecord("b2", "r1"), NOW);

        assertTrue(qualification.versionOn(ACQUIRED.minusDays(1)).isEmpty());
        assertEquals(30, qualification.versionOn(ACQUIRED).orElseThrow().copayRatio());
        assertEquals(30, qualification.versionOn(change.minusDays(1)).orElseThrow().copayRatio());
        assertEquals(20, qualification.versionOn(change).orElseThrow().copayRatio());
        assertEquals(2, qualification.versions().size());
        assertEquals("b2", qualification.versionOn(change).orElseThrow().batchId());
    }

    @Test
    void aChangeOnOrBeforeTheLatestVersionMustBeACorrection() {
        var e = assertThrows(RecordRejectedException.class,
                () -> qualification.change(ACQUIRED, TWENTY, new SourceRecord("b2", "r1"), NOW));
        assertEquals(ErrorCodes.CHANGE_BEFORE_LATEST_VERSION, e.code());
        assertEquals(1, qualification.versions().size());
    }

    @Test
    void aLossEndsTheQualificationFromItsDate() throws Exception {
        LocalDate lost = LocalDate.of(2025, 10, 1);
        qualification.lose(lost, LossReason.OTHER_INSURANCE, new SourceRecord("b3", "r1"), NOW);
        assertFalse(qualification.isOpen());
        assertTrue(qualification.isOpenOn(lost.minusDays(1)));
        assertFalse(qualification.isOpenOn(lost));
        assertEquals(LossReason.OTHER_INSURANCE, qualification.versionOn(lost).orElseThrow().lossReason());
        assertEquals(null, qualification.versionOn(lost.minusDays(1)).orElseThrow().lostOn());

        var again = assertThrows(RecordRejectedException.class, () -> qualification.lose(lost.plusDays(1),
                LossReason.OTHER, new SourceRecord("b4", "r1"), NOW));
        assertEquals(ErrorCodes.QUALIFICATION_LOST, again.code());
        var change = assertThrows(RecordRejectedException.class, () -> qualification.change(lost.plusDays(1),
                TWENTY, new SourceRecord("b4", "r1"), NOW));
        assertEquals(ErrorCodes.QUALIFICATION_LOST, change.code());
    }

    @Test
    void aLossOnOrBeforeTheAcquisitionIsRefused() {
        for (LocalDate date : new LocalDate[] {ACQUIRED, ACQUIRED.minusDays(1)}) {
            var e = assertThrows(RecordRejectedException.class, () -> qualification.lose(date, LossReason.OTHER,
                    new SourceRecord("b3", "r1"), NOW));
            assertEquals(ErrorCodes.LOSS_BEFORE_ACQUISITION, e.code());
        }
        assertTrue(qualification.isOpen());
    }

    @Test
    void aCorrectionReplacesAVersionAndKeepsTheWrongOneVisible() throws Exception {
        LocalDate change = LocalDate.of(2025, 4, 1);
        qualification.change(change, TWENTY, new SourceRecord("b2", "r1"), NOW);
        VersionAttributes fixed = new VersionAttributes(Relationship.SELF, "山田太郎", "ヤマダタロウ", 10, null, null, null,
                null, null, null);
        qualification.correct(qualification.currentVersionFrom(ACQUIRED), fixed, new SourceRecord("b3", "r1"), NOW);

        assertEquals(10, qualification.versionOn(ACQUIRED).orElseThrow().copayRatio());
        assertEquals(change, qualification.versionOn(ACQUIRED).orElseThrow().validTo());
        assertEquals(20, qualification.versionOn(change).orElseThrow().copayRatio());
        assertEquals(3, qualification.versions().size());
        assertEquals(1, qualification.versions().stream().filter(v -> !v.isCurrent()).count());
        assertEquals(30, qualification.versions().stream().filter(v -> !v.isCurrent()).findFirst().orElseThrow()
                .copayRatio());

        var missing = assertThrows(RecordRejectedException.class,
                () -> qualification.currentVersionFrom(LocalDate.of(2024, 5, 1)));
        assertEquals(ErrorCodes.VERSION_NOT_FOUND, missing.code());
    }

    /** 未就学: 20 % until the March 31 after the child reaches 6, unless the recorded ratio is lower. */
    @Test
    void aPreschoolChildPays20PercentUnlessTheRecordedRatioIsLower() throws Exception {
        Insurer insurer = new Insurer(InsurerNumber.parse("06130017"), "健保", "ケンポ", null, NOW, "t");
        LocalDate born = LocalDate.of(2019, 4, 2); // reaches 6 on 2025-04-01: school from April 2026
        Person child = new Person("LK-CHILD", born, Sex.FEMALE, NOW);
        Qualification family = Qualification.acquire(child, insurer,
                new AssignedNumber(NumberingRuleKind.HOUSEHOLD_BRANCH, null, "02"), "東京", "1234", born, THIRTY,
                new SourceRecord("b1", "r2"), NOW);
        QualificationVersion version = family.versionOn(born).orElseThrow();
        assertEquals(20, version.copayRatioOn(born));
        assertEquals(20, version.copayRatioOn(LocalDate.of(2026, 3, 31)), "the last day before school");
        assertEquals(30, version.copayRatioOn(LocalDate.of(2026, 4, 1)), "at school: the recorded ratio");
        assertEquals(30, version.copayRatio(), "the recorded ratio itself is kept");

        family.change(LocalDate.of(2020, 4, 1), new VersionAttributes(Relationship.SELF, "山田花子", "ヤマダハナコ", 10,
                null, null, null, null, null, null), new SourceRecord("b2", "r2"), NOW);
        assertEquals(10, family.versionOn(LocalDate.of(2020, 4, 1)).orElseThrow().copayRatioOn(
                LocalDate.of(2020, 4, 1)), "a lower recorded ratio stays");
    }
}
