package jp.oqs.web;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged Payara Micro WAR in a process of its own, started with the arguments {@code bin/oqs run} gives it, on
 * a free port on 127.0.0.1, with a data directory of its own: for tests that kill the server. It starts from
 * {@code payara-micro.jar}, as {@code bin/oqs run} does when it has no class-data archive (the archive only makes a
 * start faster, and tests run several servers at once).
 */
final class MicroServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final Path dataDir;
    private final int port;
    private final Process process;
    private final Path log;
    private final long started = System.nanoTime();
    /** Seconds from this process's start until it answered ready. */
    private double readySeconds;
    /** Whether this is the second start, after Payara's scan fault in the first. */
    private boolean startedOnceMore;

    private MicroServer(Path dataDir, int port, Process process, Path log) {
        this.dataDir = dataDir;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static String jdbcUrl(Path dataDir) {
        return "jdbc:hsqldb:file:" + dataDir.resolve("db/oqs") + ";" + System.getProperty("oqs.it.db.options");
    }

    /**
     * The server's database, opened directly: only while no server of that data directory runs. Closing the
     * connection shuts the database down (an embedded HSQLDB otherwise stays open in this JVM and keeps its lock).
     */
    static java.sql.Connection database(Path dataDir) throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(jdbcUrl(dataDir) + ";shutdown=true", "oqs", "oqs-it");
    }

    /** The number a single-value query answers. */
    static long count(java.sql.Statement sql, String query) throws java.sql.SQLException {
        try (java.sql.ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** What a job's state read says, read again every {@code every} until it {@code holds} or a deadline passes. */
    interface Reading<T> {
        T read() throws Exception;
    }

    /**
     * Reads the state every {@code every} until {@code holds} is true of it or {@code within} has passed, and returns
     * the last reading (the caller asserts on it).
     */
    static <T> T poll(Reading<T> state, java.util.function.Predicate<T> holds, Duration every, Duration within)
            throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        T last;
        do {
            Thread.sleep(every.toMillis());
            last = state.read();
        } while (!holds.test(last) && System.nanoTime() < deadline);
        return last;
    }

    static MicroServer start(Path dataDir, String logName) throws IOException, InterruptedException {
        return start(dataDir, logName, List.of());
    }

    /** @param settings extra {@code -Dname=value} settings of the service */
    static MicroServer start(Path dataDir, String logName, List<String> settings)
            throws IOException, InterruptedException {
        int port = freePort();
        String serverConfig = System.getProperty("oqs.it.server.config");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m", "-Xmx1g",
                "-Doqs.data.dir=" + dataDir,
                "-Doqs.db.datasource-class=jp.oqs.pool.EmbeddedDataSource",
                "-Doqs.db.url=" + jdbcUrl(dataDir),
                "-Doqs.db.user=oqs", "-Doqs.db.password=oqs-it",
                "-Doqs.sync.max-records=50000"));
        command.addAll(settings);
        command.addAll(List.of(
                "-jar", System.getProperty("payara.micro.jar"),
                "--nohazelcast", "--disablephonehome",
                "--port", String.valueOf(port),
                "--addlibs", System.getProperty("oqs.it.drivers"),
                "--prebootcommandfile", serverConfig + "/micro/pre-boot.asadmin",
                "--postbootcommandfile", serverConfig + "/micro/post-boot.asadmin",
                "--deploy", System.getProperty("oqs.it.war"), "--contextroot", "oqs"));
        Path log = dataDir.resolve(logName);
        Files.createDirectories(dataDir);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("OQS_HTTP_ADDRESS", "127.0.0.1");
        MicroServer server = new MicroServer(dataDir, port, builder.start(), log);
        try {
            server.awaitReady(log);
        } catch (ScanFault fault) {
            // once in a CI run (stop 23), Payara's class scan of the WAR found no EJB in a WAR it had deployed four
            // times just before; the application's code had not run, so a second start tests the same thing
            server.kill();
            Path failed = dataDir.resolve(logName + ".scan-fault");
            Files.move(log, failed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            System.err.println("[micro] " + fault.getMessage() + "; starting once more (" + failed + ")");
            server = new MicroServer(dataDir, port, builder.start(), log);
            server.startedOnceMore = true;
            server.awaitReady(log);
        }
        return server;
    }

    /**
     * The README's run command, {@code bin/oqs run --no-build}, as a user starts it (the prepared root directory and
     * its class-data archive included, prepared first if this build has none), on a free port with the data directory
     * given, the JVM options {@code OQS_JAVA_OPTS} and its output in {@code logName}.
     */
    static MicroServer runCommand(Path dataDir, String logName, String javaOptions)
            throws IOException, InterruptedException {
        int port = freePort();
        Path log = dataDir.resolve(logName);
        Files.createDirectories(dataDir);
        ProcessBuilder builder = oqs(log, "run", "--no-build");
        builder.environment().put("OQS_DATA_DIR", dataDir.toString());
        builder.environment().put("OQS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("OQS_HTTP_ADDRESS", "127.0.0.1");
        builder.environment().put("OQS_JAVA_OPTS", javaOptions);
        MicroServer server = new MicroServer(dataDir, port, builder.start(), log);
        server.awaitReady(log);
        return server;
    }

    /** The working copy these tests were built from (where {@code bin/oqs} is). */
    static Path checkout() {
        return Path.of(System.getProperty("oqs.it.server.config")).toAbsolutePath().getParent();
    }

    /** {@code bin/oqs} with these arguments, run in the working copy, its output (both streams) in {@code log}. */
    static ProcessBuilder oqs(Path log, String... arguments) {
        Path checkout = checkout();
        List<String> command = new ArrayList<>(List.of(checkout.resolve("bin/oqs").toString()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).directory(checkout.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Payara's deployment found no EJB in the WAR while scanning it: before any code of the application ran. */
    private static final class ScanFault extends IllegalStateException {
        ScanFault(String message) {
            super(message);
        }
    }

    private void awaitReady(Path log) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited; see " + log + ", which ends:\n" + tail(log));
            }
            String written = Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (written.contains(" ready in ") && !written.contains("oqs/api")) {
                // Payara finished its boot without the application: waiting longer cannot help
                process.destroyForcibly();
                String message = "Payara Micro started without the application; see " + log;
                if (written.contains("DeploymentContext does not contain any EJB")) {
                    throw new ScanFault(message);
                }
                throw new IllegalStateException(message + "\nSEVERE entries:\n" + severeEntries());
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(root().resolve("health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    readySeconds = (System.nanoTime() - started) / 1e9;
                    return;
                }
            } catch (IOException notYetListening) {
                // keep waiting
            }
            Thread.sleep(500);
        }
        process.destroyForcibly();
        throw new IllegalStateException("Payara Micro not ready within " + START_TIMEOUT + "; see " + log);
    }

    /** The last lines of a log (CI keeps the test output, not a temporary directory's files). */
    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, java.nio.charset.StandardCharsets.ISO_8859_1);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
    }

    /**
     * Fails with the response body and the server's SEVERE log entries (the incident behind a 500) unless the
     * response has the expected status: CI keeps the test output, not the server's log file.
     */
    void assertStatus(int expected, HttpResponse<String> response) throws IOException {
        if (response.statusCode() != expected) {
            throw new AssertionError("expected " + expected + " but was " + response.statusCode() + ": "
                    + response.body() + "\nserver log " + log + ", SEVERE entries:\n" + severeEntries());
        }
    }

    private String severeEntries() throws IOException {
        StringBuilder entries = new StringBuilder();
        boolean inSevere = false;
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith("[20")) {
                inSevere = line.contains("SEVERE");
            }
            if (inSevere && entries.length() < 20_000) {
                entries.append(line).append('\n');
            }
        }
        return entries.toString();
    }

    /**
     * Seconds from the start of the process that answered ready until it did: after a scan fault, the second start's
     * alone (the first deployed no application, so it neither opened nor recovered the database).
     */
    double readySeconds() {
        return readySeconds;
    }

    /**
     * Seconds from the start of the application's deployment (the web container's last line before it, "loaded
     * default web module") until its database was open and migrated ({@code DatabaseMigration}'s line), from this
     * start's log: the part of a start that a database left by a kill can lengthen (the redo log's replay, the dead
     * process's lock going stale, the sequences' check), without Payara's own boot before it. The replay runs before
     * Weld starts: the persistence unit's deployment opens the pool's first connection, which opens the database.
     */
    double databaseOpenSeconds() throws IOException {
        Instant deploying = null;
        for (String line : Files.readAllLines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            if (line.contains("loaded default web module")) {
                deploying = logTime(line);
            } else if (deploying != null && line.contains("database schema at version")) {
                return Duration.between(deploying, logTime(line)).toMillis() / 1e3;
            }
        }
        throw new IllegalStateException("no deployment and migration in " + log);
    }

    /** The time of a Payara log line: {@code [2026-12-02T13:05:45.875+0000] ...}. */
    private static Instant logTime(String line) {
        int open = line.indexOf('[');
        return java.time.OffsetDateTime.parse(line.substring(open + 1, line.indexOf(']', open)),
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant();
    }

    /** Whether Payara's scan fault made the first start deploy no application, so that it was started once more. */
    boolean startedOnceMore() {
        return startedOnceMore;
    }

    URI root() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    URI api() {
        return root().resolve("oqs/api/v1/");
    }

    Path dataDir() {
        return dataDir;
    }

    /**
     * kill -9: no shutdown hook, no transaction completes. Payara Micro's runtime directory (about 100 MB unpacked
     * in the temporary directory, removed by Payara only at a clean stop) is removed here: 20 kills of one run left
     * 2 GB behind.
     */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        removeRuntimeDirectory();
    }

    /** Removes the runtime directory this process's log names, if it is still there. */
    private void removeRuntimeDirectory() {
        try {
            String marker = "Payara Micro Runtime directory is located at ";
            for (String line : Files.readAllLines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
                int at = line.indexOf(marker);
                if (at >= 0) {
                    Path runtime = Path.of(line.substring(at + marker.length()).trim());
                    if (runtime.getFileName().toString().startsWith("payaramicro-rt") && Files.isDirectory(runtime)) {
                        try (java.util.stream.Stream<Path> files = Files.walk(runtime)) {
                            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                        }
                    }
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("[micro] runtime directory of " + log + " not removed: " + e);
        }
    }

    /** A clean stop (SIGTERM), SIGKILL after a minute. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
    }
}
