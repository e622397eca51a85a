package jp.oqs.identifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jp.oqs.api.error.ErrorCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MedicalInstitutionCodeTest {

    @Test
    void acceptsTheWorkedExample() throws Exception {
        MedicalInstitutionCode code = MedicalInstitutionCode.parse("0110113719");
        assertEquals("0110113719", code.value());
        assertEquals(MedicalInstitutionCode.PointTable.MEDICAL, code.pointTable());
    }

    @Test
    void rejectsAWrongCheckDigit() {
        var e = assertThrows(InvalidIdentifierException.class, () -> MedicalInstitutionCode.parse("0110113718"));
        assertEquals(ErrorCodes.INVALID_MEDICAL_INSTITUTION_CODE, e.code());
        assertTrue(e.hint().contains("expected 9, got 8"), e.hint());
    }

    @Test
    void rejectsAnUnknownPointTable() {
        // digit 3 is 2: not 医科, 歯科 or 調剤
        var e = assertThrows(InvalidIdentifierException.class, () -> MedicalInstitutionCode.parse("0120113719"));
        assertTrue(e.hint().contains("点数表"), e.hint());
    }

    @Test
    void rejectsAnUnknownPrefecture() {
        var e = assertThrows(InvalidIdentifierException.class, () -> MedicalInstitutionCode.parse("4810113719"));
        assertTrue(e.hint().contains("都道府県"), e.hint());
    }

    @ParameterizedTest
    @ValueSource(strings = {"011011371", "01101137190", "01101137l9", ""})
    void rejectsTheWrongForm(String raw) {
        var e = assertThrows(InvalidIdentifierException.class, () -> MedicalInstitutionCode.parse(raw));
        assertTrue(e.hint().contains("format"), e.hint());
    }
}
