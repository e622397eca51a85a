package jp.oqs.qualification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import jp.oqs.api.sync.SpecificDisease;
import jp.oqs.api.sync.SpecificDiseaseCategory;
import org.junit.jupiter.api.Test;

class SpecificDiseasesColumnTest {

    @Test
    void certificatesRoundTripThroughTheColumnAndNoneIsNull() {
        List<SpecificDisease> diseases = List.of(
                new SpecificDisease(SpecificDiseaseCategory.CHRONIC_RENAL_FAILURE, LocalDate.of(2024, 3, 20),
                        LocalDate.of(2024, 4, 1), LocalDate.of(2027, 3, 31), 20_000),
                new SpecificDisease(SpecificDiseaseCategory.HIV_FROM_BLOOD_PRODUCTS, LocalDate.of(2025, 1, 5),
                        LocalDate.of(2025, 2, 1), LocalDate.of(2026, 1, 31), 10_000));
        String column = SpecificDiseasesColumn.write(diseases);
        assertEquals("CHRONIC_RENAL_FAILURE,2024-03-20,2024-04-01,2027-03-31,20000;"
                + "HIV_FROM_BLOOD_PRODUCTS,2025-01-05,2025-02-01,2026-01-31,10000", column);
        assertEquals(diseases, SpecificDiseasesColumn.read(column));
        assertNull(SpecificDiseasesColumn.write(List.of()));
        assertEquals(List.of(), SpecificDiseasesColumn.read(null));
    }
}
