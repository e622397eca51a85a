package jp.oqs.identifier;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MyNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"123456789018", "1234-5678-9018", "1234 5678 9018", "１２３４５６７８９０１８",
            "１２３４－５６７８－９０１８", "1234\u30005678\u30009018", "1234\u20105678\u20139018", "1234ー5678ー9018",
            "1234\u22125678\u22129018", "１２３４ｰ５６７８ｰ９０１８", "\t123456789018\n"})
    void twelveDigitsInAnyWidthWithAnySeparatorAreAMyNumber(String value) {
        assertTrue(MyNumbers.looksLikeMyNumber(value), value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345678901", "1234567890123", "LK-0000001", "１２３４５６７８９０１", "abcdefghijkl",
            "12345678901A"})
    void otherValuesAreNot(String value) {
        assertFalse(MyNumbers.looksLikeMyNumber(value), value);
    }
}
