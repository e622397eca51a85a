package jp.oqs.audit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A head changed without the chain key stays unauthentic: the next append does not launder it. */
class AuditChainHeadTest {

    private static final AuditChainKey KEY = new AuditChainKey("h".repeat(16) + "the-chain-key-of-the-service");

    private static AuditEntry entry(long seq, String previousHash) {
        return entry(seq, previousHash, "1");
    }

    private static AuditEntry entry(long seq, String previousHash, String result) {
        return new AuditEntry(2, seq, Instant.parse("2026-12-01T01:00:00Z"), ActorKind.CLINIC, "0110113719",
                AuditKind.LOOKUP, "c0ffee-" + seq, 42L, 5L, result, previousHash, KEY);
    }

    private static void set(AuditChainHead head, String field, Object value) throws ReflectiveOperationException {
        Field f = AuditChainHead.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(head, value);
    }

    @Test
    void aHeadRewoundWithoutTheKeyIsNotSealedAgainByTheNextEntry() throws ReflectiveOperationException {
        AuditChainHead head = new AuditChainHead();
        set(head, "shard", 2);
        set(head, "lastHash", AuditChainHead.GENESIS);
        head.seal(KEY);
        AuditEntry first = entry(1, AuditChainHead.GENESIS);
        assertTrue(head.advance(first, KEY), "an intact head");
        AuditEntry second = entry(2, first.entryHash());
        assertTrue(head.advance(second, KEY));
        assertTrue(head.authentic(KEY));

        // someone with database access deletes the second entry and rewinds the head to the first
        set(head, "lastSeq", 1L);
        set(head, "lastHash", first.entryHash());
        assertFalse(head.authentic(KEY), "the rewound head's MAC does not hold");
        assertFalse(head.advance(entry(2, first.entryHash(), "4"), KEY), "reported as not intact");
        assertFalse(head.authentic(KEY), "and still not authentic after the next entry: verification reports it");
    }

    @Test
    void aHeadNotSealedYetIsSealedByTheNextEntry() throws ReflectiveOperationException {
        AuditChainHead head = new AuditChainHead();
        set(head, "shard", 2);
        set(head, "lastHash", AuditChainHead.GENESIS);
        assertTrue(head.advance(entry(1, AuditChainHead.GENESIS), KEY));
        assertTrue(head.authentic(KEY));
    }
}
