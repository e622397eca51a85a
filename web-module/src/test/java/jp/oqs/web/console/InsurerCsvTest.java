package jp.oqs.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class InsurerCsvTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+2", "+1", "-1", "@SUM(A1)", "\tcmd", "\rcmd", "\ncmd", "＝1+2", "＋1", "－1", "＠SUM(A1)",
            "\u2212" + "1"})
    void aCellThatASpreadsheetCouldRunIsNeutralised(String text) {
        assertEquals("\"'" + text + "\"", InsurerCsv.cell(text));
    }

    @Test
    void ordinaryCellsAreOnlyQuoted() {
        assertEquals("\"全国健康保険協会\"", InsurerCsv.cell("全国健康保険協会"));
        assertEquals("\"a \"\"b\"\" =c\"", InsurerCsv.cell("a \"b\" =c"));
        assertEquals("\"01130012\"", InsurerCsv.cell("01130012"));
        assertEquals("", InsurerCsv.cell(null));
    }
}
