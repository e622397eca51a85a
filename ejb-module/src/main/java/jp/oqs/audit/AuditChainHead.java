package jp.oqs.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last entry of one chain; locked while an entry is appended. */
@Entity
@Table(name = "audit_chain_head")
@NamedNativeQuery(name = "AuditChainHead.lock", query = "UPDATE audit_chain_head SET last_seq = last_seq WHERE shard = ?")
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

    void advance(AuditEntry entry) {
        this.lastSeq = entry.shardSeq();
        this.lastHash = entry.entryHash();
    }
}
