package jp.oqs.web;

import static jp.oqs.web.ItSupport.client;
import static jp.oqs.web.ItSupport.insurerNumber;
import static jp.oqs.web.ItSupport.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import jp.oqs.api.ApiVersion;
import jp.oqs.api.audit.AccessHistoryApi;
import jp.oqs.api.audit.AccessHistoryRequest;
import jp.oqs.api.eligibility.CardConfirmation;
import jp.oqs.api.eligibility.CardSessionApi;
import jp.oqs.api.eligibility.ConsentCategory;
import jp.oqs.api.eligibility.ConsentChoices;
import jp.oqs.api.eligibility.PrescriptionForm;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.person.CardRegistrationRequest;
import jp.oqs.api.person.ConsentWithdrawal;
import jp.oqs.api.eligibility.BulkEntry;
import jp.oqs.api.eligibility.BulkLookupRequest;
import jp.oqs.api.eligibility.CertificateLookupRequest;
import jp.oqs.api.eligibility.EligibilityApi;
import jp.oqs.api.eligibility.LookupRequest;
import jp.oqs.api.eligibility.ReferenceNumberEntry;
import jp.oqs.api.eligibility.ReferenceNumbersRequest;
import jp.oqs.api.health.CheckupBatchRequest;
import jp.oqs.api.health.CheckupItem;
import jp.oqs.api.health.CheckupRecord;
import jp.oqs.api.health.CheckupValue;
import jp.oqs.api.health.ClinicHealthRequest;
import jp.oqs.api.health.DrugCodeKind;
import jp.oqs.api.health.MedicationBatchRequest;
import jp.oqs.api.health.MedicationRecord;
import jp.oqs.api.insurer.CharacterClass;
import jp.oqs.api.insurer.CheckDigitScheme;
import jp.oqs.api.insurer.Contact;
import jp.oqs.api.insurer.DissolutionRequest;
import jp.oqs.api.insurer.InsurerAdminApi;
import jp.oqs.api.insurer.MergerRequest;
import jp.oqs.api.insurer.NumberingRuleKind;
import jp.oqs.api.insurer.NumberingRuleRequest;
import jp.oqs.api.insurer.OnboardInsurerRequest;
import jp.oqs.api.security.Roles;
import jp.oqs.api.sync.CardClassification;
import jp.oqs.api.sync.CertificateEnrolment;
import jp.oqs.api.sync.PersonData;
import jp.oqs.api.sync.QualificationData;
import jp.oqs.api.sync.Relationship;
import jp.oqs.api.sync.Sex;
import jp.oqs.api.sync.SyncApi;
import jp.oqs.api.sync.SyncBatchRequest;
import jp.oqs.api.sync.SyncOperation;
import jp.oqs.api.sync.SyncRecord;
import jp.oqs.devtools.EmbeddedTokens;
import jp.oqs.identifier.CheckDigits;
import jp.oqs.web.ApiEndpoints.Endpoint;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile input on every endpoint of the API, enumerated from the resource classes and checked against the
 * OpenAPI document (a new endpoint is exercised without being listed here). Several thousand mutated requests
 * ({@link HostileRequests}, seeded: the same requests every run), with a token of a role the endpoint allows,
 * another role's, a broken or expired one, or none. Each must be answered within two seconds (HTTP/1.1, a timeout
 * per request, so a hang is seen, not waited for) with a 4xx and the {@code {code,message,hint}} body (or a 2xx
 * the OpenAPI document lists), never a 5xx or a stack trace, with {@code Cache-Control: no-store},
 * {@code X-Content-Type-Options: nosniff} and, on a 401, {@code WWW-Authenticate: Bearer}. Afterwards the service
 * is ready and answers a real lookup.
 */
@ExtendWith(ArquillianExtension.class)
class HostileInputIT {

    private static final long SEED = 20_261_130L;
    private static final int REQUESTS_PER_BODY_ENDPOINT = 320;
    private static final int REQUESTS_PER_OTHER_ENDPOINT = 120;
    private static final int CONCURRENCY = 2;
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    private static final LocalDate BIRTH = SyncRecords.BIRTH;
    private static final LocalDate APRIL_2024 = LocalDate.of(2024, 4, 1);
    /** For the final real lookup: never the target of a hostile write. */
    private static final String LOOKUP_INSURER = insurerNumber("06", "45", 901);
    /** The sync job's insurer: hostile batches and enrolments land here. */
    private static final String SYNC_INSURER = insurerNumber("06", "45", 902);
    /** The target of the registry's hostile lifecycle calls. */
    private static final String TARGET_INSURER = insurerNumber("01", "45", 903);
    /** Onboarded by the first valid onboarding request, refused as registered afterwards. */
    private static final String NEW_INSURER = insurerNumber("01", "45", 904);
    private static final String CLINIC = "451400001" + CheckDigits.luhn("451400001");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.microWar();
    }

    @ArquillianResource
    private URL deployment;

    private final Jsonb jsonb = JsonbBuilder.create();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(ANSWER_WITHIN).build();
    /** Requests sent again because their pooled connection had been closed by the server before them. */
    private final AtomicInteger staleConnections = new AtomicInteger();

    @Test
    void everyEndpointAnswersEveryHostileRequestQuicklyWithAnErrorBodyAndNeverFails() throws Exception {
        List<Endpoint> endpoints = ApiEndpoints.all();
        Map<String, Set<Integer>> documented = documentedSuccesses();
        assertEquals(new TreeSet<>(documented.keySet()), new TreeSet<>(endpoints.stream().map(Endpoint::key)
                .toList()), "the OpenAPI document and the resource classes name the same operations");

        Fixture fixture = fixture();
        Random random = new Random(SEED);
        HostileRequests.Callers callers = callers();
        HostileRequests generator = new HostileRequests(random, callers);
        Map<Class<?>, Supplier<JsonObject>> seeds = seeds(fixture, random);
        List<HostileRequests.Probe> probes = new ArrayList<>();
        Map<HostileRequests.Probe, Endpoint> endpointOf = new java.util.IdentityHashMap<>();
        for (Endpoint endpoint : endpoints) {
            Supplier<JsonObject> seed = endpoint.body() == null ? null : seeds.get(endpoint.body());
            assertTrue(endpoint.body() == null || seed != null, () -> "no valid body to mutate for "
                    + endpoint.key() + " (" + endpoint.body().getSimpleName() + "): add one to seeds()");
            long limit = endpoint.limit().defaultBytes();
            int count = endpoint.body() == null ? REQUESTS_PER_OTHER_ENDPOINT : REQUESTS_PER_BODY_ENDPOINT;
            for (HostileRequests.Probe probe : generator.probes(endpoint, seed, name -> pathValue(name, fixture,
                    random), limit, count)) {
                probes.add(probe);
                endpointOf.put(probe, endpoint);
            }
        }
        for (HostileRequests.Probe probe : issueNine(callers)) {
            probes.add(probe);
            endpointOf.put(probe, endpoint(endpoints, probe.method(), probe.target()));
        }
        String syncJob = "Bearer " + callers.bearerByRole().get(Roles.INSURER_SYNC);
        List<HostileRequests.Probe> oversizeHeads = generator.oversizeHeads("sync/batches", syncJob);
        List<HostileRequests.Probe> malformedPaths = generator.malformedPaths("sync/batches", syncJob);
        for (HostileRequests.Probe probe : Stream.concat(oversizeHeads.stream(), malformedPaths.stream()).toList()) {
            endpointOf.put(probe, endpoint(endpoints, "GET", "sync/batches/x"));
            probes.add(probe);
        }
        Collections.shuffle(probes, random);

        Outcomes outcomes = send(probes, endpointOf, documented);
        System.out.println("[hostile] " + outcomes.requests + " requests, " + outcomes.serverErrors + " × 5xx, "
                + outcomes.hangs + " hangs, slowest " + outcomes.slowestMillis + " ms");
        System.out.println("[hostile] the slowest:" + outcomes.slowest());
        System.out.println("[hostile] answers by status: " + outcomes.statuses + "; " + (oversizeHeads.size()
                + malformedPaths.size()) + " of the requests are answered by the HTTP listener's guard before the "
                + "application (431 REQUEST_HEAD_TOO_LARGE, 400 MALFORMED_PATH); "
                + staleConnections + " sent again on a new connection (their pooled one was closed by the server)");
        assertEquals(probes.size(), outcomes.requests.get(), "every request was sent");
        assertTrue(outcomes.failures.isEmpty(), () -> outcomes.failures.size() + " bad answers, e.g.:\n"
                + String.join("\n", outcomes.failures.stream().limit(25).toList()));
        assertEquals(0, outcomes.serverErrors.get());
        assertEquals(0, outcomes.hangs.get());

        // and the service is still there
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(ItSupport.server(deployment)
                .resolve("health/ready")).timeout(ANSWER_WITHIN).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());
        EligibilityApi clinic = client(EligibilityApi.class, deployment, token(Roles.CLINIC, "hostile-clinic",
                Map.of(Roles.CLAIM_MEDICAL_INSTITUTION_CODE, CLINIC)));
        assertEquals(1, clinic.lookup(new LookupRequest(LOOKUP_INSURER, "宮崎", "100", "01", null, BIRTH, null, null))
                .validity());
    }

    /**
     * Paths whose escapes are not {@code %} and two hexadecimal digits, which {@link java.net.URI} cannot send,
     * sent on a socket: Payara answered them with 200 and an empty body; the listener's guard answers 400
     * {@code MALFORMED_PATH} with the error body and closes the connection, also after a good request on the same
     * connection and with a body still to come. Heads the HTTP parser refuses (too large, not HTTP, a broken chunked
     * body) get the error body too. Then the service answers as before.
     */
    @Test
    void requestsRefusedBeforeTheApplicationGetTheErrorBody() throws Exception {
        URI api = ItSupport.api(deployment);
        String batches = api.getRawPath() + "/sync/batches/";
        String authorization = "Bearer " + token(Roles.INSURER_SYNC, "hostile-paths",
                Map.of(Roles.CLAIM_INSURER_NUMBERS, List.of(SYNC_INSURER)));
        for (String segment : List.of("%ZZ", "%", "%A", "a%G1", "%%41", "%zz%00", "x/%ZZ/y", "%ZZ?size=1")) {
            try (RawConnection connection = new RawConnection(api)) {
                RawAnswer answer = connection.exchange("GET " + batches + segment, authorization, null);
                assertMalformedPath(answer, segment);
                assertTrue(connection.closedByServer(), "the connection is closed after " + segment);
            }
        }
        try (RawConnection connection = new RawConnection(api)) {
            assertEquals(404, connection.exchange("GET " + batches + UUID.randomUUID(), authorization, null).status(),
                    "a good request first, on the same connection");
            assertMalformedPath(connection.exchange("POST " + batches + "%ZZ", authorization,
                    "{\"batchId\":\"" + "x".repeat(50_000) + "\"}"), "%ZZ after a good request, with a body");
            assertTrue(connection.closedByServer(), "the connection is closed, the body not read");
        }
        // heads and bodies the HTTP parser refuses: the guard gives the parser's answer the error body
        for (String request : List.of("GET " + batches + "x HTTP/1.1\r\nHost: h\r\nNot a header line\r\n\r\n",
                "POST " + batches + " HTTP/1.1\r\nHost: h\r\nAuthorization: " + authorization + "\r\nContent-Type: "
                        + "application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n",
                "GET " + batches + "x HTTP/1.1\r\nHost: h\r\nX-Long: " + "y".repeat(9_000) + "\r\n\r\n")) {
            try (RawConnection connection = new RawConnection(api)) {
                RawAnswer answer = connection.exchange(request.getBytes(StandardCharsets.ISO_8859_1));
                String what = request.substring(0, Math.min(request.length(), 120));
                assertErrorBody(answer, request.length() > 8_192 ? 431 : 400,
                        request.length() > 8_192 ? ErrorCodes.REQUEST_HEAD_TOO_LARGE : ErrorCodes.MALFORMED_REQUEST,
                        what);
                assertTrue(connection.closedByServer(), "the connection is closed after " + what);
            }
        }
        try (RawConnection connection = new RawConnection(api)) {
            assertEquals(404, connection.exchange("GET " + batches + UUID.randomUUID(), authorization, null).status(),
                    "the service answers as before");
        }
    }

    private static void assertMalformedPath(RawAnswer answer, String what) {
        assertErrorBody(answer, 400, ErrorCodes.MALFORMED_PATH, what);
    }

    private static void assertErrorBody(RawAnswer answer, int status, String code, String what) {
        assertEquals(status, answer.status(), what);
        assertEquals("no-store", answer.headers().get("cache-control"), what);
        assertEquals("nosniff", answer.headers().get("x-content-type-options"), what);
        assertTrue(answer.headers().getOrDefault("content-type", "").startsWith("application/json"), what);
        try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
            JsonObject error = reader.readObject();
            assertEquals(code, error.getString("code"), what);
            assertEquals(java.util.Set.of("code", "message", "hint"), error.keySet(), what);
            assertFalse(error.getString("message").isBlank() || error.getString("hint").isBlank(), what);
        }
    }

    /** An answer read off a socket: status, headers (names in lower case) and body. */
    private record RawAnswer(int status, Map<String, String> headers, String body) {
    }

    /** HTTP/1.1 on a socket of its own, for request lines {@link java.net.URI} refuses to build. */
    private static final class RawConnection implements AutoCloseable {

        private final String host;
        private final java.net.Socket socket;
        private final java.io.InputStream in;

        RawConnection(URI api) throws IOException {
            host = api.getHost() + ":" + api.getPort();
            socket = new java.net.Socket(api.getHost(), api.getPort());
            socket.setSoTimeout((int) ANSWER_WITHIN.toMillis());
            in = new java.io.BufferedInputStream(socket.getInputStream());
        }

        /** Sends "METHOD target" with the token and body (its Content-Length, not all of it once refused). */
        RawAnswer exchange(String requestLine, String authorization, String body) throws IOException {
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            String head = requestLine + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: " + authorization
                    + "\r\nAccept: application/json\r\n" + (body == null ? ""
                    : "Content-Type: application/json\r\nContent-Length: " + content.length + "\r\n") + "\r\n";
            byte[] request = Arrays.copyOf(head.getBytes(StandardCharsets.ISO_8859_1), head.length()
                    + Math.min(content.length, 1_000));
            System.arraycopy(content, 0, request, head.length(), request.length - head.length());
            return exchange(request);
        }

        /** Sends the bytes as they are, and reads the answer. */
        RawAnswer exchange(byte[] request) throws IOException {
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            String statusLine = line();
            Map<String, String> headers = new java.util.HashMap<>();
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
                        header.substring(colon + 1).trim());
            }
            byte[] answer;
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                java.io.ByteArrayOutputStream chunks = new java.io.ByteArrayOutputStream();
                for (int size = Integer.parseInt(line().trim(), 16); size > 0;
                     size = Integer.parseInt(line().trim(), 16)) {
                    chunks.write(in.readNBytes(size));
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
                answer = chunks.toByteArray();
            } else {
                answer = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
            }
            return new RawAnswer(Integer.parseInt(statusLine.split(" ")[1]), headers,
                    new String(answer, StandardCharsets.UTF_8));
        }

        /** Whether the server closed the connection (end of stream within the answer time). */
        boolean closedByServer() throws IOException {
            try {
                return in.read() == -1;
            } catch (java.net.SocketException reset) {
                return true;
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c == -1) {
                    throw new java.io.EOFException("the connection ended within an answer's head");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** The requests issue 9 reported, always among the hostile ones, each with the error code it must get. */
    private static List<HostileRequests.Probe> issueNine(HostileRequests.Callers callers) {
        String json = "application/json";
        String ssk = "Bearer " + callers.bearerByRole().get(Roles.SSK_ADMIN);
        String sync = "Bearer " + callers.bearerByRole().get(Roles.INSURER_SYNC);
        String auditor = "Bearer " + callers.bearerByRole().get(Roles.AUDITOR);
        List<HostileRequests.Probe> probes = new ArrayList<>();
        for (String body : List.of("{\"a\":[", "{\"a\":{")) {
            byte[] bytes = HostileRequests.bytes(body);
            probes.add(new HostileRequests.Probe("issue-9", "POST", "persons/access-history", bytes, json, false,
                    null, "MALFORMED_JSON"));
            probes.add(new HostileRequests.Probe("issue-9", "POST", "admin/insurers", bytes, json, false, ssk,
                    "MALFORMED_JSON"));
            probes.add(new HostileRequests.Probe("issue-9", "POST", "admin/insurers/" + TARGET_INSURER
                    + "/numbering-rules", bytes, json, false, ssk, "MALFORMED_JSON"));
            probes.add(new HostileRequests.Probe("issue-9", "POST", "sync/certificates", bytes, json, false, sync,
                    "MALFORMED_JSON"));
        }
        probes.add(new HostileRequests.Probe("issue-9", "GET", "admin/audit?page=2147484&size=1000", null, null,
                false, auditor, "INVALID_REQUEST"));
        probes.add(new HostileRequests.Probe("issue-9", "GET", "admin/insurers?page=4294968&size=500", null, null,
                false, ssk, "INVALID_REQUEST"));
        probes.add(new HostileRequests.Probe("issue-9", "GET", "admin/insurers?page=100000&size=500", null, null,
                false, ssk, null)); // the last page allowed: empty, not an overflow
        probes.add(new HostileRequests.Probe("issue-9", "POST", "eligibility/lookups", HostileRequests.bytes(
                "{\"insurerNumber\":\"" + "0".repeat(5000) + "\"}"), json, false,
                "Bearer " + callers.bearerByRole().get(Roles.CLINIC), "BODY_TOO_LARGE"));
        return probes;
    }

    /** The endpoint a request path (without its query) is for. */
    private static Endpoint endpoint(List<Endpoint> endpoints, String method, String target) {
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        return endpoints.stream().filter(e -> e.method().equals(method)
                        && path.matches(e.path().replaceAll("\\{[^}]+}", "[^/]+")))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no endpoint for " + method + " " + path));
    }

    /** The OpenAPI document's operations, each with the 2xx statuses it documents. */
    private Map<String, Set<Integer>> documentedSuccesses() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(ItSupport.server(deployment)
                        .resolve("openapi")).header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        Map<String, Set<Integer>> operations = new TreeMap<>();
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            JsonObject paths = reader.readObject().getJsonObject("paths");
            String prefix = "/" + ApiVersion.V1 + "/";
            paths.forEach((path, item) -> item.asJsonObject().forEach((method, operation) -> {
                Set<Integer> successes = new TreeSet<>();
                operation.asJsonObject().getJsonObject("responses").keySet().stream()
                        .filter(status -> status.startsWith("2")).map(Integer::valueOf).forEach(successes::add);
                operations.put(method.toUpperCase() + " " + path.substring(prefix.length()), successes);
            }));
        }
        return operations;
    }

    // ------------------------------------------------------------------------------------------------------------
    // what the hostile requests start from

    /** Insurers, a person to look up, a person to enrol certificates for, a card, challenges. */
    private record Fixture(TestPki.Card card, List<String> challenges, String batchId, String receptionNumber,
                           List<String> sessions) {
    }

    private Fixture fixture() throws Exception {
        InsurerAdminApi ssk = client(InsurerAdminApi.class, deployment, token(Roles.SSK_ADMIN, "hostile-ssk"));
        LocalDate from = LocalDate.of(2000, 1, 1);
        for (String number : List.of(LOOKUP_INSURER, SYNC_INSURER, TARGET_INSURER)) {
            ssk.onboard(new OnboardInsurerRequest(number, "敵対入力試験保険者", "テキタイニュウリョク", null,
                    new NumberingRuleRequest(number.startsWith("06") ? NumberingRuleKind.HOUSEHOLD_BRANCH
                            : NumberingRuleKind.CENTRAL_GENERATED, from, null, null, null))).close();
            ssk.activate(number);
        }
        SyncApi lookupJob = client(SyncApi.class, deployment, token(Roles.INSURER_SYNC, "hostile-sync-lookup",
                Map.of(Roles.CLAIM_INSURER_NUMBERS, List.of(LOOKUP_INSURER))));
        assertEquals(1, lookupJob.submit(SyncRecords.batch(LOOKUP_INSURER, SyncRecords.acquire("p1", "LK-H901-P1",
                "宮崎", "100", APRIL_2024))).accepted());
        SyncApi syncJob = client(SyncApi.class, deployment, token(Roles.INSURER_SYNC, "hostile-sync",
                Map.of(Roles.CLAIM_INSURER_NUMBERS, List.of(SYNC_INSURER))));
        var batch = syncJob.submit(SyncRecords.batch(SYNC_INSURER, SyncRecords.acquire("p1", "LK-H902-P1", "宮崎",
                "200", APRIL_2024)));
        assertEquals(1, batch.accepted());

        TestPki ca = new TestPki("OQS Hostile Test CA");
        Instant now = Instant.now();
        TestPki.Card card = ca.issue("H902-P1", now.minus(Duration.ofDays(100)), now.plus(Duration.ofDays(100)));
        java.nio.file.Path dataDir = java.nio.file.Path.of(System.getProperty("oqs.it.data.dir"));
        if (!Files.exists(dataDir.resolve("pki/trust-anchors.pem"))) {
            ca.install(dataDir, List.of()); // else another test's CA stays the trusted one: our card is untrusted
        }
        AccessHistoryApi portal = ItSupport.anonymousClient(AccessHistoryApi.class, deployment);
        List<String> challenges = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            challenges.add(portal.challenge().challenge());
        }
        EligibilityApi clinic = client(EligibilityApi.class, deployment, token(Roles.CLINIC, "hostile-clinic",
                Map.of(Roles.CLAIM_MEDICAL_INSTITUTION_CODE, CLINIC)));
        String receptionNumber;
        try (var accepted = clinic.submitBulk(new BulkLookupRequest(List.of(new BulkEntry("e1", LOOKUP_INSURER,
                "宮崎", "100", "01", null, BIRTH, TODAY, null))))) {
            receptionNumber = accepted.readEntity(jp.oqs.api.eligibility.BulkReception.class).receptionNumber();
        }
        CardSessionApi desk = client(CardSessionApi.class, deployment, token(Roles.CLINIC, "hostile-clinic",
                Map.of(Roles.CLAIM_MEDICAL_INSTITUTION_CODE, CLINIC)));
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sessions.add(desk.open().sessionId());
        }
        jp.oqs.api.claims.ClaimsApi operator = client(jp.oqs.api.claims.ClaimsApi.class, deployment,
                token(Roles.SSK_ADMIN, "hostile-ssk"));
        try (var accepted = operator.submitClaims(new jp.oqs.api.claims.ClaimResolutionRequest(List.of(claim())))) {
            claimJobId = accepted.readEntity(jp.oqs.api.claims.ClaimJobReception.class).jobId();
        }
        // the chain verification reads the whole trail of every test before this one (one database for the IT
        // classes): its first call, with code not yet compiled, took 1.4 s on a quiet machine; the others took 0.3 s
        assertTrue(client(jp.oqs.api.audit.AuditApi.class, deployment, token(Roles.AUDITOR, "hostile-auditor"))
                .verify().intact());
        return new Fixture(card, challenges, batch.batchId().toString(), receptionNumber, sessions);
    }

    /** A claims job of the 支払基金 operator's (the valid value of {@code jobId}). */
    private String claimJobId;

    /** A claim of the person to look up, as an operator sends it. */
    private static jp.oqs.api.claims.Claim claim() {
        return new jp.oqs.api.claims.Claim("c1", CLINIC, TODAY.toString().substring(0, 7), List.of(TODAY),
                LOOKUP_INSURER, "宮崎", "100", "01", null, BIRTH, Relationship.SELF, false);
    }

    private HostileRequests.Callers callers() throws Exception {
        Map<String, String> byRole = new TreeMap<>();
        byRole.put(Roles.CLINIC, token(Roles.CLINIC, "hostile-clinic", Map.of(Roles.CLAIM_MEDICAL_INSTITUTION_CODE,
                CLINIC)));
        byRole.put(Roles.INSURER_SYNC, token(Roles.INSURER_SYNC, "hostile-sync",
                Map.of(Roles.CLAIM_INSURER_NUMBERS, List.of(SYNC_INSURER))));
        byRole.put(Roles.SSK_ADMIN, token(Roles.SSK_ADMIN, "hostile-ssk"));
        byRole.put(Roles.KOKUHO_ADMIN, token(Roles.KOKUHO_ADMIN, "hostile-kokuho"));
        byRole.put(Roles.AUDITOR, token(Roles.AUDITOR, "hostile-auditor"));
        String expired = new EmbeddedTokens(java.nio.file.Path.of(System.getProperty("oqs.it.data.dir")))
                .issue(Roles.SSK_ADMIN, "hostile-late", Map.of(), Duration.ofMinutes(-10));
        String otherKey = new EmbeddedTokens(Files.createTempDirectory("hostile-key"))
                .issue(Roles.SSK_ADMIN, "hostile-intruder", Map.of(), Duration.ofMinutes(10));
        return new HostileRequests.Callers(byRole, expired, otherKey);
    }

    /** A valid body for each request record of the contract. */
    private Map<Class<?>, Supplier<JsonObject>> seeds(Fixture fixture, Random random) throws Exception {
        String certificate = fixture.card().base64();
        AtomicInteger challenge = new AtomicInteger();
        AtomicInteger person = new AtomicInteger();
        Map<Class<?>, Supplier<JsonObject>> seeds = new java.util.HashMap<>();
        seeds.put(LookupRequest.class, () -> json(new LookupRequest(LOOKUP_INSURER, "宮崎", "100", "01", null, BIRTH,
                TODAY, true)));
        seeds.put(CertificateLookupRequest.class, () -> json(new CertificateLookupRequest(certificate, TODAY)));
        seeds.put(BulkLookupRequest.class, () -> json(new BulkLookupRequest(List.of(new BulkEntry("e1",
                LOOKUP_INSURER, "宮崎", "100", "01", null, BIRTH, TODAY, true)))));
        seeds.put(ReferenceNumbersRequest.class, () -> json(new ReferenceNumbersRequest(List.of(
                new ReferenceNumberEntry(LOOKUP_INSURER, "宮崎", "100", "01", "P-" + random.nextInt(1_000_000))))));
        // the card signs a fresh challenge (the last one again once they are used up: then CHALLENGE_INVALID)
        Function<Function<String, Object>, Supplier<JsonObject>> signed = body -> () -> json(body.apply(
                fixture.challenges().get(Math.min(challenge.getAndIncrement(), fixture.challenges().size() - 1))));
        seeds.put(AccessHistoryRequest.class, signed.apply(next -> new AccessHistoryRequest(certificate, next,
                sign(fixture.card(), next))));
        seeds.put(CardRegistrationRequest.class, signed.apply(next -> new CardRegistrationRequest(certificate, next,
                sign(fixture.card(), next), SYNC_INSURER, "宮崎", "200", "01", BIRTH)));
        seeds.put(ConsentWithdrawal.class, signed.apply(next -> new ConsentWithdrawal(certificate, next,
                sign(fixture.card(), next), CLINIC, ConsentCategory.MEDICATIONS)));
        seeds.put(CardConfirmation.class, () -> json(new CardConfirmation(certificate, sign(fixture.card(), "a nonce"),
                TODAY, new ConsentChoices(true, false, null, true), PrescriptionForm.ELECTRONIC)));
        seeds.put(SyncBatchRequest.class, () -> {
            int n = person.incrementAndGet();
            return json(new SyncBatchRequest(new UUID(random.nextLong(), random.nextLong()), SYNC_INSURER,
                    List.of(new SyncRecord("r" + n, SyncOperation.ACQUIRE, new PersonData("LK-H902-" + n, BIRTH,
                            Sex.FEMALE, "敵対花子", "テキタイハナコ"), new QualificationData("宮崎", String.valueOf(1000 + n),
                            null, null, Relationship.SELF, APRIL_2024, 30, null, null, CardClassification.GENERAL, null,
                            null, null, null), null, null, null))));
        });
        seeds.put(CertificateEnrolment.class, () -> json(new CertificateEnrolment("LK-H902-P1", certificate)));
        seeds.put(CheckupBatchRequest.class, () -> json(new CheckupBatchRequest(new UUID(random.nextLong(),
                random.nextLong()), SYNC_INSURER, List.of(new CheckupRecord("c" + person.incrementAndGet(),
                "LK-H902-P1", APRIL_2024, List.of(new CheckupValue(CheckupItem.SYSTOLIC_BLOOD_PRESSURE.code(), "128",
                "mmHg"), new CheckupValue(CheckupItem.URINE_SUGAR.code(), "1", null)))))));
        seeds.put(MedicationBatchRequest.class, () -> json(new MedicationBatchRequest(new UUID(random.nextLong(),
                random.nextLong()), SYNC_INSURER, List.of(new MedicationRecord("m" + person.incrementAndGet(),
                "LK-H902-P1", APRIL_2024, CLINIC, DrugCodeKind.YJ, "2149039F1021", "敵対錠5mg", "1.5", "錠", 14)))));
        seeds.put(ClinicHealthRequest.class, () -> json(new ClinicHealthRequest(fixture.sessions().get(
                random.nextInt(fixture.sessions().size())))));
        seeds.put(OnboardInsurerRequest.class, () -> json(new OnboardInsurerRequest(NEW_INSURER, "敵対新規保険者",
                "テキタイシンキ", new Contact("総務部", "担当者", "03-1234-5678", "desk@example.jp"),
                new NumberingRuleRequest(NumberingRuleKind.CENTRAL_GENERATED, LocalDate.of(2026, 1, 1), null, null,
                        null))));
        seeds.put(MergerRequest.class, () -> json(new MergerRequest(LOOKUP_INSURER, TODAY.plusDays(30))));
        seeds.put(jp.oqs.api.claims.ClaimResolutionRequest.class, () -> json(
                new jp.oqs.api.claims.ClaimResolutionRequest(List.of(claim()))));
        seeds.put(DissolutionRequest.class, () -> json(new DissolutionRequest(TODAY.plusDays(30))));
        seeds.put(NumberingRuleRequest.class, () -> json(new NumberingRuleRequest(NumberingRuleKind.INSURER_RULE,
                TODAY.plusDays(60), 10, CharacterClass.DIGITS, CheckDigitScheme.LUHN)));
        return seeds;
    }

    private String pathValue(String name, Fixture fixture, Random random) {
        return switch (name) {
            case "insurerNumber" -> random.nextInt(5) == 0 ? NEW_INSURER : TARGET_INSURER;
            case "syncInsurerNumber" -> SYNC_INSURER;
            case "batchId" -> random.nextBoolean() ? fixture.batchId() : new UUID(random.nextLong(),
                    random.nextLong()).toString();
            case "receptionNumber" -> random.nextBoolean() ? fixture.receptionNumber() : "R20260101000000000001";
            case "id" -> String.valueOf(random.nextInt(1000));
            case "medicalInstitutionCode" -> CLINIC;
            case "jobId" -> random.nextBoolean() ? claimJobId : "C2026010100000000001";
            case "sessionId" -> random.nextBoolean() ? fixture.sessions().get(random.nextInt(fixture.sessions().size()))
                    : new UUID(random.nextLong(), random.nextLong()).toString();
            default -> throw new IllegalStateException("no valid value for the path parameter " + name
                    + ": add one to pathValue()");
        };
    }

    private static String sign(TestPki.Card card, String text) {
        try {
            return card.sign(text);
        } catch (Exception e) {
            throw new IllegalStateException("the test card cannot sign", e);
        }
    }

        private JsonObject json(Object record) {
        try (JsonReader reader = Json.createReader(new StringReader(jsonb.toJson(record)))) {
            return reader.readObject();
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // sending and judging

    private static final class Outcomes {
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger serverErrors = new AtomicInteger();
        final AtomicInteger hangs = new AtomicInteger();
        final AtomicLong slowestMillis = new AtomicLong();
        private final TreeMap<Long, String> slowest = new TreeMap<>();

        synchronized void timed(long millis, HostileRequests.Probe probe) {
            slowest.put(millis, probe.toString());
            if (slowest.size() > 5) {
                slowest.pollFirstEntry();
            }
        }

        synchronized String slowest() {
            StringBuilder text = new StringBuilder();
            slowest.descendingMap().forEach((millis, probe) -> text.append("\n  ").append(millis).append(" ms: ")
                    .append(probe));
            return text.toString();
        }
        final Map<Integer, Integer> statuses = Collections.synchronizedMap(new TreeMap<>());
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    }

    private Outcomes send(List<HostileRequests.Probe> probes, Map<HostileRequests.Probe, Endpoint> endpointOf,
                          Map<String, Set<Integer>> documented) throws InterruptedException {
        Outcomes outcomes = new Outcomes();
        URI api = ItSupport.api(deployment);
        ConcurrentLinkedQueue<HostileRequests.Probe> queue = new ConcurrentLinkedQueue<>(probes);
        ExecutorService workers = Executors.newFixedThreadPool(CONCURRENCY);
        for (int i = 0; i < CONCURRENCY; i++) {
            workers.execute(() -> {
                for (HostileRequests.Probe probe = queue.poll(); probe != null; probe = queue.poll()) {
                    Endpoint endpoint = endpointOf.get(probe);
                    try {
                        judge(probe, endpoint, documented.get(endpoint.key()), api, outcomes);
                    } catch (IllegalArgumentException unsendable) {
                        outcomes.failures.add("the test made a request it cannot send (" + unsendable.getMessage()
                                + "): " + probe);
                    }
                }
            });
        }
        workers.shutdown();
        assertTrue(workers.awaitTermination(10, TimeUnit.MINUTES), "the run ends");
        return outcomes;
    }

    /**
     * Sends the request; a pooled connection that the server had already closed (after an earlier request's body
     * was refused unread, the server closes that connection) is not an answer to this request: it is sent once
     * more on a connection of its own, as any HTTP client does with a stale connection.
     */
    private HttpResponse<String> sendOnce(HttpRequest.Builder request) throws IOException, InterruptedException {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException stale) {
            if (stale instanceof HttpTimeoutException || !String.valueOf(stale.getMessage()).contains("no bytes")) {
                throw stale;
            }
            staleConnections.incrementAndGet();
            HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(ANSWER_WITHIN).build();
            return fresh.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }

    private void judge(HostileRequests.Probe probe, Endpoint endpoint, Set<Integer> documented, URI api,
                       Outcomes outcomes) {
        // the printable check-ups answer HTML: asked for it, so that its body is parsed and judged too
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + "/" + probe.target()))
                .timeout(ANSWER_WITHIN)
                .header("Accept", endpoint.path().endsWith("/print") ? "text/html" : "application/json");
        outcomes.requests.incrementAndGet();
        if (probe.authorization() != null) {
            request.header("Authorization", probe.authorization());
        }
        if (probe.contentType() != null) {
            request.header("Content-Type", probe.contentType());
        }
        HttpRequest.BodyPublisher body = probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                : probe.chunked() ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                probe.body())) : HttpRequest.BodyPublishers.ofByteArray(probe.body());
        request.method(probe.method(), body);
        long started = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = sendOnce(request);
        } catch (HttpTimeoutException hang) {
            outcomes.hangs.incrementAndGet();
            outcomes.failures.add("no answer within " + ANSWER_WITHIN.toSeconds() + " s: " + probe);
            return;
        } catch (IOException e) {
            outcomes.failures.add("connection failed (" + e + "): " + probe);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } finally {
            long millis = (System.nanoTime() - started) / 1_000_000;
            outcomes.slowestMillis.accumulateAndGet(millis, Math::max);
            outcomes.timed(millis, probe);
        }
        int status = response.statusCode();
        outcomes.statuses.merge(status, 1, Integer::sum);
        String problem = problem(response, documented);
        if (problem == null && probe.expectedCode() != null && !response.body().contains("\"code\":\""
                + probe.expectedCode() + "\"")) {
            problem = "not " + probe.expectedCode();
        }
        if (status >= 500) {
            outcomes.serverErrors.incrementAndGet();
        }
        if (problem != null) {
            outcomes.failures.add(status + " " + problem + ": " + probe + " → " + shortened(response.body()));
        }
    }

    /** What is wrong with the answer, or null. */
    private static String problem(HttpResponse<String> response, Set<Integer> documented) {
        int status = response.statusCode();
        String body = response.body();
        if (status >= 500) {
            return "server error";
        }
        if (body.contains("Exception") || body.contains("\tat ") || body.contains(".java:")) {
            return "a stack trace or exception in the body";
        }
        if (!response.headers().firstValue("Cache-Control").orElse("").contains("no-store")
                || !"nosniff".equals(response.headers().firstValue("X-Content-Type-Options").orElse(""))) {
            return "without Cache-Control: no-store and X-Content-Type-Options: nosniff";
        }
        if (status >= 200 && status < 300) {
            return documented.contains(status) ? null : "a 2xx the OpenAPI document does not list";
        }
        if (status < 400) {
            return "neither 2xx nor 4xx";
        }
        if (status == 401 && !response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer")) {
            return "a 401 without WWW-Authenticate: Bearer";
        }
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            return "not JSON";
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonObject error = reader.readObject();
            for (String field : List.of("code", "message", "hint")) {
                JsonValue value = error.get(field);
                if (!(value instanceof JsonString text) || text.getString().isBlank()) {
                    return "an error body without " + field;
                }
            }
            return error.size() == 3 ? null : "an error body with other fields than code, message, hint";
        } catch (JsonException | ClassCastException notAnObject) {
            return "not the error body";
        }
    }

    private static String shortened(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
