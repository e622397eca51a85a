package jp.oqs.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.health.CheckupItem;
import jp.oqs.api.health.CheckupItemView;
import jp.oqs.api.health.CheckupValue;
import jp.oqs.qualification.RecordRejectedException;
import org.junit.jupiter.api.Test;

/** The standard's table and the checks and flags derived from it. */
class CheckupValuesTest {

    /** A check-up day under the 2024 questionnaire, and one under the former. */
    private static final LocalDate DAY = LocalDate.of(2025, 6, 2);
    private static final LocalDate BEFORE_2024 = LocalDate.of(2024, 3, 31);

    private static CheckupValue value(CheckupItem item, String value, String unit) {
        return new CheckupValue(item.code(), value, unit);
    }

    private static RecordRejectedException rejected(CheckupValue... values) {
        return assertThrows(RecordRejectedException.class, () -> CheckupValues.checked(List.of(values), DAY));
    }

    @Test
    void everyItemHasAUniqueSeventeenCharacterCodeAndMeasurementsAUnitAndARange() {
        Set<String> codes = Arrays.stream(CheckupItem.values()).map(CheckupItem::code).collect(Collectors.toSet());
        assertEquals(CheckupItem.values().length, codes.size());
        for (CheckupItem item : CheckupItem.values()) {
            assertEquals(17, item.code().length(), item.name());
            assertEquals(item, CheckupItem.ofCode(item.code()).orElseThrow());
            if (!item.coded()) {
                assertTrue(item.unit() != null && item.validLow().compareTo(item.validHigh()) < 0, item.name());
            }
        }
    }

    @Test
    void aMeasurementOutsideItsRangeIsRejectedNamingItemValueAndRange() {
        RecordRejectedException e = rejected(value(CheckupItem.SYSTOLIC_BLOOD_PRESSURE, "301", "mmHg"));
        assertEquals(ErrorCodes.CHECKUP_VALUE_OUT_OF_RANGE, e.code());
        assertTrue(e.getMessage().contains("収縮期血圧") && e.getMessage().contains("301")
                && e.getMessage().contains("50〜300"), e.getMessage());
        assertEquals(1, assertDoesNotReject(value(CheckupItem.SYSTOLIC_BLOOD_PRESSURE, "300", "mmHg")).size(),
                "the range's ends are accepted");
    }

    @Test
    void aWrongUnitOrAMissingOneOrNotANumberIsRejected() {
        assertEquals(ErrorCodes.CHECKUP_VALUE_INVALID, rejected(value(CheckupItem.HBA1C, "5.6", "mmol/mol")).code());
        assertEquals(ErrorCodes.CHECKUP_VALUE_INVALID, rejected(value(CheckupItem.HBA1C, "5.6", null)).code());
        assertEquals(ErrorCodes.CHECKUP_VALUE_INVALID, rejected(value(CheckupItem.HBA1C, "5,6", "%")).code());
        assertEquals(ErrorCodes.CHECKUP_VALUE_INVALID, rejected(value(CheckupItem.SMOKING, "4", null)).code());
        assertEquals(ErrorCodes.CHECKUP_VALUE_INVALID, rejected(value(CheckupItem.SMOKING, "1", "回")).code());
    }

    @Test
    void aCodeTwiceOrDiastolicNotBelowSystolicIsRejected() {
        assertEquals(ErrorCodes.RECORD_INVALID, rejected(value(CheckupItem.WEIGHT, "60", "kg"),
                value(CheckupItem.WEIGHT, "61", "kg")).code());
        assertEquals(ErrorCodes.CHECKUP_VALUE_OUT_OF_RANGE, rejected(
                value(CheckupItem.SYSTOLIC_BLOOD_PRESSURE, "90", "mmHg"),
                value(CheckupItem.DIASTOLIC_BLOOD_PRESSURE, "90", "mmHg")).code());
    }

    @Test
    void theQuestionnaireAnswersAreThoseOfTheCheckupsDay() throws Exception {
        CheckupEntry drinking = CheckupValues.checked(List.of(value(CheckupItem.DRINKING, "2", null)), DAY).get(0);
        assertEquals("週5〜6日", HealthViews.item(drinking, DAY, false).display(), "2024 questionnaire");
        assertEquals("時々", HealthViews.item(drinking, BEFORE_2024, false).display(), "the former questionnaire");
        assertEquals(1, CheckupValues.checked(List.of(value(CheckupItem.DRINKING, "8", null)), DAY).size());
        assertEquals(ErrorCodes.CHECKUP_VALUE_INVALID, assertThrows(RecordRejectedException.class,
                () -> CheckupValues.checked(List.of(value(CheckupItem.DRINKING, "8", null)), BEFORE_2024)).code());
        CheckupEntry smoking = CheckupValues.checked(List.of(value(CheckupItem.SMOKING, "3", null)), DAY).get(0);
        assertEquals("いいえ", HealthViews.item(smoking, DAY, false).display());
        assertEquals(ErrorCodes.CHECKUP_VALUE_INVALID, assertThrows(RecordRejectedException.class,
                () -> CheckupValues.checked(List.of(value(CheckupItem.SMOKING, "3", null)), BEFORE_2024)).code());
        assertEquals("以前は吸っていたが最近1ヶ月間は吸っていない", HealthViews.item(
                CheckupValues.checked(List.of(value(CheckupItem.SMOKING, "2", null)), DAY).get(0), DAY, false)
                .display());
        assertEquals("遅い", HealthViews.item(CheckupValues.checked(List.of(value(CheckupItem.EATING_SPEED, "3", null)),
                DAY).get(0), DAY, false).display());
    }

    @Test
    void anUnknownCodeIsKeptAsSentAndShownWithoutAFlag() throws Exception {
        List<CheckupEntry> entries = CheckupValues.checked(List.of(new CheckupValue("9Z999000000000001", "陰性",
                null)), DAY);
        CheckupItemView view = HealthViews.item(entries.get(0), DAY, false);
        assertNull(view.item());
        assertEquals("陰性", view.value());
        assertNull(view.referenceRange());
        assertNull(view.outOfRange());
    }

    /**
     * The standard writes its judgement values as 「以上」 (HDL 「40未満」): the value itself is flagged, one just under it
     * is not. Each row: item, the last value not flagged, the first flagged.
     */
    @Test
    void theJudgementValueItselfIsFlagged() throws Exception {
        String[][] rows = {
                {"BMI", "24.9", "25"}, {"SYSTOLIC_BLOOD_PRESSURE", "129.9", "130"},
                {"DIASTOLIC_BLOOD_PRESSURE", "84.9", "85"}, {"FASTING_BLOOD_SUGAR", "99.9", "100"},
                {"HBA1C", "5.59", "5.6"}, {"TRIGLYCERIDES", "149.9", "150"}, {"LDL_CHOLESTEROL", "119.9", "120"},
                {"AST", "30.9", "31"}, {"ALT", "30.9", "31"}, {"GAMMA_GT", "50.9", "51"},
                {"HDL_CHOLESTEROL", "40", "39.9"}, {"WAIST", "84.9", "85"}};
        for (String[] row : rows) {
            CheckupItem item = CheckupItem.valueOf(row[0]);
            assertEquals(Boolean.FALSE, flag(item, row[1], false), item + " " + row[1]);
            assertEquals(Boolean.TRUE, flag(item, row[2], false), item + " " + row[2]);
        }
        assertEquals(Boolean.FALSE, flag(CheckupItem.WAIST, "89.9", true), "90 cm and above for women");
        assertEquals(Boolean.TRUE, flag(CheckupItem.WAIST, "90", true));
        assertEquals(Boolean.FALSE, flag(CheckupItem.BMI, "18.4", false), "the standard has no lower BMI value");
        assertEquals("130未満", view(CheckupItem.SYSTOLIC_BLOOD_PRESSURE, "120", false).referenceRange());
        assertEquals("40以上", view(CheckupItem.HDL_CHOLESTEROL, "50", false).referenceRange());
        assertEquals("90未満", view(CheckupItem.WAIST, "80", true).referenceRange());
        CheckupEntry protein = CheckupValues.checked(List.of(value(CheckupItem.URINE_PROTEIN, "1", null)), DAY).get(0);
        assertEquals("−", HealthViews.item(protein, DAY, false).display());
        assertEquals(Boolean.FALSE, HealthViews.item(protein, DAY, false).outOfRange());
    }

    private static Boolean flag(CheckupItem item, String value, boolean female) throws Exception {
        return view(item, value, female).outOfRange();
    }

    private static CheckupItemView view(CheckupItem item, String value, boolean female) throws Exception {
        CheckupEntry entry = CheckupValues.checked(List.of(value(item, value, item.unit())), DAY).get(0);
        return HealthViews.item(entry, DAY, female);
    }

    private static List<CheckupEntry> assertDoesNotReject(CheckupValue... values) {
        try {
            return CheckupValues.checked(List.of(values), DAY);
        } catch (RecordRejectedException e) {
            throw new AssertionError("rejected: " + e.getMessage(), e);
        }
    }
}
