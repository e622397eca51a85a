package jp.oqs.devtools.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import jp.oqs.devtools.EmbeddedTokens;

/**
 * The Java side of {@code bin/oqs bench}: what a shell script cannot do fast or at all. Each step prints
 * {@code [benchmark]} lines for the reader and appends {@code key=value} figures to the results file, from which the
 * harness writes {@code docs/performance.md}.
 *
 * <pre>
 * java -cp server-config.jar:ejb-module.jar jp.oqs.devtools.bench.Bench STEP [--option value]...
 *   ports N                          N free TCP ports on 127.0.0.1, one a line
 *   load  --url U --data-dir D --work W --results R --persons N --streams K [--batch 10000] [--minutes M]
 *   bulk  --url U --data-dir D --work W --results R --entries N
 *   open  --url U --work W --results R --rate PER_SECOND --seconds S
 *   chart --results R --out FILE.svg
 *   schema --url JDBC_URL              the database, or a failure unless the schema of OQS_DB_USER (password
 *                                    OQS_DB_PASSWORD) is empty
 * </pre>
 */
public final class Bench {

    /** Clinics whose tokens the lookups use: spread over the 16 audit chains, as real traffic is. */
    static final int CLINICS = 64;
    /** Persons in the lookup sample the load tools pick from at random. */
    static final int SAMPLE = 100_000;
    static final String LOOKUPS_FILE = "lookups.txt";
    static final String CLINIC_TOKENS_FILE = "clinic-tokens.txt";
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(8);

    private Bench() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            usage("a step is required");
        }
        Map<String, String> options = options(args);
        try {
            switch (args[0]) {
                case "ports" -> ports(Integer.parseInt(args.length > 1 ? args[1] : "1"));
                case "load" -> load(options);
                case "bulk" -> bulk(options);
                case "open" -> OpenModel.run(options);
                case "chart" -> LookupChart.write(Path.of(required(options, "results")),
                        Path.of(required(options, "out")));
                case "schema" -> BenchDatabase.requireEmpty(options);
                default -> usage("unknown step " + args[0]);
            }
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
        } catch (IllegalStateException | IOException | UncheckedIOException | GeneralSecurityException
                | SQLException e) {
            System.err.println("[benchmark] failed: " + e.getMessage());
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(1);
        }
    }

    private static void usage(String problem) {
        System.err.println("bench: " + problem);
        System.err.println("usage: Bench ports N | load|bulk|open|chart|schema --name value ..."
                + " (see the class's Javadoc)");
        System.exit(2);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                options.put(args[i].substring(2), args[++i]);
            }
        }
        return options;
    }

    static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    static int positive(Map<String, String> options, String name, String fallback) {
        int value = Integer.parseInt(options.getOrDefault(name, fallback));
        if (value < 1) {
            throw new IllegalArgumentException("--" + name + " must be at least 1");
        }
        return value;
    }

    /** Appends figures to the results file ({@code key=value} lines, read back as properties). */
    static void record(Path results, Map<String, Object> figures) throws IOException {
        StringBuilder lines = new StringBuilder();
        figures.forEach((key, value) -> lines.append(key).append('=').append(value).append('\n'));
        Files.writeString(results, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private static void ports(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                sockets.add(socket);
                System.out.println(socket.getLocalPort());
            }
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    /**
     * Onboards and activates one insurer per stream, loads the persons through the sync API (one thread per
     * insurer, batches of {@code --batch} records, each batch checked to be accepted whole), then writes the lookup
     * sample and the clinic tokens the load tools use. With {@code --minutes} no batch starts after that many
     * minutes: the run goes on with the persons loaded (and says so).
     */
    private static void load(Map<String, String> options)
            throws IOException, GeneralSecurityException, InterruptedException {
        BenchHttp http = new BenchHttp(URI.create(required(options, "url")));
        EmbeddedTokens tokens = new EmbeddedTokens(Path.of(required(options, "data-dir")));
        Path work = Path.of(required(options, "work"));
        Path results = Path.of(required(options, "results"));
        int persons = positive(options, "persons", "1000000");
        int streams = positive(options, "streams", "1");
        int batchSize = positive(options, "batch", "10000");
        BenchPersons population = new BenchPersons(BenchPersons.insurerNumbers(streams), persons);

        String admin = tokens.issue("ssk-admin", "bench-ssk-admin", Map.of(), TOKEN_LIFETIME);
        for (String insurer : population.insurers()) {
            http.post("admin/insurers", admin, "{\"insurerNumber\":\"" + insurer + "\",\"nameKanji\":\"性能試験健康保険組合\","
                    + "\"nameKana\":\"セイノウシケンケンコウホケンクミアイ\",\"numberingRule\":{\"kind\":\"HOUSEHOLD_BRANCH\","
                    + "\"effectiveFrom\":\"2000-01-01\"}}", 201, Duration.ofMinutes(1));
            http.post("admin/insurers/" + insurer + "/activation", admin, null, 200, Duration.ofMinutes(1));
        }
        System.out.printf("[benchmark] %d insurer(s) onboarded and activated: %s%n", streams, population.insurers());

        AtomicLong loaded = new AtomicLong();
        int minutes = Integer.parseInt(options.getOrDefault("minutes", "0"));
        long start = System.nanoTime();
        long deadline = minutes > 0 ? start + Duration.ofMinutes(minutes).toNanos() : Long.MAX_VALUE;
        ExecutorService pool = Executors.newFixedThreadPool(streams);
        List<Future<Integer>> done = new ArrayList<>();
        for (int s = 0; s < streams; s++) {
            int stream = s;
            done.add(pool.submit(() -> loadStream(http, tokens, population, stream, batchSize, loaded, start,
                    deadline)));
        }
        pool.shutdown();
        int fewest = Integer.MAX_VALUE;
        try {
            for (Future<Integer> stream : done) {
                fewest = Math.min(fewest, stream.get());
            }
        } catch (java.util.concurrent.ExecutionException e) {
            pool.shutdownNow();
            throw e.getCause() instanceof IllegalStateException ise ? ise
                    : new IllegalStateException("a sync stream failed: " + e.getCause(), e.getCause());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long records = loaded.get();
        double rate = records / seconds;
        boolean cut = records < persons;
        // every stream loaded a prefix of its persons: those below the shortest prefix are all loaded
        BenchPersons loadedPersons = cut ? new BenchPersons(population.insurers(), fewest * streams) : population;
        if (cut) {
            System.out.printf("[benchmark] sync: the %d-minute budget (--minutes) ended the load after %,d of %,d "
                    + "records; the lookups use the first %,d persons%n", minutes, records, persons,
                    loadedPersons.persons());
        }
        System.out.printf("[benchmark] sync: %,d records in %d stream(s), batches of %,d: %.1f s (%,.0f records/s)%n",
                records, streams, batchSize, seconds, rate);
        record(results, Map.of("sync.records", records, "sync.requested", persons, "sync.streams", streams,
                "sync.batch", batchSize, "sync.seconds", String.format("%.1f", seconds), "sync.records_per_s",
                String.format("%.0f", rate), "sync.cut_by_minutes", cut ? minutes : 0));

        loadedPersons.save(work);
        writeSample(loadedPersons, work);
        List<String> clinicTokens = new ArrayList<>(CLINICS);
        for (int c = 0; c < CLINICS; c++) {
            clinicTokens.add(tokens.issue("clinic", "bench-clinic-" + c,
                    Map.of("medicalInstitutionCode", BenchPersons.clinicCode(c + 1)), TOKEN_LIFETIME));
        }
        Files.write(work.resolve(CLINIC_TOKENS_FILE), clinicTokens);
    }

    /** Loads one insurer's persons; answers how many, fewer if the deadline came first. */
    private static int loadStream(BenchHttp http, EmbeddedTokens tokens, BenchPersons population, int stream,
                                  int batchSize, AtomicLong loaded, long start, long deadline)
            throws IOException, GeneralSecurityException, InterruptedException {
        String insurer = population.insurers().get(stream);
        int streams = population.insurers().size();
        String token = tokens.issue("insurer-sync", "bench-sync-" + stream,
                Map.of("insurerNumbers", List.of(insurer)), TOKEN_LIFETIME);
        int person = stream;
        int mine = 0;
        while (person < population.persons() && System.nanoTime() < deadline) {
            StringBuilder json = new StringBuilder(batchSize * 330);
            json.append("{\"batchId\":\"").append(UUID.randomUUID()).append("\",\"insurerNumber\":\"").append(insurer)
                    .append("\",\"records\":[");
            int size = 0;
            for (; size < batchSize && person < population.persons(); size++, person += streams) {
                if (size > 0) {
                    json.append(',');
                }
                population.appendSyncRecord(json, person);
            }
            json.append("]}");
            long batchStart = System.nanoTime();
            String answer = http.post("sync/batches", token, json.toString(), 200, Duration.ofMinutes(30));
            long millis = Math.max(1, (System.nanoTime() - batchStart) / 1_000_000);
            int accepted = Integer.parseInt(BenchHttp.field(answer, "accepted"));
            if (accepted != size) {
                throw new IllegalStateException("sync batch of " + size + " records: only " + accepted
                        + " accepted; first result: " + answer.substring(0, Math.min(answer.length(), 600)));
            }
            mine += size;
            long total = loaded.addAndGet(size);
            System.out.printf("[benchmark] sync stream %d: batch of %,d in %,d ms (%,.0f records/s); %,d of %,d "
                            + "loaded, %,.0f records/s overall%n", stream, size, millis, size * 1000.0 / millis, total,
                    population.persons(), total / ((System.nanoTime() - start) / 1e9));
        }
        return mine;
    }

    /** The persons the load tools look up: a uniform random sample of those loaded, one lookup body a line. */
    private static void writeSample(BenchPersons population, Path work) throws IOException {
        Random random = new Random(14);
        int size = Math.min(SAMPLE, population.persons());
        List<String> lines = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            lines.add(population.lookupBody(size == population.persons() ? i : random.nextInt(population.persons())));
        }
        Files.write(work.resolve(LOOKUPS_FILE), lines, StandardCharsets.UTF_8);
    }

    /**
     * One bulk check of {@code --entries} random loaded persons by a clinic of its own: upload, then polls until
     * every entry is answered; checks that each was found valid.
     */
    private static void bulk(Map<String, String> options)
            throws IOException, GeneralSecurityException, InterruptedException {
        BenchHttp http = new BenchHttp(URI.create(required(options, "url")));
        EmbeddedTokens tokens = new EmbeddedTokens(Path.of(required(options, "data-dir")));
        BenchPersons population = BenchPersons.load(Path.of(required(options, "work")));
        Path results = Path.of(required(options, "results"));
        int entries = positive(options, "entries", "100000");
        String token = tokens.issue("clinic", "bench-bulk-clinic",
                Map.of("medicalInstitutionCode", BenchPersons.clinicCode(CLINICS + 1)), TOKEN_LIFETIME);

        Random random = new Random(1414);
        StringBuilder json = new StringBuilder(entries * 200).append("{\"entries\":[");
        for (int i = 0; i < entries; i++) {
            if (i > 0) {
                json.append(',');
            }
            population.appendBulkEntry(json, "e" + i, random.nextInt(population.persons()));
        }
        json.append("]}");
        long start = System.nanoTime();
        String reception = http.post("eligibility/bulk-lookups", token, json.toString(), 202, Duration.ofMinutes(10));
        String receptionNumber = BenchHttp.field(reception, "receptionNumber");
        double acceptedSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("[benchmark] bulk check of %,d entries accepted in %.1f s (受付番号 %s)%n", entries,
                acceptedSeconds, receptionNumber);
        long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
        String status;
        String result;
        long lastReport = System.nanoTime();
        do {
            Thread.sleep(250);
            result = http.get("eligibility/bulk-lookups/" + receptionNumber + "?page=0&size=1", token);
            status = BenchHttp.field(result, "status");
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                lastReport = System.nanoTime();
                System.out.printf("[benchmark] bulk check: %s entries answered after %.0f s%n",
                        BenchHttp.field(result, "answered"), (lastReport - start) / 1e9);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("bulk check not answered within 60 minutes: " + result);
            }
        } while (!"DONE".equals(status));
        double seconds = (System.nanoTime() - start) / 1e9;
        int valid = Integer.parseInt(BenchHttp.field(result, "valid"));
        if (valid != entries) {
            throw new IllegalStateException("bulk check: " + valid + " of " + entries + " entries valid: " + result);
        }
        System.out.printf("[benchmark] bulk check of %,d entries: all answered (valid) in %.1f s (%,.0f entries/s)%n",
                entries, seconds, entries / seconds);
        record(results, Map.of("bulk.entries", entries, "bulk.accepted_seconds", String.format("%.1f", acceptedSeconds),
                "bulk.seconds", String.format("%.1f", seconds), "bulk.entries_per_s",
                String.format("%.0f", entries / seconds)));
    }

    /** Reads a file of the work directory written by the load step. */
    static List<String> lines(Path work, String file) {
        try {
            List<String> lines = Files.readAllLines(work.resolve(file), StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                throw new IllegalStateException(work.resolve(file) + " is empty");
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + work.resolve(file) + ": run the load step first", e);
        }
    }
}
