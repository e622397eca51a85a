package jp.oqs.ear;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.oqs.devtools.EmbeddedTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deploys {@code oqs.ear} the way an integrator does: a new Payara Server Full domain, prepared by
 * {@code server-config/payara-server/configure-domain.sh} (here with HSQLDB in Oracle syntax mode, as the embedded default),
 * {@code asadmin deploy}, readiness at {@code /health/ready}, then one authenticated call of the API and a malformed
 * path (the guard the script installs). Everything
 * listens on and is called at 127.0.0.1, on free ports.
 */
class EarDeploymentIT {

    private static final String DOMAIN = "oqs-it";
    private static final String LOOPBACK = "127.0.0.1";
    private static final Duration ASADMIN_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration CONFIGURE_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);
    private static final int SERVER_LOG_TAIL_LINES = 200;

    private static final String INSURER_NUMBER = "01130012";
    private static final String CONSOLE_USER = "ear-ssk-admin";
    private static final String CONSOLE_PASSWORD = "ear-console-" + HexFormat.of().formatHex(
            new SecureRandom().generateSeed(8));
    private static final String INSURER_NAME = "全国健康保険協会東京支部";
    private static final String NEW_INSURER = """
            {"insurerNumber":"01130012","nameKanji":"全国健康保険協会東京支部",\
            "nameKana":"ゼンコクケンコウホケンキョウカイ",\
            "numberingRule":{"kind":"CENTRAL_GENERATED","effectiveFrom":"2026-01-01"}}""";

    private static Path asadmin;
    private static Path ear;
    private static Path hsqldbJar;
    private static Path configureScript;
    private static Path workDir;
    private static Path domainsDir;
    private static Path logsDir;
    private static int adminPort;
    private static int httpPort;
    private static int commandCount;
    private static volatile long serverPid = -1;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @BeforeAll
    static void prepare() throws IOException {
        Path payaraHome = existing("oqs.it.payara-home");
        asadmin = payaraHome.resolve("bin/asadmin");
        ear = existing("oqs.it.ear");
        hsqldbJar = existing("oqs.it.hsqldb-jar");
        configureScript = existing("oqs.it.configure-script");
        workDir = Path.of(property("oqs.it.work-dir")).toAbsolutePath();
        domainsDir = workDir.resolve("domains");
        logsDir = workDir.resolve("logs");

        killServer(); // of an earlier, interrupted run
        deleteRecursively(workDir);
        Files.createDirectories(logsDir);
        // a zip keeps no permissions everywhere; asadmin and the scripts it calls must be executable
        try (Stream<Path> scripts = Stream.concat(Files.list(payaraHome.resolve("bin")),
                Files.list(payaraHome.resolve("glassfish/bin")))) {
            scripts.filter(Files::isRegularFile).forEach(file -> file.toFile().setExecutable(true));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(EarDeploymentIT::killServer, "oqs-it-kill-server"));
    }

    @AfterAll
    static void stopDomain() {
        if (serverPid < 0 && !Files.exists(pidFile())) {
            return;
        }
        try {
            if (asadminQuietly(STOP_TIMEOUT, "stop-domain", "--domaindir", domainsDir.toString(), DOMAIN) != 0) {
                asadminQuietly(STOP_TIMEOUT, "stop-domain", "--kill=true", "--domaindir", domainsDir.toString(),
                        DOMAIN);
            }
        } finally {
            killServer();
        }
    }

    @Test
    void deploysOnAConfiguredDomainAndServesTheApi() throws Exception {
        Instant start = Instant.now();
        try {
            createDomain();
            // the domain's process gets the console's first 支払基金 administrator from its environment, as an
            // integrator's service unit would give it (the password never goes into domain.xml)
            run(ASADMIN_TIMEOUT, "start domain", asadminCommand("start-domain", "--domaindir", domainsDir.toString(),
                    DOMAIN), Map.of("OQS_CONSOLE_BOOTSTRAP_SSK_ADMIN_USERNAME", CONSOLE_USER,
                    "OQS_CONSOLE_BOOTSTRAP_SSK_ADMIN_PASSWORD", CONSOLE_PASSWORD));
            serverPid = readServerPid().orElse(-1L);

            Path dataDir = workDir.resolve("data");
            EmbeddedTokens tokens = new EmbeddedTokens(dataDir);
            Path publicKey = tokens.ensureKey();
            configureDomain(dataDir, publicKey);
            serverPid = readServerPid().orElse(serverPid);

            run(DEPLOY_TIMEOUT, "deploy " + ear.getFileName(),
                    asadminCommand("deploy", "--name", "oqs", ear.toString()), Map.of());
            awaitReady();
            callTheApi(tokens);
            refuseAMalformedPath();
            readTheMetrics();
            signInToTheConsole();
            log("passed in %d s", Duration.between(start, Instant.now()).toSeconds());
        } catch (Throwable e) {
            printServerLogTail();
            throw e;
        }
    }

    private void createDomain() throws Exception {
        // every port the domain template assigns is a free one, so that nothing clashes before the script rebinds
        int[] ports = freePorts(12);
        adminPort = ports[0];
        httpPort = ports[1];
        String domainProperties = String.join(":",
                "domain.jmxPort=" + ports[2],
                "http.ssl.port=" + ports[3],
                "jms.port=" + ports[4],
                "orb.listener.port=" + ports[5],
                "orb.ssl.port=" + ports[6],
                "orb.mutualauth.port=" + ports[7],
                "osgi.shell.telnet.port=" + ports[8],
                "java.debugger.port=" + ports[9]);
        run(ASADMIN_TIMEOUT, "create domain", asadminCommand("create-domain", "--nopassword=true",
                "--savelogin=false",
                "--adminport", String.valueOf(adminPort),
                "--instanceport", String.valueOf(httpPort),
                "--hazelcastdasport", String.valueOf(ports[10]),
                "--hazelcaststartport", String.valueOf(ports[11]),
                "--domainproperties", domainProperties,
                "--domaindir", domainsDir.toString(),
                DOMAIN), Map.of());
    }

    private void configureDomain(Path dataDir, Path publicKey) throws Exception {
        Map<String, String> env = Map.ofEntries(
                Map.entry("ASADMIN", asadmin.toString()),
                Map.entry("OQS_ADMIN_ADDRESS", LOOPBACK),
                Map.entry("OQS_ADMIN_PORT", String.valueOf(adminPort)),
                // the script's default URL: the embedded default's HSQLDB settings, under OQS_DATA_DIR
                Map.entry("OQS_DB_KIND", "hsqldb"),
                Map.entry("OQS_DB_DRIVER_JAR", hsqldbJar.toString()),
                Map.entry("OQS_DB_USER", "oqs"),
                Map.entry("OQS_DB_PASSWORD", randomPassword()),
                Map.entry("OQS_HTTP_ADDRESS", LOOPBACK),
                Map.entry("OQS_HTTP_PORT", String.valueOf(httpPort)),
                Map.entry("OQS_JWT_ISSUER", EmbeddedTokens.ISSUER),
                Map.entry("OQS_JWT_PUBLIC_KEY_LOCATION", "file:" + publicKey),
                Map.entry("OQS_DATA_DIR", dataDir.toString()));
        run(CONFIGURE_TIMEOUT, "configure-domain.sh", List.of("bash", configureScript.toString()), env);
        // Payara's default SQL trace listener puts a reflective proxy in front of every JDBC call (issue 14)
        String listeners = run(ASADMIN_TIMEOUT, "pool trace listeners",
                asadminCommand("get", "resources.jdbc-connection-pool.oqs-pool.sql-trace-listeners"), Map.of());
        assertTrue(listeners.contains("sql-trace-listeners=null"), listeners);
        // Payara Server's default is 5 request threads; the domain gets Payara Micro's 200 (issue 14)
        String threads = run(ASADMIN_TIMEOUT, "request threads", asadminCommand("get",
                "configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size"), Map.of());
        assertTrue(threads.contains("max-thread-pool-size=200"), threads);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private void awaitReady() throws Exception {
        URI ready = URI.create("http://" + LOOPBACK + ":" + httpPort + "/health/ready");
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(ready)
                        .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
                last = response.statusCode() + " " + response.body();
                if (response.statusCode() == 200 && response.body().matches("(?s).*\"status\"\\s*:\\s*\"UP\".*")) {
                    log("ready: %s", last);
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            TimeUnit.SECONDS.sleep(2);
        }
        fail("not ready within " + READY_TIMEOUT.toSeconds() + " s at " + ready + "; last answer: " + last);
    }

    private void callTheApi(EmbeddedTokens tokens) throws Exception {
        String token = tokens.issue("ssk-admin", "it-ssk-admin", Map.of(), Duration.ofMinutes(10));
        URI insurers = URI.create("http://" + LOOPBACK + ":" + httpPort + "/oqs/api/v1/admin/insurers");

        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(insurers.resolve("insurers/"
                + INSURER_NUMBER)).timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode(), () -> "without a token: " + anonymous.body());

        HttpResponse<String> created = http.send(HttpRequest.newBuilder(insurers)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(NEW_INSURER, UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString(UTF_8));
        log("POST %s -> %d %s", insurers, created.statusCode(), created.body());
        assertEquals(201, created.statusCode(), () -> "registering the insurer: " + created.body());

        URI insurer = insurers.resolve("insurers/" + INSURER_NUMBER);
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(insurer)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET()
                .build(), HttpResponse.BodyHandlers.ofString(UTF_8));
        log("GET %s -> %d %s", insurer, read.statusCode(), read.body());
        assertEquals(200, read.statusCode(), () -> "reading the insurer: " + read.body());
        assertTrue(read.body().matches("(?s).*\"status\"\\s*:\\s*\"ONBOARDING\".*"), read::body);
        assertTrue(read.body().contains("\"" + INSURER_NUMBER + "\""), read::body);
        assertTrue(read.body().contains(INSURER_NAME), read::body);
    }

    /**
     * A path escape that is not hexadecimal, which Payara answered with 200 and an empty body, gets 400
     * {@code MALFORMED_PATH} and the error body from the guard the configuration script installs, and a head above
     * 8 KiB 431 {@code REQUEST_HEAD_TOO_LARGE}. Sent on a socket: {@link URI} refuses to build such a request.
     */
    private void refuseAMalformedPath() throws IOException {
        String path = "GET /oqs/api/v1/admin/insurers/%ZZ HTTP/1.1\r\n";
        String answer = exchangeOnASocket(path + "Host: " + LOOPBACK + "\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertTrue(answer.contains("{\"code\":\"MALFORMED_PATH\",\"message\":\""), answer);
        String head = exchangeOnASocket("GET /oqs/api/v1/admin/insurers HTTP/1.1\r\nHost: " + LOOPBACK
                + "\r\nX-Long: " + "y".repeat(9_000) + "\r\nConnection: close\r\n\r\n");
        assertTrue(head.startsWith("HTTP/1.1 431"), head);
        assertTrue(head.contains("{\"code\":\"REQUEST_HEAD_TOO_LARGE\",\"message\":\""), head);
    }

    private String exchangeOnASocket(String request) throws IOException {
        try (java.net.Socket socket = new java.net.Socket(LOOPBACK, httpPort)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(UTF_8));
            String answer = new String(socket.getInputStream().readAllBytes(), UTF_8);
            log("%s -> %s", request.substring(0, Math.min(request.indexOf('\r'), 60)),
                    answer.lines().findFirst().orElse("no answer"));
            return answer;
        }
    }

    /**
     * The application metrics of the EAR at {@code /metrics} (MicroProfile Metrics, turned on by the configuration
     * script): the anonymous call above counted as one refused request, the onboarding's audit entry counted by
     * kind, the bulk gauges served. The EJB module's metrics bean and its histogram settings work in an EAR too.
     */
    private void readTheMetrics() throws Exception {
        URI metrics = URI.create("http://" + LOOPBACK + ":" + httpPort + "/metrics?scope=application");
        HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofString(UTF_8));
        log("GET %s -> %d", metrics, scrape.statusCode());
        assertEquals(200, scrape.statusCode(), scrape::body);
        for (String sample : List.of(
                "oqs_requests_refused_total{code=\"UNAUTHENTICATED\",mp_scope=\"application\",status=\"401\"} 1.0",
                "oqs_audit_appends_total{kind=\"REGISTRY_CHANGE\",mp_scope=\"application\"} 1.0",
                "oqs_bulk_checks{mp_scope=\"application\",state=\"running\"} 0",
                "oqs_bulk_checks{mp_scope=\"application\",state=\"queued\"} 0")) {
            assertTrue(scrape.body().lines().anyMatch(sample::equals), () -> sample + " not in\n" + scrape.body());
        }
    }

    /**
     * The console in the EAR: the first administrator from configuration signs in on the Faces form (view state,
     * session cookie) and sees the insurer registered through the API.
     */
    private void signInToTheConsole() throws Exception {
        URI signIn = URI.create("http://" + LOOPBACK + ":" + httpPort + "/oqs/console/signin.xhtml");
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(signIn).timeout(Duration.ofSeconds(30)).GET()
                .build(), HttpResponse.BodyHandlers.ofString(UTF_8));
        assertEquals(200, form.statusCode(), form::body);
        String cookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        java.util.regex.Matcher viewState = java.util.regex.Pattern
                .compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
        assertTrue(viewState.find(), form::body);
        String body = Stream.of(Map.entry("signin", "signin"), Map.entry("signin:username", CONSOLE_USER),
                        Map.entry("signin:password", CONSOLE_PASSWORD), Map.entry("signin:submit", "x"),
                        Map.entry("jakarta.faces.ViewState", viewState.group(1)))
                .map(e -> java.net.URLEncoder.encode(e.getKey(), UTF_8) + "="
                        + java.net.URLEncoder.encode(e.getValue(), UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(signIn).timeout(Duration.ofSeconds(30))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(UTF_8));
        assertEquals(302, signedIn.statusCode(), signedIn::body);
        String session = signedIn.headers().firstValue("Set-Cookie").orElse(cookie).split(";")[0];
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(signIn.resolve("insurers.xhtml"))
                .timeout(Duration.ofSeconds(30)).header("Cookie", session).GET().build(),
                HttpResponse.BodyHandlers.ofString(UTF_8));
        log("console: signed in, insurer list -> %d", list.statusCode());
        assertEquals(200, list.statusCode(), list::body);
        assertTrue(list.body().contains(INSURER_NUMBER) && list.body().contains("保険者一覧"), list::body);
    }

    // --- processes ----------------------------------------------------------------------------------------------

    private static List<String> asadminCommand(String... arguments) {
        List<String> command = new ArrayList<>(List.of(asadmin.toString(), "--interactive=false", "--host", LOOPBACK,
                "--port", String.valueOf(adminPort)));
        command.addAll(List.of(arguments));
        return command;
    }

    /** Runs the command (its output in target/it/logs) and answers its output; fails with it unless it exits 0. */
    private static String run(Duration timeout, String what, List<String> command, Map<String, String> env)
            throws IOException, InterruptedException {
        Instant start = Instant.now();
        Path output = logsDir.resolve(String.format("%02d-%s.log", ++commandCount, what.replaceAll("\\W+", "-")));
        int exit = execute(timeout, command, env, output);
        String text = Files.readString(output);
        if (exit != 0) {
            fail(what + " failed (" + (exit == Integer.MIN_VALUE ? "timed out after " + timeout.toSeconds() + " s"
                    : "exit " + exit) + "): " + String.join(" ", command) + "\n" + text);
        }
        log("%s: %d s (output in %s)", what, Duration.between(start, Instant.now()).toSeconds(), output);
        return text;
    }

    private static int asadminQuietly(Duration timeout, String... arguments) {
        try {
            Path output = logsDir.resolve(String.format("%02d-%s.log", ++commandCount, arguments[0]));
            int exit = execute(timeout, asadminCommand(arguments), Map.of(), output);
            log("%s: exit %d", String.join(" ", arguments), exit);
            return exit;
        } catch (IOException e) {
            log("%s: %s", String.join(" ", arguments), e);
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The exit code, or {@link Integer#MIN_VALUE} if it ran out of time (and was killed with its children). */
    private static int execute(Duration timeout, List<String> command, Map<String, String> env, Path output)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                // a file, not a pipe: start-domain leaves the server running with the same output
                .redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AS_ADMIN_"));
        builder.environment().put("AS_JAVA", System.getProperty("java.home"));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            return Integer.MIN_VALUE;
        }
        return process.exitValue();
    }

    private static Path pidFile() {
        return domainsDir.resolve(DOMAIN).resolve("config/pid");
    }

    private static Optional<Long> readServerPid() {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile()).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Last resort: the server's process, as the pid file or the last start named it, if it runs this domain. */
    private static void killServer() {
        String domainDir = domainsDir.resolve(DOMAIN).toString();
        Stream.of(readServerPid().orElse(-1L), serverPid)
                .filter(pid -> pid > 0)
                .distinct()
                .map(ProcessHandle::of)
                .flatMap(Optional::stream)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().commandLine().filter(line -> line.contains(domainDir)).isPresent())
                .forEach(server -> {
                    log("killing the server process %d", server.pid());
                    server.destroyForcibly();
                    server.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> null).join();
                });
    }

    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                socket.setReuseAddress(true);
                sockets.add(socket);
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    // --- diagnostics and files ----------------------------------------------------------------------------------

    private static void printServerLogTail() {
        Path serverLog = domainsDir.resolve(DOMAIN).resolve("logs/server.log");
        try {
            List<String> lines = Files.readAllLines(serverLog, UTF_8);
            String tail = lines.subList(Math.max(0, lines.size() - SERVER_LOG_TAIL_LINES), lines.size()).stream()
                    .collect(Collectors.joining("\n"));
            System.out.println("---- last " + SERVER_LOG_TAIL_LINES + " lines of " + serverLog + " ----\n" + tail
                    + "\n---- end of " + serverLog + " ----");
        } catch (IOException e) {
            System.out.println("(no server log: " + e + ")");
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " not set (run with mvn verify)");
        }
        return value;
    }

    private static Path existing(String name) {
        Path path = Path.of(property(name)).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new IllegalStateException(name + ": " + path + " does not exist");
        }
        return path;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void log(String format, Object... arguments) {
        System.out.println("[EarDeploymentIT] " + String.format(format, arguments));
    }
}
