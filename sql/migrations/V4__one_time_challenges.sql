-- Access-history challenges are accepted once: a used one is kept until it expires.
CREATE TABLE used_challenge (
    challenge_hash  CHAR(64)   NOT NULL,
    expires_at      TIMESTAMP  NOT NULL,
    CONSTRAINT used_challenge_pk PRIMARY KEY (challenge_hash)
);
CREATE INDEX used_challenge_expiry_ix ON used_challenge (expires_at);
