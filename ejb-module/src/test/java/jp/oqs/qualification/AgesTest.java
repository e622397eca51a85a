package jp.oqs.qualification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AgesTest {

    @Test
    void fullYearsCountFromTheBirthday() {
        LocalDate born = LocalDate.of(1955, 5, 10);
        assertEquals(69, Ages.on(born, LocalDate.of(2025, 5, 9)));
        assertEquals(70, Ages.on(born, LocalDate.of(2025, 5, 10)));
        assertEquals(74, Ages.on(born, LocalDate.of(2030, 5, 9)));
        assertEquals(75, Ages.on(born, LocalDate.of(2030, 5, 10)));
    }

    @Test
    void preschoolUntilTheMarch31AfterReachingSix() {
        LocalDate aprilSecond = LocalDate.of(2019, 4, 2); // reaches 6 on 2025-04-01: school from April 2026
        assertTrue(Ages.preschoolOn(aprilSecond, LocalDate.of(2026, 3, 31)));
        assertFalse(Ages.preschoolOn(aprilSecond, LocalDate.of(2026, 4, 1)));
        LocalDate aprilFirst = LocalDate.of(2019, 4, 1); // reaches 6 on 2025-03-31: school from April 2025
        assertTrue(Ages.preschoolOn(aprilFirst, LocalDate.of(2025, 3, 31)));
        assertFalse(Ages.preschoolOn(aprilFirst, LocalDate.of(2025, 4, 1)));
        assertTrue(Ages.preschoolOn(aprilFirst, aprilFirst));
        assertFalse(Ages.preschoolOn(aprilFirst, aprilFirst.minusDays(1)));
    }
}
