package jp.oqs.identifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CheckDigitsTest {

    @Test
    void luhnFollowsTheWorkedExample() {
        // 3312001 → 6,3,2,2,0,0,2 → 15 → 5
        assertEquals(5, CheckDigits.luhn("3312001"));
        assertEquals(2, CheckDigits.luhn("0113001"));
        assertEquals(8, CheckDigits.luhn("3913100"));
        assertEquals(5, CheckDigits.luhn("13104"));
        assertEquals(9, CheckDigits.luhn("011011371"));
    }

    @Test
    void luhnOfASumThatIsAMultipleOfTenIsZero() {
        // 5 → doubled 10 → 1+0 = 1 → 9; 91 → 1*2 + 9 = 11 → 9; 55 → 5*2=10→1, +5 = 6 → 4
        assertEquals(9, CheckDigits.luhn("5"));
        assertEquals(0, CheckDigits.luhn("0"));
        assertEquals(4, CheckDigits.luhn("55"));
    }

    @Test
    void mod11UsesWeightsTwoToSevenFromTheRight() {
        // 123456: 6*2 + 5*3 + 4*4 + 3*5 + 2*6 + 1*7 = 77 → 77 mod 11 = 0 → 11 → 0
        assertEquals(0, CheckDigits.mod11("123456"));
        // 1234567: 7*2+6*3+5*4+4*5+3*6+2*7+1*2 = 106 → 106 mod 11 = 7 → 4
        assertEquals(4, CheckDigits.mod11("1234567"));
    }

    @Test
    void onlyAsciiDigitsAreDigits() {
        assertTrue(CheckDigits.allDigits("0123456789"));
        assertFalse(CheckDigits.allDigits(""));
        assertFalse(CheckDigits.allDigits("１２"));
        assertThrows(IllegalArgumentException.class, () -> CheckDigits.luhn("12a"));
    }
}
