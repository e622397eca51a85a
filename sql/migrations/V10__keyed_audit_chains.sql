-- The audit chains are keyed from now on (HMAC-SHA256 with oqs.audit.chain-key, a secret outside the database).
-- Entries written before this migration keep their plain SHA-256 hash and are verified as such: keyed_from_seq is
-- the first entry of each chain hashed with the key. head_mac is the key's MAC over the head (shard, last_seq,
-- last_hash, keyed_from_seq), written by the application at its first start after this migration and at every
-- append, so the point from which a chain is keyed cannot be moved without the key.
ALTER TABLE audit_chain_head ADD keyed_from_seq NUMBER(19) DEFAULT 1 NOT NULL;
ALTER TABLE audit_chain_head ADD head_mac CHAR(64);
UPDATE audit_chain_head SET keyed_from_seq = last_seq + 1;
