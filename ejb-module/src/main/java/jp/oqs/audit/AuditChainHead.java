package jp.oqs.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The last entry of one chain; locked while an entry is appended. The head is keyed too ({@code head_mac}, an
 * HMAC under the chain key over the shard, the last sequence number and hash, and {@code keyed_from_seq}), so
 * neither the head nor the point from which the chain is keyed can be changed without the key.
 */
@Entity
@Table(name = "audit_chain_head")
@NamedNativeQuery(name = "AuditChainHead.lock", query = "UPDATE audit_chain_head SET last_seq = last_seq WHERE shard = ?")
@NamedQuery(name = "AuditChainHead.all", query = "SELECT h FROM AuditChainHead h ORDER BY h.shard")
public class AuditChainHead {

    /** Number of chains (rows seeded by the migration). */
    static final int CHAINS = 16;
    static final String GENESIS = "0".repeat(64);

    @Id
    @Column(name = "shard")
    private int shard;

    @Column(name = "last_seq")
    private long lastSeq;

    @Column(name = "last_hash")
    private String lastHash;

    /** The first entry hashed with the chain key; those before it were written before V10, unkeyed. */
    @Column(name = "keyed_from_seq")
    private long keyedFromSeq;

    /** Null only until the application sealed the head at its first start after V10. */
    @Column(name = "head_mac")
    private String headMac;

    protected AuditChainHead() {
    }

    int shard() {
        return shard;
    }

    long lastSeq() {
        return lastSeq;
    }

    String lastHash() {
        return lastHash;
    }

    long keyedFromSeq() {
        return keyedFromSeq;
    }

    boolean sealed() {
        return headMac != null;
    }

    /** Whether {@code entry} (of this chain) is hashed with the key. */
    boolean keys(AuditEntry entry) {
        return entry.shardSeq() >= keyedFromSeq;
    }

    /**
     * Moves the head to {@code entry}, its new last entry. The head is sealed again only if its MAC held (or it was
     * not sealed yet): a head changed without the key (rewound after its last entries were deleted, say) must not
     * be made authentic by the next append, so it stays unauthentic and every verification keeps reporting it.
     * Returns whether the head was intact.
     */
    boolean advance(AuditEntry entry, AuditChainKey key) {
        boolean intact = headMac == null || authentic(key);
        this.lastSeq = entry.shardSeq();
        this.lastHash = entry.entryHash();
        if (intact) {
            seal(key);
        }
        return intact;
    }

    void seal(AuditChainKey key) {
        this.headMac = mac(key);
    }

    /** Whether the head's MAC holds under {@code key}. */
    boolean authentic(AuditChainKey key) {
        return headMac != null && java.security.MessageDigest.isEqual(
                headMac.strip().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                mac(key).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private String mac(AuditChainKey key) {
        return key.mac(String.join("|", "head", String.valueOf(shard), String.valueOf(lastSeq), lastHash.strip(),
                String.valueOf(keyedFromSeq)));
    }
}
