package jp.oqs.numbering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import jp.oqs.api.insurer.CharacterClass;
import jp.oqs.api.insurer.CheckDigitScheme;
import org.junit.jupiter.api.Test;

class IndividualNumbersTest {

    @Test
    void centralNumbersHaveSixteenDigitsAValidCheckDigitAndNeverStartWithZero() {
        Random random = new Random(20261201L);
        for (int i = 0; i < 200_000; i++) {
            String number = IndividualNumbers.central(random);
            assertEquals(16, number.length());
            assertTrue(IndividualNumbers.isValidCentral(number), number);
            assertTrue(number.charAt(0) != '0', () -> "a central number never looks like a padded 後期 number: "
                    + number);
        }
    }

    @Test
    void centralNumberBodiesAreUniformlySpread() {
        // each of the 15 body positions: digit counts over 20,000 draws; chi-square with 9 degrees of freedom
        // stays below 27.9 (p = 0.001) for a uniform source; the first digit is 1-9 (8 degrees, 26.1)
        Random random = new Random(7L);
        int draws = 20_000;
        long[][] counts = new long[15][10];
        for (int i = 0; i < draws; i++) {
            String number = IndividualNumbers.central(random);
            for (int position = 0; position < 15; position++) {
                counts[position][number.charAt(position) - '0']++;
            }
        }
        assertEquals(0, counts[0][0]);
        for (int position = 0; position < 15; position++) {
            int first = position == 0 ? 1 : 0;
            double expected = (double) draws / (10 - first);
            double chiSquare = 0;
            for (int digit = first; digit < 10; digit++) {
                chiSquare += Math.pow(counts[position][digit] - expected, 2) / expected;
            }
            assertTrue(chiSquare < (position == 0 ? 26.1 : 27.9), "position " + position + ": " + chiSquare);
        }
    }

    @Test
    void aCorruptedCentralNumberFailsItsCheck() {
        String number = IndividualNumbers.central(new Random(3L));
        char last = number.charAt(15);
        String wrong = number.substring(0, 15) + (char) ('0' + (last - '0' + 1) % 10);
        assertTrue(!IndividualNumbers.isValidCentral(wrong));
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
