package jp.oqs.devtools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import jp.oqs.identifier.CheckDigits;

/**
 * The benchmark's population, computed rather than stored: person {@code i} (0 ≤ i &lt; persons) is a member of
 * insurer {@code i % insurers}, with 記号 {@code 性能}, 番号 {@code i}, 枝番 01 (the insurers use the
 * HOUSEHOLD_BRANCH rule, so the service assigns 01 to the first member of each household), a birth date spread over
 * 68 years and a qualification acquired on 2024-04-01. The loader, the lookup sample, the bulk check and the
 * open-model run all derive their requests from here, so what is looked up is exactly what was loaded.
 */
final class BenchPersons {

    static final String SYMBOL = "性能";
    static final String BRANCH = "01";
    static final LocalDate ACQUIRED = LocalDate.of(2024, 4, 1);
    /** The visit date of every check: after the acquisition, in the past whatever day the harness runs. */
    static final LocalDate VISIT = LocalDate.of(2025, 6, 1);
    private static final LocalDate FIRST_BIRTH = LocalDate.of(1940, 1, 1);
    private static final int BIRTH_DAYS = 25_000;
    private static final String FILE = "population.properties";

    private final List<String> insurers;
    private final int persons;

    BenchPersons(List<String> insurers, int persons) {
        this.insurers = List.copyOf(insurers);
        this.persons = persons;
    }

    /** {@code count} insurers 06-13-9xx (組合健保, 東京), valid 保険者番号 with their 検証番号. */
    static List<String> insurerNumbers(int count) {
        List<String> numbers = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            String body = "0613" + String.format("%03d", 900 + s);
            numbers.add(body + CheckDigits.luhn(body));
        }
        return numbers;
    }

    /** A valid 医療機関コード (東京, 医科) for clinic {@code serial}: the clinics are spread over the audit chains. */
    static String clinicCode(int serial) {
        String body = "131" + String.format("%06d", serial);
        return body + CheckDigits.luhn(body);
    }

    List<String> insurers() {
        return insurers;
    }

    int persons() {
        return persons;
    }

    String insurerOf(int person) {
        return insurers.get(person % insurers.size());
    }

    LocalDate birthOf(int person) {
        return FIRST_BIRTH.plusDays((person * 7919L) % BIRTH_DAYS);
    }

    /** An ACQUIRE sync record of the person (sync API JSON). */
    void appendSyncRecord(StringBuilder json, int person) {
        LocalDate birth = birthOf(person);
        json.append("{\"recordId\":\"r").append(person)
                .append("\",\"operation\":\"ACQUIRE\",\"person\":{\"linkKey\":\"BENCH-").append(person)
                .append("\",\"birthDate\":\"").append(birth)
                .append("\",\"sex\":\"").append(person % 2 == 0 ? "MALE" : "FEMALE")
                .append("\",\"nameKanji\":\"性能太郎\",\"nameKana\":\"セイノウタロウ\"},\"qualification\":{\"symbol\":\"")
                .append(SYMBOL).append("\",\"number\":\"").append(person)
                .append("\",\"relationship\":\"SELF\",\"acquiredOn\":\"").append(ACQUIRED)
                .append("\",\"copayRatio\":30,\"cardIssuedOn\":\"").append(ACQUIRED)
                .append("\",\"cardExpiresOn\":\"").append(ACQUIRED.plusYears(5)).append("\"}}");
    }

    /** The body of a single lookup of the person (eligibility API JSON). */
    String lookupBody(int person) {
        return "{\"insurerNumber\":\"" + insurerOf(person) + "\",\"symbol\":\"" + SYMBOL + "\",\"number\":\"" + person
                + "\",\"branchNumber\":\"" + BRANCH + "\",\"birthDate\":\"" + birthOf(person) + "\",\"asOf\":\""
                + VISIT + "\"}";
    }

    /** A bulk-check entry of the person. */
    void appendBulkEntry(StringBuilder json, String entryId, int person) {
        json.append("{\"entryId\":\"").append(entryId).append("\",\"insurerNumber\":\"").append(insurerOf(person))
                .append("\",\"symbol\":\"").append(SYMBOL).append("\",\"number\":\"").append(person)
                .append("\",\"branchNumber\":\"").append(BRANCH).append("\",\"birthDate\":\"")
                .append(birthOf(person)).append("\",\"serviceDate\":\"").append(VISIT).append("\"}");
    }

    /** Kept in the work directory by the loader for the later steps. */
    void save(Path workDir) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("insurers", String.join(",", insurers));
        properties.setProperty("persons", String.valueOf(persons));
        try (var out = Files.newBufferedWriter(workDir.resolve(FILE))) {
            properties.store(out, "benchmark population (bin/oqs bench)");
        }
    }

    static BenchPersons load(Path workDir) throws IOException {
        Path file = workDir.resolve(FILE);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("no " + file + ": run the load step first");
        }
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        return new BenchPersons(List.of(properties.getProperty("insurers").split(",")),
                Integer.parseInt(properties.getProperty("persons")));
    }
}
