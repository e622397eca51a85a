package jp.oqs.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import jp.oqs.api.audit.AccessHistoryRequest;
import jp.oqs.api.insurer.NumberingRuleKind;
import jp.oqs.api.insurer.NumberingRuleRequest;
import jp.oqs.api.sync.SyncBatchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The strict reading of request bodies: every malformed body is refused at once, none is skipped through. */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class JsonBodyReaderTest {

    private final JsonBodyReader reader = new JsonBodyReader();

    @Test
    void anUnknownPropertyCutShortIsRefusedAtOnceNotSkippedForEver() {
        for (String body : new String[] {"{\"a\":[", "{\"a\":{", "{\"challenge\":\"x\",\"a\":[1,{\"b\":[",
                "{\"a\":[]}", "{\"a\":{}}"}) {
            refused(AccessHistoryRequest.class, body);
        }
    }

    @Test
    void aWellFormedBodyOfTheRecordIsRead() throws Exception {
        NumberingRuleRequest rule = (NumberingRuleRequest) read(NumberingRuleRequest.class,
                "{\"kind\":\"INSURER_RULE\",\"effectiveFrom\":\"2027-02-28\",\"length\":10}");
        assertEquals(new NumberingRuleRequest(NumberingRuleKind.INSURER_RULE, LocalDate.of(2027, 2, 28), 10, null,
                null), rule);
        assertEquals(LocalDate.of(2028, 2, 29), ((NumberingRuleRequest) read(NumberingRuleRequest.class,
                "{\"kind\":\"INSURER_RULE\",\"effectiveFrom\":\"2028-02-29\"}")).effectiveFrom());
        assertNull(read(NumberingRuleRequest.class, ""), "no body: the declared @NotNull refuses it");
        SyncBatchRequest batch = (SyncBatchRequest) read(SyncBatchRequest.class, "{\"batchId\":"
                + "\"5d1c1f5e-8a4e-4f7c-9a59-0b6c1c3f3f10\",\"insurerNumber\":\"01130012\",\"records\":[{\"recordId\":"
                + "\"r1\",\"person\":{\"linkKey\":\"LK-1\",\"nameKanji\":\"山田\\u592a郎\"}}]}");
        assertEquals("山田太郎", batch.records().get(0).person().nameKanji());
    }

    @Test
    void malformedOrAmbiguousJsonIsRefused() {
        for (String body : new String[] {"{\"challenge\":\"x\"", "{} x", "{}{}", "[]", "\"x\"", "1", "{'a':1}",
                "{\"challenge\":\"x\",\"challenge\":\"y\"}", "[".repeat(17) + "]".repeat(17),
                "{\"a\":".repeat(100_000), "{\"challenge\":" + "1".repeat(33) + "}"}) {
            refused(AccessHistoryRequest.class, body);
        }
    }

    @Test
    void integersMustFitExactlyAndDatesBeRealDays() {
        for (String length : new String[] {"4294967306", "2147483648", "1.5", "1e400", "1E+1000000000", "\"10\"",
                "[10]", "true"}) {
            refused(NumberingRuleRequest.class, "{\"kind\":\"INSURER_RULE\",\"effectiveFrom\":\"2027-01-01\","
                    + "\"length\":" + length + "}");
        }
        for (String day : new String[] {"\"2027-02-29\"", "\"+10000-01-01\"", "\"2027-1-1\"", "20270101",
                "\"2027-01-01T00:00\"", "\"\"", "\"2027-13-01\"", "\"2027-00-10\"", "\"2027-04-31\"",
                "\"2027-01-00\"", "\"２０２７-01-01\"", "\"2027/01/01\"", "\"2027-01-011\"", "\" 2027-01-01\""}) {
            refused(NumberingRuleRequest.class, "{\"kind\":\"INSURER_RULE\",\"effectiveFrom\":" + day + "}");
        }
    }

    @Test
    void aBodyThatIsNotUtf8IsRefused() {
        byte[] body = "{\"challenge\":\"x\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);
        JsonbException refused = assertThrows(JsonbException.class, () -> read(AccessHistoryRequest.class, body));
        assertTrue(refused.getMessage().contains("UTF-8"), refused.getMessage());
    }

    private void refused(Class<?> type, String body) {
        assertThrows(JsonbException.class, () -> read(type, body), () -> "accepted: " + body.substring(0,
                Math.min(body.length(), 80)));
    }

    private Object read(Class<?> type, String body) throws Exception {
        return read(type, body.getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object read(Class<?> type, byte[] body) throws Exception {
        return reader.readFrom((Class) type, type, new Annotation[0], MediaType.APPLICATION_JSON_TYPE, null,
                new ByteArrayInputStream(body));
    }
}
