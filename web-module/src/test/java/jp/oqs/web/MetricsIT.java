package jp.oqs.web;

import static jp.oqs.web.ItSupport.assertError;
import static jp.oqs.web.ItSupport.client;
import static jp.oqs.web.ItSupport.insurerNumber;
import static jp.oqs.web.ItSupport.token;
import static jp.oqs.web.SyncRecords.BIRTH;
import static jp.oqs.web.SyncRecords.acquire;
import static jp.oqs.web.SyncRecords.batch;
import static jp.oqs.web.SyncRecords.lose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URL;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.oqs.api.eligibility.BulkEntry;
import jp.oqs.api.eligibility.BulkLookupRequest;
import jp.oqs.api.eligibility.BulkReception;
import jp.oqs.api.eligibility.BulkStatus;
import jp.oqs.api.eligibility.EligibilityApi;
import jp.oqs.api.eligibility.LookupRequest;
import jp.oqs.api.eligibility.Validity;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.health.DrugCodeKind;
import jp.oqs.api.health.MedicationBatchRequest;
import jp.oqs.api.health.MedicationRecord;
import jp.oqs.api.health.MedicationSyncApi;
import jp.oqs.api.insurer.InsurerAdminApi;
import jp.oqs.api.insurer.NumberingRuleKind;
import jp.oqs.api.insurer.NumberingRuleRequest;
import jp.oqs.api.insurer.OnboardInsurerRequest;
import jp.oqs.api.security.Roles;
import jp.oqs.api.sync.LossReason;
import jp.oqs.api.sync.SyncApi;
import jp.oqs.api.sync.SyncBatchRequest;
import jp.oqs.api.sync.SyncBatchResult;
import jp.oqs.identifier.CheckDigits;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The application metrics at {@code /metrics} (Prometheus text, as Payara serves it): lookups found and not found,
 * a refused lookup, a sync batch with a rejected record and its resend, a bulk check, refused requests. Each metric
 * is read before and after, and must have moved by exactly what this test did; the scrape names no clinic, insurer,
 * person or token.
 */
@ExtendWith(ArquillianExtension.class)
class MetricsIT {

    private static final String INSURER = insurerNumber("06", "46", 811);
    private static final String CLINIC = "461100008" + CheckDigits.luhn("461100008");
    private static final LocalDate ACQUIRED = LocalDate.of(2024, 4, 1);
    private static final LocalDate VISIT = LocalDate.of(2025, 5, 1);
    /** A sample line: {@code name{label="value",...} 1.0}. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.microWar();
    }

    @ArquillianResource
    private URL deployment;

    @Test
    void eachMetricMovesByExactlyWhatWasDone() throws Exception {
        String clinicToken = token(Roles.CLINIC, "clinic-metrics", Map.of(Roles.CLAIM_MEDICAL_INSTITUTION_CODE,
                CLINIC));
        String syncToken = token(Roles.INSURER_SYNC, "sync-metrics", Map.of(Roles.CLAIM_INSURER_NUMBERS,
                List.of(INSURER)));
        EligibilityApi clinic = client(EligibilityApi.class, deployment, clinicToken);
        SyncApi sync = client(SyncApi.class, deployment, syncToken);
        InsurerAdminApi ssk = client(InsurerAdminApi.class, deployment, token(Roles.SSK_ADMIN, "ssk-metrics"));
        ssk.onboard(new OnboardInsurerRequest(INSURER, "計測試験組合", "ケイソクシケンクミアイ", null,
                new NumberingRuleRequest(NumberingRuleKind.HOUSEHOLD_BRANCH, LocalDate.of(2000, 1, 1), null, null,
                        null))).close();
        ssk.activate(INSURER);

        Scrape before = scrape();

        // a sync batch: one record accepted, one rejected (a loss for a person the insurer never had); then resent
        SyncBatchRequest request = batch(INSURER, acquire("m1", "LK-METRICS-1", "計測", "100", ACQUIRED),
                lose("m2", "LK-METRICS-NOBODY", VISIT, LossReason.OTHER_INSURANCE));
        SyncBatchResult applied = sync.submit(request);
        assertEquals(1, applied.accepted(), applied.toString());
        assertEquals(1, applied.rejected(), applied.toString());
        assertEquals(applied, sync.submit(request), "a resend answers the stored result");

        // a medication batch for that person: one record accepted, one rejected (a YJ kind with a 9-digit code)
        String pharmacy = "324100005" + CheckDigits.luhn("324100005");
        SyncBatchResult medications = client(MedicationSyncApi.class, deployment, syncToken).submit(
                new MedicationBatchRequest(UUID.randomUUID(), INSURER, List.of(
                        new MedicationRecord("d1", "LK-METRICS-1", VISIT, pharmacy, DrugCodeKind.YJ, "2149039F1021",
                                "アムロジピン錠5mg", "1", "錠", 28),
                        new MedicationRecord("d2", "LK-METRICS-1", VISIT, pharmacy, DrugCodeKind.YJ, "620000001",
                                "コードが違う薬", "1", "錠", 7))));
        assertEquals(1, medications.accepted(), medications.toString());
        assertEquals(1, medications.rejected(), medications.toString());

        // lookups: found twice, not found once, refused once (no birth date)
        assertEquals(Validity.VALID, clinic.lookup(lookup("100", BIRTH)).validityName());
        assertEquals(Validity.VALID, clinic.lookup(lookup("100", BIRTH)).validityName());
        assertEquals(Validity.NOT_FOUND, clinic.lookup(lookup("999", BIRTH)).validityName());
        assertError(400, ErrorCodes.BIRTH_DATE_REQUIRED, () -> clinic.lookup(lookup("100", null)));

        // refused requests: a clinic on the sync API (403, audited), no token at all (401, not audited)
        assertError(403, ErrorCodes.FORBIDDEN_ROLE, () -> client(SyncApi.class, deployment, clinicToken)
                .submit(batch(INSURER, acquire("m3", "LK-METRICS-2", "計測", "200", ACQUIRED))));
        try (Response anonymous = ItSupport.rawClient().target(ItSupport.api(deployment).resolve("v1/callers/me"))
                .request().get()) {
            assertError(401, ErrorCodes.UNAUTHENTICATED, anonymous);
        }

        // a bulk check of three entries: found, not found, a bad insurer number (answered with its error)
        Response accepted = clinic.submitBulk(new BulkLookupRequest(List.of(
                new BulkEntry("b1", INSURER, "計測", "100", null, null, BIRTH, VISIT, null),
                new BulkEntry("b2", INSURER, "計測", "999", null, null, BIRTH, VISIT, null),
                new BulkEntry("b3", "12345", "計測", "100", null, null, BIRTH, VISIT, null))));
        assertEquals(202, accepted.getStatus());
        String reception = accepted.readEntity(BulkReception.class).receptionNumber();
        awaitDone(clinic, reception);

        Scrape after = awaitBulkWorkersIdle();
        System.out.println("[metrics] application scope after the test:\n" + after.text);

        Map<String, String> card = Map.of("method", "card");
        assertMoved(before, after, 2, "oqs_lookups_total", with(card, "outcome", "answered", "validity", "VALID"));
        assertMoved(before, after, 1, "oqs_lookups_total", with(card, "outcome", "answered", "validity", "NOT_FOUND"));
        assertMoved(before, after, 1, "oqs_lookups_total", with(card, "outcome", "refused", "validity", "NONE"));
        assertMoved(before, after, 0, "oqs_lookups_total", with(card, "outcome", "answered", "validity", "INVALID"));
        assertMoved(before, after, 4, "oqs_lookup_duration_seconds_count", card);
        assertMoved(before, after, 4, "oqs_lookup_duration_buckets_total", with(card, "le", "+Inf"));
        assertMoved(before, after, 4, "oqs_lookup_duration_buckets_total", with(card, "le", "10.0"));
        assertEquals(after.value("oqs_lookup_duration_seconds_count", card),
                after.value("oqs_lookup_duration_buckets_total", with(card, "le", "+Inf")),
                "the histogram counts every lookup the timer counted, not a sample of them");

        for (String kind : List.of("qualifications", "medications")) {
            Map<String, String> ofKind = Map.of("kind", kind);
            assertMoved(before, after, 1, "oqs_sync_batches_total", with(ofKind, "outcome", "applied"));
            assertMoved(before, after, 1, "oqs_sync_records_total", with(ofKind, "status", "ACCEPTED"));
            assertMoved(before, after, 1, "oqs_sync_records_total", with(ofKind, "status", "REJECTED"));
            assertMoved(before, after, 1, "oqs_sync_batch_duration_seconds_count", ofKind);
            assertMoved(before, after, 1, "oqs_sync_batch_duration_buckets_total", with(ofKind, "le", "+Inf"));
            assertMoved(before, after, 1, "oqs_sync_batch_duration_buckets_total", with(ofKind, "le", "120.0"));
        }
        Map<String, String> qualifications = Map.of("kind", "qualifications");
        assertMoved(before, after, 1, "oqs_sync_batches_total", with(qualifications, "outcome", "resent"));
        assertMoved(before, after, 0, "oqs_sync_batches_total", Map.of("kind", "medications", "outcome", "resent"));
        assertMoved(before, after, 0, "oqs_sync_batch_duration_seconds_count", Map.of("kind", "checkups"));

        assertMoved(before, after, 3, "oqs_bulk_entries_answered_total", Map.of());
        assertEquals(0, after.value("oqs_bulk_checks", Map.of("state", "queued")), "queued bulk checks");
        assertEquals(0, after.value("oqs_bulk_checks", Map.of("state", "running")), "running bulk checks");
        assertTrue(after.has("oqs_bulk_checks", Map.of("state", "queued")), "the gauge is served");

        // the three answered lookups and the refused one; the three bulk entries; the 403 of an authenticated caller
        assertMoved(before, after, 4, "oqs_audit_appends_total", Map.of("kind", "LOOKUP"));
        assertMoved(before, after, 3, "oqs_audit_appends_total", Map.of("kind", "BULK_ENTRY"));
        assertMoved(before, after, 1, "oqs_audit_appends_total", Map.of("kind", "ACCESS_REFUSED"));

        assertMoved(before, after, 1, "oqs_requests_refused_total",
                Map.of("status", "400", "code", ErrorCodes.BIRTH_DATE_REQUIRED));
        assertMoved(before, after, 1, "oqs_requests_refused_total",
                Map.of("status", "403", "code", ErrorCodes.FORBIDDEN_ROLE));
        assertMoved(before, after, 1, "oqs_requests_refused_total",
                Map.of("status", "401", "code", ErrorCodes.UNAUTHENTICATED));

        // every answer waits for durability before its first byte: at least the two sync batches, the medication
        // batch, the four lookups, the 403, the bulk submission and one poll of it (more: the scrapes, other polls)
        double waited = after.value("oqs_answers_durable_wait_seconds_count", Map.of())
                - before.value("oqs_answers_durable_wait_seconds_count", Map.of());
        assertTrue(waited >= 10, "answers timed waiting for durability: " + waited);
        assertTrue(after.has("oqs_answers_durable_wait_buckets_total", Map.of("le", "0.0005")),
                "the durability wait's histogram is served");
        // Payara's own timer buckets count a sample of the latest 1,028 observations: not configured, not served
        assertFalse(after.text.contains("_seconds_bucket"), "a timer's sampled buckets are served");

        for (String secret : List.of(CLINIC, INSURER, "LK-METRICS", clinicToken, syncToken, "clinic-metrics",
                "sync-metrics", reception)) {
            assertFalse(after.text.contains(secret), "the scrape names " + secret);
        }
    }

    private static LookupRequest lookup(String number, LocalDate birth) {
        return new LookupRequest(INSURER, "計測", number, null, null, birth, VISIT, null);
    }

    private static Map<String, String> with(Map<String, String> labels, String... more) {
        Map<String, String> all = new HashMap<>(labels);
        for (int i = 0; i < more.length; i += 2) {
            all.put(more[i], more[i + 1]);
        }
        return all;
    }

    private static void assertMoved(Scrape before, Scrape after, double by, String name, Map<String, String> labels) {
        assertEquals(by, after.value(name, labels) - before.value(name, labels), () -> name + labels
                + " moved by");
    }

    private static void awaitDone(EligibilityApi clinic, String reception) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (clinic.bulk(reception, 0, 10).status() == BulkStatus.DONE) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("bulk check " + reception + " not done within a minute");
    }

    /** The worker leaves its gauge just after the last chunk commits: read until it has. */
    private Scrape awaitBulkWorkersIdle() throws InterruptedException {
        Scrape scrape = scrape();
        for (int i = 0; i < 100 && scrape.value("oqs_bulk_checks", Map.of("state", "running")) > 0; i++) {
            Thread.sleep(100);
            scrape = scrape();
        }
        return scrape;
    }

    /** The application's metrics, as a Prometheus server scrapes them (no token: see README, "Metrics"). */
    private Scrape scrape() {
        try (Response response = ItSupport.rawClient().target(ItSupport.server(deployment).resolve("metrics"))
                .queryParam("scope", "application").request().header(HttpHeaders.ACCEPT, "text/plain").get()) {
            String text = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), text);
            return new Scrape(text);
        }
    }

    /** A Prometheus text scrape: each sample by name and labels. */
    private static final class Scrape {

        private final String text;
        private final Map<String, List<Map.Entry<Map<String, String>, Double>>> samples = new HashMap<>();

        Scrape(String text) {
            this.text = text;
            for (String line : text.split("\n")) {
                Matcher sample = SAMPLE.matcher(line.strip());
                if (line.startsWith("#") || !sample.matches()) {
                    continue;
                }
                Map<String, String> labels = new HashMap<>();
                Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
                samples.computeIfAbsent(sample.group(1), n -> new java.util.ArrayList<>())
                        .add(Map.entry(labels, Double.parseDouble(sample.group(3))));
            }
        }

        boolean has(String name, Map<String, String> labels) {
            return samples.getOrDefault(name, List.of()).stream()
                    .anyMatch(s -> s.getKey().entrySet().containsAll(labels.entrySet()));
        }

        /** The sample with these labels (besides Payara's {@code mp_scope}); 0 before its first event. */
        double value(String name, Map<String, String> labels) {
            List<Double> found = samples.getOrDefault(name, List.of()).stream()
                    .filter(s -> {
                        Map<String, String> own = new HashMap<>(s.getKey());
                        own.remove("mp_scope");
                        return own.equals(labels);
                    })
                    .map(Map.Entry::getValue).toList();
            assertTrue(found.size() <= 1, () -> name + labels + " matches several samples: " + found);
            return found.isEmpty() ? 0 : found.get(0);
        }
    }
}
