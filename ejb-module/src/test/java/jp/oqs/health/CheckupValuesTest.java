package jp.oqs.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    private static CheckupValue value(CheckupItem item, String value, String unit) {
        return new CheckupValue(item.code(), value, unit);
    }

    private static RecordRejectedException rejected(CheckupValue... values) {
        return assertThrows(RecordRejectedException.class, () -> CheckupValues.checked(List.of(values)));
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
        assertEquals(ErrorCodes.CHECKUP_VALUE_INVALID, rejected(value(CheckupItem.SMOKING, "3", null)).code());
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
    void anUnknownCodeIsKeptAsSentAndShownWithoutAFlag() throws Exception {
        List<CheckupEntry> entries = CheckupValues.checked(List.of(new CheckupValue("9Z999000000000001", "陰性",
                null)));
        CheckupItemView view = HealthViews.item(entries.get(0), false);
        assertNull(view.item());
        assertEquals("陰性", view.value());
        assertNull(view.referenceRange());
        assertNull(view.outOfRange());
    }

    @Test
    void theFlagFollowsTheReferenceRangeAndTheWaistDependsOnSex() throws Exception {
        CheckupEntry waist = CheckupValues.checked(List.of(value(CheckupItem.WAIST, "87.0", "cm"))).get(0);
        assertEquals(Boolean.TRUE, HealthViews.item(waist, false).outOfRange(), "85 cm and above for men");
        assertEquals(Boolean.FALSE, HealthViews.item(waist, true).outOfRange(), "90 cm and above for women");
        CheckupEntry bmi = CheckupValues.checked(List.of(value(CheckupItem.BMI, "18.4", "kg/m2"))).get(0);
        assertEquals("18.5〜24.9", HealthViews.item(bmi, false).referenceRange());
        assertEquals(Boolean.TRUE, HealthViews.item(bmi, false).outOfRange());
        CheckupEntry protein = CheckupValues.checked(List.of(value(CheckupItem.URINE_PROTEIN, "1", null))).get(0);
        assertEquals("−", HealthViews.item(protein, false).display());
        assertEquals(Boolean.FALSE, HealthViews.item(protein, false).outOfRange());
    }

    private static List<CheckupEntry> assertDoesNotReject(CheckupValue... values) {
        try {
            return CheckupValues.checked(List.of(values));
        } catch (RecordRejectedException e) {
            throw new AssertionError("rejected: " + e.getMessage(), e);
        }
    }
}
