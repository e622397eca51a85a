-- Eligibility checks: certificate enrolments, bulk checks (一括照会) and the chained audit trail.

CREATE SEQUENCE audit_entry_seq START WITH 50 INCREMENT BY 50 NOCACHE;
CREATE SEQUENCE enrolment_seq START WITH 50 INCREMENT BY 50 NOCACHE;
CREATE SEQUENCE reception_seq START WITH 1 INCREMENT BY 1 NOCACHE;

-- Which My Number card user certificate (issuer + serial) belongs to which person; revocable, never deleted.
CREATE TABLE certificate_enrolment (
    id             NUMBER(19)          NOT NULL,
    issuer_dn      VARCHAR2(400 CHAR)  NOT NULL,
    serial_hex     VARCHAR2(64)        NOT NULL,
    person_id      NUMBER(19)          NOT NULL,
    enrolled_at    TIMESTAMP           NOT NULL,
    enrolled_by    VARCHAR2(100 CHAR)  NOT NULL,
    revoked_at     TIMESTAMP,
    CONSTRAINT certificate_enrolment_pk PRIMARY KEY (id),
    CONSTRAINT certificate_enrolment_uk UNIQUE (issuer_dn, serial_hex),
    CONSTRAINT certificate_enrolment_person_fk FOREIGN KEY (person_id) REFERENCES person (id)
);

-- A bulk check: entries are answered in chunks, each chunk in one transaction with its audit entries, so a
-- restart resumes where the last committed chunk ended: no entry lost, none answered twice.
CREATE TABLE bulk_request (
    reception_number  VARCHAR2(20)   NOT NULL,
    clinic_code       CHAR(10)       NOT NULL,
    status            VARCHAR2(12)   NOT NULL,
    submitted_at      TIMESTAMP      NOT NULL,
    completed_at      TIMESTAMP,
    expires_at        TIMESTAMP      NOT NULL,
    total_count       NUMBER(10)     NOT NULL,
    answered_count    NUMBER(10)     NOT NULL,
    valid_count       NUMBER(10)     NOT NULL,
    invalid_count     NUMBER(10)     NOT NULL,
    not_found_count   NUMBER(10)     NOT NULL,
    error_count       NUMBER(10)     NOT NULL,
    row_version       NUMBER(10)     NOT NULL,
    CONSTRAINT bulk_request_pk PRIMARY KEY (reception_number),
    CONSTRAINT bulk_request_status_ck CHECK (status IN ('PROCESSING', 'DONE'))
);
CREATE INDEX bulk_request_status_ix ON bulk_request (status, expires_at);

CREATE TABLE bulk_entry (
    reception_number   VARCHAR2(20)        NOT NULL,
    entry_index        NUMBER(10)          NOT NULL,
    entry_id           VARCHAR2(64 CHAR),
    insurer_number     VARCHAR2(16),
    symbol             VARCHAR2(40 CHAR),
    number_part        VARCHAR2(40 CHAR),
    branch_number      VARCHAR2(8),
    individual_number  VARCHAR2(16),
    birth_date         DATE,
    service_date       DATE,
    answered           NUMBER(1)           NOT NULL,
    result_status      VARCHAR2(12),
    validity           NUMBER(1),
    error_code         VARCHAR2(40),
    answer_json        CLOB,
    CONSTRAINT bulk_entry_pk PRIMARY KEY (reception_number, entry_index),
    CONSTRAINT bulk_entry_request_fk FOREIGN KEY (reception_number) REFERENCES bulk_request (reception_number)
);

-- The audit trail. The application only inserts (grant the runtime user INSERT and SELECT only on these two
-- tables in production). Entries form 16 hash chains (shard = a hash of the actor), so concurrent checks do not
-- all wait on one row: each entry carries the hash of its shard's previous entry, and its own hash over both.
CREATE TABLE audit_entry (
    id              NUMBER(19)          NOT NULL,
    shard           NUMBER(2)           NOT NULL,
    shard_seq       NUMBER(19)          NOT NULL,
    occurred_at     TIMESTAMP           NOT NULL,
    actor_kind      VARCHAR2(12)        NOT NULL,
    actor           VARCHAR2(100 CHAR)  NOT NULL,
    kind            VARCHAR2(24)        NOT NULL,
    check_id        VARCHAR2(36)        NOT NULL,
    person_id       NUMBER(19),
    insurer_id      NUMBER(19),
    result          VARCHAR2(40)        NOT NULL,
    prev_hash       CHAR(64)            NOT NULL,
    entry_hash      CHAR(64)            NOT NULL,
    CONSTRAINT audit_entry_pk PRIMARY KEY (id),
    CONSTRAINT audit_entry_chain_uk UNIQUE (shard, shard_seq)
);
CREATE INDEX audit_entry_person_ix ON audit_entry (person_id, occurred_at);
CREATE INDEX audit_entry_actor_ix ON audit_entry (actor, occurred_at);
CREATE INDEX audit_entry_time_ix ON audit_entry (occurred_at);

CREATE TABLE audit_chain_head (
    shard       NUMBER(2)   NOT NULL,
    last_seq    NUMBER(19)  NOT NULL,
    last_hash   CHAR(64)    NOT NULL,
    CONSTRAINT audit_chain_head_pk PRIMARY KEY (shard)
);
INSERT INTO audit_chain_head (shard, last_seq, last_hash) VALUES (0, 0, '0000000000000000000000000000000000000000000000000000000000000000');
INSERT INTO audit_chain_head (shard, last_seq, last_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
INSERT INTO audit_chain_head (shard, last_seq, last_hash) VALUES (2, 0, '0000000000000000000000000000000000000000000000000000000000000000');
INSERT INTO audit_chain_head (shard, last_seq, last_hash) VALUES (3, 0, '0000000000000000000000000000000000000000000000000000000000000000');
INSERT INTO audit_chain_head (shard, last_seq, last_hash) VALUES (4, 0, '0000000000000000000000000000000000000000000000000000000000000000');
INSERT INTO audit_chain_head (shard, last_seq, last_hash) VALUES (5, 0, '0000000000000000000000000000000000000000000000000000000000000000');
INSERT INTO audit_chain_head (shard, last_seq, last_hash) VALUES (6, 0, '0000000000000000000000000000000000000000000000000000000000000000');
INSERT INTO audit_chain_head (shard, last_seq, last_hash) VALUES (7, 0, '0000000000000000000000000000000000000000000000000000000000000000');
INSERT INTO audit_chain_head (shard, last_seq, last_hash) VALUES (8, 0, '0000000000000000000000000000000000000000000000000000000000000000');
INSERT INTO audit_chain_head (shard, last_seq, last_hash) VALUES (9, 0, '0000000000000000000000000000000000000000000000000000000000000000');
INSERT INTO audit_chain_head (shard, last_seq, last_hash) VALUES (10, 0, '0000000000000000000000000000000000000000000000000000000000000000');
INSERT INTO audit_chain_head (shard, last_seq, last_hash) VALUES (11, 0, '0000000000000000000000000000000000000000000000000000000000000000');
INSERT INTO audit_chain_head (shard, last_seq, last_hash) VALUES (12, 0, '0000000000000000000000000000000000000000000000000000000000000000');
INSERT INTO audit_chain_head (shard, last_seq, last_hash) VALUES (13, 0, '0000000000000000000000000000000000000000000000000000000000000000');
INSERT INTO audit_chain_head (shard, last_seq, last_hash) VALUES (14, 0, '0000000000000000000000000000000000000000000000000000000000000000');
INSERT INTO audit_chain_head (shard, last_seq, last_hash) VALUES (15, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- lookups by individual number go through qualification_individual_ix (V2); by 記号・番号 through household_key
CREATE INDEX qualification_version_q_ix ON qualification_version (qualification_id, superseded_by, valid_from);
