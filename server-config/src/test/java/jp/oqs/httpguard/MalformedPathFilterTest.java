package jp.oqs.httpguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.oqs.api.error.ErrorCodes;
import org.junit.jupiter.api.Test;

class MalformedPathFilterTest {

    @Test
    void pathsPayaraDecodesPass() {
        for (String path : List.of("/oqs/api/v1/sync/batches/3f2a", "/", "/oqs/a%20b", "/oqs/%E6%9D%B1%E4%BA%AC",
                "/oqs/%C3%A9", "/oqs/a%2Fb", "/oqs/%25", "/oqs/%25ZZ", "/oqs/%7e%7E")) {
            assertTrue(MalformedPathFilter.decodable(path), path);
        }
    }

    @Test
    void pathsPayaraCannotDecodeAreRefused() {
        for (String path : List.of("/oqs/%ZZ", "/oqs/%", "/oqs/%A", "/oqs/a%", "/oqs/%G0", "/oqs/%0G", "/oqs/%%41",
                "/oqs/%00", "/oqs/a%00b", "/oqs/%5C", "/oqs/%5c..%5c", "/oqs/%FF", "/oqs/%E3%81", "/oqs/%C0%AE",
                "/oqs/%ED%A0%80", "/oqs/%EF%BC%8F%ZZ")) {
            assertFalse(MalformedPathFilter.decodable(path), path);
        }
    }

    @Test
    void theAnswersAreTheServicesErrorBody() {
        String body = new String(MalformedPathFilter.BODY, StandardCharsets.UTF_8);
        assertTrue(body.startsWith("{\"code\":\"" + ErrorCodes.MALFORMED_PATH + "\",\"message\":\""), body);
        assertTrue(body.contains("\",\"hint\":\"") && body.endsWith("\"}"), body);
        assertEquals(ErrorCodes.MALFORMED_REQUEST, HeadErrorFilter.MALFORMED_CODE);
        assertEquals(ErrorCodes.REQUEST_HEAD_TOO_LARGE, HeadErrorFilter.TOO_LARGE_CODE);
        for (byte[] answer : List.of(HeadErrorFilter.TOO_LARGE, HeadErrorFilter.MALFORMED)) {
            String text = new String(answer, StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            byte[] content = text.substring(split + 4).getBytes(StandardCharsets.UTF_8);
            assertTrue(text.contains("\r\nContent-Length: " + content.length + "\r\n"), text);
            assertTrue(text.contains("\r\nConnection: close\r\n"), text);
            assertTrue(text.substring(split + 4).startsWith("{\"code\":\""), text);
        }
    }
}
