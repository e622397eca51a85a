package jp.oqs.numbering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import jp.oqs.api.insurer.CharacterClass;
import jp.oqs.api.insurer.CheckDigitScheme;
import org.junit.jupiter.api.Test;

class IndividualNumbersTest {

    @Test
    void centralNumbersHaveSixteenDigitsAValidCheckDigitAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (long counter = 0; counter < 200_000; counter++) {
            String number = IndividualNumbers.central(counter);
            assertEquals(16, number.length());
            assertTrue(IndividualNumbers.isValidCentral(number), number);
            assertTrue(seen.add(number), () -> "repeated " + number);
        }
    }

    @Test
    void consecutiveCountersDoNotGiveConsecutiveNumbers() {
        long a = Long.parseLong(IndividualNumbers.central(41).substring(0, 15));
        long b = Long.parseLong(IndividualNumbers.central(42).substring(0, 15));
        assertTrue(Math.abs(b - a) > 1000, a + " " + b);
    }

    @Test
    void aCorruptedCentralNumberFailsItsCheck() {
        String number = IndividualNumbers.central(7);
        char last = number.charAt(15);
        String wrong = number.substring(0, 15) + (char) ('0' + (last - '0' + 1) % 10);
        assertTrue(!IndividualNumbers.isValidCentral(wrong));
        assertThrows(IllegalArgumentException.class, () -> IndividualNumbers.central(-1));
    }

    @Test
    void insurerRuleNumbersAreCheckedAgainstTheRegisteredFormat() {
        // 123456 + Luhn: 6*2=12→3, 5, 4*2=8, 3, 2*2=4, 1 → 24 → 6
        assertNull(IndividualNumbers.formatViolation("1234566", 7, CharacterClass.DIGITS, CheckDigitScheme.LUHN));
        assertTrue(IndividualNumbers.formatViolation("1234567", 7, CharacterClass.DIGITS, CheckDigitScheme.LUHN)
                .contains("expected 6, got 7"));
        assertTrue(IndividualNumbers.formatViolation("123456", 7, CharacterClass.DIGITS, CheckDigitScheme.NONE)
                .contains("7 characters"));
        assertTrue(IndividualNumbers.formatViolation("12A4566", 7, CharacterClass.DIGITS, CheckDigitScheme.NONE)
                .contains("digits"));
        assertNull(IndividualNumbers.formatViolation("AB12CD", 6, CharacterClass.UPPER_ALPHANUMERIC,
                CheckDigitScheme.NONE));
        assertTrue(IndividualNumbers.formatViolation("ab12cd", 6, CharacterClass.UPPER_ALPHANUMERIC,
                CheckDigitScheme.NONE).contains("upper-case"));
        // 1234567 + MOD11 → 4
        assertNull(IndividualNumbers.formatViolation("12345674", 8, CharacterClass.DIGITS, CheckDigitScheme.MOD11));
        assertTrue(IndividualNumbers.formatViolation(null, 8, CharacterClass.DIGITS, CheckDigitScheme.MOD11)
                .contains("required"));
    }

    @Test
    void lateElderlyNumbersArePaddedToSixteen() {
        assertEquals("0000000012345678", IndividualNumbers.lateElderlyPadded("12345678"));
        assertNull(IndividualNumbers.lateElderlyPadded("1234567"));
        assertNull(IndividualNumbers.lateElderlyPadded("1234567X"));
    }

    @Test
    void branchNumbersAreTwoDigitStringsKeepingTheLeadingZero() {
        assertEquals("01", IndividualNumbers.nextBranch(null));
        assertEquals("10", IndividualNumbers.nextBranch("09"));
        assertNull(IndividualNumbers.nextBranch("99"));
        assertTrue(IndividualNumbers.isBranchNumber("05"));
        assertTrue(!IndividualNumbers.isBranchNumber("5"));
        assertTrue(!IndividualNumbers.isBranchNumber("０５"));
    }
}
