package jp.oqs.qualification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.oqs.api.sync.SpecificDisease;
import jp.oqs.api.sync.SpecificDiseaseCategory;

/**
 * A version's 特定疾病療養受療証 in one column (at most three, one per category): written with the version in the
 * same insert, read with it, so neither a sync batch nor a bulk chunk runs a query more per version. Each
 * certificate is {@code category,issuedOn,validFrom,validTo,selfPayLimit}; certificates are separated by
 * {@code ;}. None is {@code NULL}.
 */
final class SpecificDiseasesColumn {

    private SpecificDiseasesColumn() {
    }

    static String write(List<SpecificDisease> diseases) {
        if (diseases == null || diseases.isEmpty()) {
            return null;
        }
        StringBuilder column = new StringBuilder();
        for (SpecificDisease disease : diseases) {
            column.append(column.isEmpty() ? "" : ";").append(disease.category().name()).append(',')
                    .append(disease.issuedOn()).append(',').append(disease.validFrom()).append(',')
                    .append(disease.validTo()).append(',').append(disease.selfPayLimit());
        }
        return column.toString();
    }

    static List<SpecificDisease> read(String column) {
        if (column == null || column.isEmpty()) {
            return List.of();
        }
        List<SpecificDisease> diseases = new ArrayList<>();
        for (String certificate : column.split(";")) {
            String[] part = certificate.split(",");
            diseases.add(new SpecificDisease(SpecificDiseaseCategory.valueOf(part[0]), LocalDate.parse(part[1]),
                    LocalDate.parse(part[2]), LocalDate.parse(part[3]), Integer.valueOf(part[4])));
        }
        return List.copyOf(diseases);
    }
}
