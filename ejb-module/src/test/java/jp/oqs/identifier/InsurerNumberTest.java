package jp.oqs.identifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.insurer.InsurerCategory;
import jp.oqs.api.insurer.ManagingOrganisation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class InsurerNumberTest {

    @ParameterizedTest
    @CsvSource({
            "33120015, 33120015, MUTUAL_AID, SSK, 12",
            "01130012, 01130012, KYOKAI_KENPO, SSK, 13",
            "39131008, 39131008, LATE_ELDERLY, KOKUHO_CHUOKAI, 13",
            "131045, 00131045, MUNICIPAL_NHI, KOKUHO_CHUOKAI, 13",
            "00131045, 00131045, MUNICIPAL_NHI, KOKUHO_CHUOKAI, 13",
            "06130017, 06130017, HEALTH_INSURANCE_SOCIETY, SSK, 13"})
    void acceptsTheWorkedExamples(String raw, String eight, InsurerCategory category,
                                  ManagingOrganisation organisation, String prefecture) throws Exception {
        InsurerNumber number = InsurerNumber.parse(raw);
        assertEquals(eight, number.value());
        assertEquals(category, number.category());
        assertEquals(organisation, number.managingOrganisation());
        assertEquals(prefecture, number.prefectureCode());
    }

    @Test
    void sixDigitNumbersArePrintedWithSixDigits() throws Exception {
        assertEquals("131045", InsurerNumber.parse("131045").printed());
        assertEquals("01130012", InsurerNumber.parse("01130012").printed());
    }

    @Test
    void kokuhoAssociationsAreTheThreeHundredSeries() throws Exception {
        // 13 + 301 + check: body 13301 → 1*2 + 0 + 3*2 + 3 + 1*2 = 13 → check 7
        assertEquals(InsurerCategory.NHI_ASSOCIATION, InsurerNumber.parse("133017").category());
    }

    @Test
    void rejectsAWrongCheckDigitNamingTheExpectedOne() {
        var e = assertThrows(InvalidIdentifierException.class, () -> InsurerNumber.parse("33120016"));
        assertEquals(ErrorCodes.INVALID_INSURER_NUMBER, e.code());
        assertTrue(e.hint().contains("検証番号"), e.hint());
        assertTrue(e.hint().contains("expected 5, got 6"), e.hint());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567", "123456789", "3312001A", "３３１２００１５", " 33120015"})
    void rejectsTheWrongFormNamingTheFormatRule(String raw) {
        var e = assertThrows(InvalidIdentifierException.class, () -> InsurerNumber.parse(raw));
        assertTrue(e.hint().startsWith("insurerNumber format"), e.hint());
    }

    @ParameterizedTest
    @NullAndEmptySource
    void requiresANumber(String raw) {
        var e = assertThrows(InvalidIdentifierException.class, () -> InsurerNumber.parse(raw));
        assertTrue(e.hint().contains("required"), e.hint());
    }

    @Test
    void rejectsAnUnknownHoubetsu() {
        var e = assertThrows(InvalidIdentifierException.class, () -> InsurerNumber.parse("99130010"));
        assertTrue(e.hint().contains("法別番号"), e.hint());
    }

    @Test
    void rejectsAnUnknownPrefecture() {
        var e = assertThrows(InvalidIdentifierException.class, () -> InsurerNumber.parse("01480010"));
        assertTrue(e.hint().contains("都道府県番号"), e.hint());
    }
}
