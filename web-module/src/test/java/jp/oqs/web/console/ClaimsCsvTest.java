package jp.oqs.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import jp.oqs.api.claims.Claim;
import jp.oqs.api.sync.Relationship;
import org.junit.jupiter.api.Test;

class ClaimsCsvTest {

    private static List<Claim> parse(String text, int max) throws Exception {
        return ClaimsCsv.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
    }

    @Test
    void readsTheLayoutWithQuotesBomAndEmptyCells() throws Exception {
        List<Claim> claims = parse("\uFEFF" + ClaimsCsv.HEADER + "\r\n"
                + "\"a, \"\"b\"\"\",0110113719,2025-05,2025-05-02 2025-05-20,06130017,東京,1,01,,1980-05-05,DEPENDENT,true\r\n"
                + "\n"
                + "c,0110113719,2025-05,2025-05-03,06130017,,,,1234,1980-05-05,,\n", 10);
        assertEquals(new Claim("a, \"b\"", "0110113719", "2025-05", List.of(LocalDate.of(2025, 5, 2),
                LocalDate.of(2025, 5, 20)), "06130017", "東京", "1", "01", null, LocalDate.of(1980, 5, 5),
                Relationship.DEPENDENT, true), claims.get(0));
        assertEquals(new Claim("c", "0110113719", "2025-05", List.of(LocalDate.of(2025, 5, 3)), "06130017", null, null,
                null, "1234", LocalDate.of(1980, 5, 5), null, false), claims.get(1));
    }

    @Test
    void aFileOutOfTheLayoutIsRefusedWithItsLine() {
        String line = "c,0110113719,2025-05,2025-05-03,06130017,,,,1234,1980-05-05,,\n";
        assertEquals(1, assertThrows(ClaimsCsv.LayoutException.class, () -> parse("claimId,x\n" + line, 10)).line());
        assertEquals(3, assertThrows(ClaimsCsv.LayoutException.class, () -> parse(ClaimsCsv.HEADER + "\n" + line
                + "c,0110113719,2025-05,2025-05-3,06130017,,,,1234,1980-05-05,,\n", 10)).line(), "a bad date");
        assertEquals(2, assertThrows(ClaimsCsv.LayoutException.class, () -> parse(ClaimsCsv.HEADER + "\n"
                + "c,\"open,2025-05\n", 10)).line(), "an unclosed quote");
        assertEquals(2, assertThrows(ClaimsCsv.LayoutException.class, () -> parse(ClaimsCsv.HEADER + "\n"
                + "c,1,2\n", 10)).line(), "too few columns");
        assertEquals(3, assertThrows(ClaimsCsv.LayoutException.class, () -> parse(ClaimsCsv.HEADER + "\n" + line
                + line, 1)).line(), "more claims than allowed");
        assertEquals(0, assertThrows(ClaimsCsv.LayoutException.class, () -> parse(ClaimsCsv.HEADER + "\n", 10))
                .line(), "no claims");
        assertEquals(2, assertThrows(ClaimsCsv.LayoutException.class, () -> parse(ClaimsCsv.HEADER + "\n"
                + line.replace(",,\n", ",MOTHER,\n"), 10)).line(), "an unknown relationship");
    }
}
