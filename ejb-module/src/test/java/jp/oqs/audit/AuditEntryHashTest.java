package jp.oqs.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The entry hash is keyed: without the chain key it can be neither recomputed nor replaced by plain SHA-256. */
class AuditEntryHashTest {

    private static final AuditChainKey KEY = new AuditChainKey("k".repeat(16) + "the-chain-key-of-the-service");

    private static AuditEntry entry(String result, AuditChainKey key) {
        return new AuditEntry(3, 7, Instant.parse("2026-12-01T01:00:00Z"), ActorKind.CLINIC, "0110113719",
                AuditKind.LOOKUP, "c0ffee", 42L, 5L, result, AuditChainHead.GENESIS, key);
    }

    @Test
    void anEntryRewrittenWithoutTheKeyDoesNotVerify() throws Exception {
        AuditEntry written = entry("NOT_FOUND", KEY);
        assertEquals(written.entryHash(), written.computeHash(KEY));

        AuditEntry forged = entry("1", null); // rewritten, its hash recomputed as plain SHA-256
        assertNotEquals(forged.entryHash(), forged.computeHash(KEY));
        AuditEntry guessed = entry("1", new AuditChainKey("x".repeat(32))); // keyed, with a guessed key
        assertNotEquals(guessed.entryHash(), guessed.computeHash(KEY));
        assertEquals(entry("1", KEY).entryHash(), entry("1", KEY).computeHash(KEY));
    }

    @Test
    void entriesFromBeforeTheKeyVerifyAsPlainSha256() throws Exception {
        AuditEntry legacy = entry("NOT_FOUND", null);
        String canonical = String.join("|", AuditChainHead.GENESIS, "3", "7",
                String.valueOf(Instant.parse("2026-12-01T01:00:00Z").toEpochMilli() * 1000), "CLINIC", "0110113719",
                "LOOKUP", "c0ffee", "42", "5", "NOT_FOUND");
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(canonical.getBytes(StandardCharsets.UTF_8))), legacy.entryHash());
        assertEquals(legacy.entryHash(), legacy.computeHash(null));
    }

    @Test
    void aShortKeyIsRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> new AuditChainKey("short"));
    }
}
