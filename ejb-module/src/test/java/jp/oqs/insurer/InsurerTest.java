package jp.oqs.insurer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.insurer.CharacterClass;
import jp.oqs.api.insurer.CheckDigitScheme;
import jp.oqs.api.insurer.InsurerStatus;
import jp.oqs.api.insurer.NumberingRuleKind;
import jp.oqs.api.insurer.NumberingRuleRequest;
import jp.oqs.identifier.InsurerNumber;
import org.junit.jupiter.api.Test;

class InsurerTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");

    private static Insurer insurer(String number) throws Exception {
        return new Insurer(InsurerNumber.parse(number), "テスト保険者", "テストホケンシャ", null, NOW, "staff-1");
    }

    private static NumberingRuleRequest rule(NumberingRuleKind kind, LocalDate from) {
        return new NumberingRuleRequest(kind, from, null, null, null);
    }

    @Test
    void derivesCategoryOrganisationAndPrefectureFromTheNumber() throws Exception {
        Insurer insurer = insurer("131045");
        assertEquals("00131045", insurer.insurerNumber());
        assertEquals("13", insurer.prefectureCode());
        assertEquals(InsurerStatus.ONBOARDING, insurer.status());
    }

    @Test
    void cannotBecomeActiveWithoutARule() throws Exception {
        Insurer insurer = insurer("01130012");
        var e = assertThrows(NumberingRuleException.class, insurer::activate);
        assertEquals(ErrorCodes.NUMBERING_RULE_REQUIRED, e.code());
        assertEquals(InsurerStatus.ONBOARDING, insurer.status());

        insurer.addNumberingRule(rule(NumberingRuleKind.CENTRAL_GENERATED, LocalDate.of(2026, 1, 1)), TODAY, NOW, "s");
        insurer.activate();
        assertEquals(InsurerStatus.ACTIVE, insurer.status());
    }

    @Test
    void aRuleChangeAppliesFromItsDateAndKeepsTheHistory() throws Exception {
        Insurer insurer = insurer("06130017");
        insurer.addNumberingRule(rule(NumberingRuleKind.HOUSEHOLD_BRANCH, LocalDate.of(2021, 4, 1)), TODAY, NOW, "s");
        insurer.addNumberingRule(new NumberingRuleRequest(NumberingRuleKind.INSURER_RULE, LocalDate.of(2027, 4, 1),
                10, CharacterClass.DIGITS, CheckDigitScheme.LUHN), TODAY, NOW, "s");

        assertEquals(NumberingRuleKind.HOUSEHOLD_BRANCH, insurer.numberingRuleOn(TODAY).orElseThrow().kind());
        assertEquals(NumberingRuleKind.HOUSEHOLD_BRANCH,
                insurer.numberingRuleOn(LocalDate.of(2027, 3, 31)).orElseThrow().kind());
        assertEquals(NumberingRuleKind.INSURER_RULE,
                insurer.numberingRuleOn(LocalDate.of(2027, 4, 1)).orElseThrow().kind());
        assertTrue(insurer.numberingRuleOn(LocalDate.of(2021, 3, 31)).isEmpty());
        assertEquals(List.of(LocalDate.of(2021, 4, 1), LocalDate.of(2027, 4, 1)),
                insurer.numberingRules().stream().map(NumberingRule::effectiveFrom).toList());
    }

    @Test
    void aChangeDatedTodayOrInThePastIsRefused() throws Exception {
        Insurer insurer = insurer("06130017");
        insurer.addNumberingRule(rule(NumberingRuleKind.HOUSEHOLD_BRANCH, LocalDate.of(2021, 4, 1)), TODAY, NOW, "s");
        for (LocalDate date : List.of(TODAY, TODAY.minusDays(1))) {
            var e = assertThrows(NumberingRuleException.class, () -> insurer.addNumberingRule(
                    rule(NumberingRuleKind.CENTRAL_GENERATED, date), TODAY, NOW, "s"));
            assertEquals(ErrorCodes.NUMBERING_RULE_DATE_NOT_IN_FUTURE, e.code());
        }
        assertEquals(1, insurer.numberingRules().size());
    }

    @Test
    void aChangeMustComeAfterTheLatestScheduledRule() throws Exception {
        Insurer insurer = insurer("06130017");
        insurer.addNumberingRule(rule(NumberingRuleKind.HOUSEHOLD_BRANCH, LocalDate.of(2021, 4, 1)), TODAY, NOW, "s");
        insurer.addNumberingRule(rule(NumberingRuleKind.CENTRAL_GENERATED, LocalDate.of(2027, 4, 1)), TODAY, NOW, "s");
        var e = assertThrows(NumberingRuleException.class, () -> insurer.addNumberingRule(
                rule(NumberingRuleKind.CENTRAL_GENERATED, LocalDate.of(2027, 1, 1)), TODAY, NOW, "s"));
        assertEquals(ErrorCodes.NUMBERING_RULE_DATE_NOT_AFTER_LATEST, e.code());
    }

    @Test
    void anInsurerRuleNeedsItsFormatAndOtherRulesTakeNone() throws Exception {
        Insurer insurer = insurer("06130017");
        var missing = assertThrows(NumberingRuleException.class, () -> insurer.addNumberingRule(
                new NumberingRuleRequest(NumberingRuleKind.INSURER_RULE, TODAY, 10, null, null), TODAY, NOW, "s"));
        assertEquals(ErrorCodes.INVALID_NUMBERING_RULE, missing.code());
        var extra = assertThrows(NumberingRuleException.class, () -> insurer.addNumberingRule(
                new NumberingRuleRequest(NumberingRuleKind.CENTRAL_GENERATED, TODAY, 10, null, null), TODAY, NOW, "s"));
        assertEquals(ErrorCodes.INVALID_NUMBERING_RULE, extra.code());
        var letters = assertThrows(NumberingRuleException.class, () -> insurer.addNumberingRule(
                new NumberingRuleRequest(NumberingRuleKind.INSURER_RULE, TODAY, 10, CharacterClass.UPPER_ALPHANUMERIC,
                        CheckDigitScheme.LUHN), TODAY, NOW, "s"));
        assertTrue(letters.hint().contains("digits only"), letters.hint());
    }

    @Test
    void lateElderlyPaddingIsForLateElderlyInsurersOnly() throws Exception {
        var e = assertThrows(NumberingRuleException.class, () -> insurer("01130012").addNumberingRule(
                rule(NumberingRuleKind.LATE_ELDERLY_PADDED, TODAY), TODAY, NOW, "s"));
        assertTrue(e.hint().contains("法別 39"), e.hint());
        insurer("39131008").addNumberingRule(rule(NumberingRuleKind.LATE_ELDERLY_PADDED, TODAY), TODAY, NOW, "s");
    }

    @Test
    void lifecycleGoesThroughSuspensionAndEndsInMergerOrDissolution() throws Exception {
        Insurer insurer = insurer("06130017");
        Insurer successor = insurer("01130012");
        for (Insurer each : List.of(insurer, successor)) {
            each.addNumberingRule(rule(NumberingRuleKind.CENTRAL_GENERATED, TODAY), TODAY, NOW, "s");
            each.activate();
        }
        insurer.suspend();
        assertEquals(InsurerStatus.SUSPENDED, insurer.status());
        assertThrows(InsurerLifecycleException.class, insurer::suspend);
        insurer.activate();
        insurer.mergeInto(successor, LocalDate.of(2027, 4, 1));
        assertEquals(InsurerStatus.MERGED, insurer.status());
        assertEquals("01130012", insurer.successorInsurerNumber().orElseThrow());
        assertThrows(InsurerLifecycleException.class, insurer::activate);
        assertThrows(InsurerLifecycleException.class, () -> insurer.dissolve(TODAY));
        assertThrows(InsurerLifecycleException.class, () -> insurer.addNumberingRule(
                rule(NumberingRuleKind.CENTRAL_GENERATED, TODAY.plusDays(10)), TODAY, NOW, "s"));
    }

    @Test
    void aMergerNeedsAnActiveSuccessorOfTheSameOrganisation() throws Exception {
        Insurer insurer = insurer("06130017");
        Insurer kokuho = insurer("131045");
        for (Insurer each : List.of(insurer, kokuho)) {
            each.addNumberingRule(rule(NumberingRuleKind.CENTRAL_GENERATED, TODAY), TODAY, NOW, "s");
            each.activate();
        }
        assertThrows(InsurerLifecycleException.class, () -> insurer.mergeInto(kokuho, TODAY));
        assertThrows(InsurerLifecycleException.class, () -> insurer.mergeInto(insurer, TODAY));
        assertEquals(InsurerStatus.ACTIVE, insurer.status());
    }

    @Test
    void scopesSeparateTheOrganisations() throws Exception {
        Insurer kokuho = insurer("131045");
        AdminScope ssk = AdminScope.staff("ssk-1", jp.oqs.api.insurer.ManagingOrganisation.SSK);
        var e = assertThrows(InsurerOutOfScopeException.class,
                () -> ssk.checkReadable(kokuho.insurerNumber(), kokuho.managingOrganisation()));
        assertEquals(ErrorCodes.INSURER_OUT_OF_SCOPE, e.code());
        AdminScope auditor = AdminScope.auditor("aud-1");
        auditor.checkReadable(kokuho.insurerNumber(), kokuho.managingOrganisation());
        assertThrows(InsurerOutOfScopeException.class,
                () -> auditor.checkChangeable(kokuho.insurerNumber(), kokuho.managingOrganisation()));
    }
}
