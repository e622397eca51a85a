package jp.oqs.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/** One audited check. Written once; no column is ever updated. */
@Entity
@Table(name = "audit_entry")
@NamedQuery(name = "AuditEntry.chain",
        query = "SELECT e FROM AuditEntry e WHERE e.shard = :shard AND e.shardSeq > :after"
                + " AND e.shardSeq <= :upTo ORDER BY e.shardSeq")
@NamedQuery(name = "AuditEntry.accessHistoryOf",
        query = "SELECT e FROM AuditEntry e WHERE e.personId = :personId"
                + " AND (e.actorKind = :actorKind OR e.kind IN :ownKinds)"
                + " ORDER BY e.occurredAt DESC, e.id DESC")
public class AuditEntry {

    @Id
    @SequenceGenerator(name = "audit_entry_seq", sequenceName = "audit_entry_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
    @Column(updatable = false)
    private Long id;

    @Column(name = "shard", updatable = false)
    private int shard;

    @Column(name = "shard_seq", updatable = false)
    private long shardSeq;

    @Column(name = "occurred_at", updatable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_kind", updatable = false)
    private ActorKind actorKind;

    @Column(name = "actor", updatable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", updatable = false)
    private AuditKind kind;

    @Column(name = "check_id", updatable = false)
    private String checkId;

    @Column(name = "person_id", updatable = false)
    private Long personId;

    @Column(name = "insurer_id", updatable = false)
    private Long insurerId;

    @Column(name = "result", updatable = false)
    private String result;

    @Column(name = "prev_hash", updatable = false)
    private String prevHash;

    @Column(name = "entry_hash", updatable = false)
    private String entryHash;

    protected AuditEntry() {
    }

    AuditEntry(int shard, long shardSeq, Instant occurredAt, ActorKind actorKind, String actor, AuditKind kind,
               String checkId, Long personId, Long insurerId, String result, String prevHash, AuditChainKey key) {
        this.shard = shard;
        this.shardSeq = shardSeq;
        this.occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        this.actorKind = actorKind;
        this.actor = actor;
        this.kind = kind;
        this.checkId = checkId;
        this.personId = personId;
        this.insurerId = insurerId;
        this.result = result;
        this.prevHash = prevHash;
        this.entryHash = computeHash(key);
    }

    /**
     * HMAC-SHA256 under the chain key over the predecessor's hash and every field of this entry; for an entry
     * written before the chains were keyed ({@code key} null: see {@link AuditChainHead#keyedFromSeq()}),
     * plain SHA-256 over the same text.
     */
    String computeHash(AuditChainKey key) {
        String canonical = String.join("|", prevHash, String.valueOf(shard), String.valueOf(shardSeq),
                String.valueOf(ChronoUnit.MICROS.between(Instant.EPOCH, occurredAt)), actorKind.name(), actor,
                kind.name(), checkId, String.valueOf(personId), String.valueOf(insurerId), result);
        if (key != null) {
            return key.mac(canonical);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public long shardSeq() {
        return shardSeq;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public ActorKind actorKind() {
        return actorKind;
    }

    public String actor() {
        return actor;
    }

    public AuditKind kind() {
        return kind;
    }

    public String checkId() {
        return checkId;
    }

    public Long personId() {
        return personId;
    }

    public Long insurerId() {
        return insurerId;
    }

    public String result() {
        return result;
    }

    String prevHash() {
        return prevHash;
    }

    String entryHash() {
        return entryHash;
    }
}
