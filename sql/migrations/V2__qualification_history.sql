-- Qualification history: one person across all insurers, each qualification effective-dated in versions that
-- are never rewritten; exactly-once sync batches; overlap notices; the per-insurer changes feed.

CREATE SEQUENCE person_seq START WITH 50 INCREMENT BY 50 NOCACHE;
CREATE SEQUENCE qualification_seq START WITH 50 INCREMENT BY 50 NOCACHE;
CREATE SEQUENCE qualification_version_seq START WITH 50 INCREMENT BY 50 NOCACHE;
CREATE SEQUENCE notice_seq START WITH 50 INCREMENT BY 50 NOCACHE;
CREATE SEQUENCE change_event_seq START WITH 50 INCREMENT BY 50 NOCACHE;
-- source of centrally generated individual numbers: taken in blocks of 1000, never reused
CREATE SEQUENCE central_number_seq START WITH 1000 INCREMENT BY 1000 NOCACHE;

-- per-insurer counter of the changes feed, advanced under the insurer's row lock
ALTER TABLE insurer ADD change_counter NUMBER(19) DEFAULT 0 NOT NULL;

-- The link key is the intermediate server's opaque key (stand-in for the 機関別符号), never a My Number.
CREATE TABLE person (
    id           NUMBER(19)   NOT NULL,
    link_key     VARCHAR2(64) NOT NULL,
    birth_date   DATE         NOT NULL,
    sex          VARCHAR2(6)  NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    CONSTRAINT person_pk PRIMARY KEY (id),
    CONSTRAINT person_link_key_uk UNIQUE (link_key),
    CONSTRAINT person_sex_ck CHECK (sex IN ('MALE', 'FEMALE'))
);

-- One qualification of a person at an insurer: the numbers that identify it never change.
-- household_key is 記号 + U+001F + 番号 (記号 may be empty). number_key is the number the insurer's rule made,
-- never NULL, so one unique key covers every rule (a composite key with a NULL part would not):
-- 'I:' + individual number, or 'H:' + household_key + U+001F + 枝番.
CREATE TABLE qualification (
    id                 NUMBER(19)         NOT NULL,
    person_id          NUMBER(19)         NOT NULL,
    insurer_id         NUMBER(19)         NOT NULL,
    numbering_rule     VARCHAR2(20)       NOT NULL,
    symbol             VARCHAR2(40 CHAR),
    number_part        VARCHAR2(40 CHAR)  NOT NULL,
    household_key      VARCHAR2(82 CHAR)  NOT NULL,
    branch_number      CHAR(2),
    individual_number  VARCHAR2(16),
    number_key         VARCHAR2(90 CHAR)  NOT NULL,
    acquired_on        DATE               NOT NULL,
    lost_on            DATE,
    created_batch_id   CHAR(36)           NOT NULL,
    created_record_id  VARCHAR2(64 CHAR)  NOT NULL,
    CONSTRAINT qualification_pk PRIMARY KEY (id),
    CONSTRAINT qualification_person_fk FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT qualification_insurer_fk FOREIGN KEY (insurer_id) REFERENCES insurer (id),
    CONSTRAINT qualification_number_uk UNIQUE (insurer_id, number_key),
    CONSTRAINT qualification_lost_ck CHECK (lost_on IS NULL OR lost_on > acquired_on),
    CONSTRAINT qualification_number_ck CHECK (individual_number IS NOT NULL OR branch_number IS NOT NULL)
);
CREATE INDEX qualification_person_ix ON qualification (person_id, insurer_id);
CREATE INDEX qualification_household_ix ON qualification (insurer_id, household_key);
CREATE INDEX qualification_individual_ix ON qualification (individual_number);

-- Centrally generated numbers are unique nationally, across insurers.
CREATE TABLE central_number (
    individual_number  CHAR(16)   NOT NULL,
    qualification_id   NUMBER(19) NOT NULL,
    CONSTRAINT central_number_pk PRIMARY KEY (individual_number),
    CONSTRAINT central_number_qualification_fk FOREIGN KEY (qualification_id) REFERENCES qualification (id)
);

-- What was true from valid_from (inclusive) to valid_to (exclusive, open while NULL). The attribute columns are
-- written once; valid_to is set once when a later version takes over, superseded_by once when a CORRECT
-- replaces the version. A lost qualification has a last version from lost_on with the loss recorded.
CREATE TABLE qualification_version (
    id                NUMBER(19)         NOT NULL,
    qualification_id  NUMBER(19)         NOT NULL,
    valid_from        DATE               NOT NULL,
    valid_to          DATE,
    relationship      VARCHAR2(10)       NOT NULL,
    name_kanji        VARCHAR2(100 CHAR) NOT NULL,
    name_kana         VARCHAR2(100 CHAR) NOT NULL,
    copay_ratio       NUMBER(2)          NOT NULL,
    card_issued_on    DATE,
    card_expires_on   DATE,
    lost_on           DATE,
    loss_reason       VARCHAR2(20),
    superseded_by     NUMBER(19),
    batch_id          CHAR(36)           NOT NULL,
    record_id         VARCHAR2(64 CHAR)  NOT NULL,
    recorded_at       TIMESTAMP          NOT NULL,
    CONSTRAINT qualification_version_pk PRIMARY KEY (id),
    CONSTRAINT qualification_version_q_fk FOREIGN KEY (qualification_id) REFERENCES qualification (id),
    CONSTRAINT qualification_version_sup_fk FOREIGN KEY (superseded_by) REFERENCES qualification_version (id),
    CONSTRAINT qualification_version_range_ck CHECK (valid_to IS NULL OR valid_to > valid_from),
    CONSTRAINT qualification_version_copay_ck CHECK (copay_ratio IN (10, 20, 30)),
    CONSTRAINT qualification_version_rel_ck CHECK (relationship IN ('SELF', 'DEPENDENT')),
    CONSTRAINT qualification_version_loss_ck CHECK ((lost_on IS NULL AND loss_reason IS NULL)
        OR (lost_on IS NOT NULL AND loss_reason IN ('DEATH', 'WELFARE_START', 'OTHER_INSURANCE', 'OTHER')))
);
CREATE INDEX qualification_version_asof_ix ON qualification_version (qualification_id, valid_from);

-- A batch is stored with its per-record results in the transaction that applies it: its id is the
-- idempotency key. insurer_number is kept as sent (a batch for an unknown insurer is stored too, all rejected).
CREATE TABLE sync_batch (
    batch_id        CHAR(36)           NOT NULL,
    insurer_number  CHAR(8)            NOT NULL,
    content_hash    CHAR(64)           NOT NULL,
    submitted_by    VARCHAR2(100 CHAR) NOT NULL,
    received_at     TIMESTAMP          NOT NULL,
    record_count    NUMBER(10)         NOT NULL,
    accepted_count  NUMBER(10)         NOT NULL,
    rejected_count  NUMBER(10)         NOT NULL,
    CONSTRAINT sync_batch_pk PRIMARY KEY (batch_id)
);
CREATE INDEX sync_batch_insurer_ix ON sync_batch (insurer_number, received_at);

CREATE TABLE sync_record_result (
    batch_id           CHAR(36)           NOT NULL,
    position           NUMBER(10)         NOT NULL,
    record_id          VARCHAR2(64 CHAR)  NOT NULL,
    status             VARCHAR2(8)        NOT NULL,
    code               VARCHAR2(40),
    message            VARCHAR2(400 CHAR),
    individual_number  VARCHAR2(16),
    branch_number      CHAR(2),
    CONSTRAINT sync_record_result_pk PRIMARY KEY (batch_id, position),
    CONSTRAINT sync_record_result_batch_fk FOREIGN KEY (batch_id) REFERENCES sync_batch (batch_id),
    CONSTRAINT sync_record_result_status_ck CHECK (status IN ('ACCEPTED', 'REJECTED'))
);

-- 資格喪失の注意喚起 to the insurer of a still-open qualification when the person acquires one elsewhere.
CREATE TABLE overlap_notice (
    id                    NUMBER(19)         NOT NULL,
    insurer_id            NUMBER(19)         NOT NULL,
    qualification_id      NUMBER(19)         NOT NULL,
    new_qualification_id  NUMBER(19)         NOT NULL,
    created_at            TIMESTAMP          NOT NULL,
    acknowledged_at       TIMESTAMP,
    acknowledged_by       VARCHAR2(100 CHAR),
    resolved_at           TIMESTAMP,
    CONSTRAINT overlap_notice_pk PRIMARY KEY (id),
    CONSTRAINT overlap_notice_insurer_fk FOREIGN KEY (insurer_id) REFERENCES insurer (id),
    CONSTRAINT overlap_notice_q_fk FOREIGN KEY (qualification_id) REFERENCES qualification (id),
    CONSTRAINT overlap_notice_new_q_fk FOREIGN KEY (new_qualification_id) REFERENCES qualification (id)
);
CREATE INDEX overlap_notice_open_ix ON overlap_notice (insurer_id, acknowledged_at, resolved_at, id);
CREATE INDEX overlap_notice_q_ix ON overlap_notice (qualification_id);

-- The changes feed: sequence is per insurer and gap-free (taken from insurer.change_counter under its lock).
CREATE TABLE change_event (
    id                NUMBER(19)         NOT NULL,
    insurer_id        NUMBER(19)         NOT NULL,
    sequence_no       NUMBER(19)         NOT NULL,
    kind              VARCHAR2(12)       NOT NULL,
    qualification_id  NUMBER(19)         NOT NULL,
    effective_date    DATE               NOT NULL,
    batch_id          CHAR(36)           NOT NULL,
    record_id         VARCHAR2(64 CHAR)  NOT NULL,
    occurred_at       TIMESTAMP          NOT NULL,
    CONSTRAINT change_event_pk PRIMARY KEY (id),
    CONSTRAINT change_event_seq_uk UNIQUE (insurer_id, sequence_no),
    CONSTRAINT change_event_insurer_fk FOREIGN KEY (insurer_id) REFERENCES insurer (id),
    CONSTRAINT change_event_q_fk FOREIGN KEY (qualification_id) REFERENCES qualification (id)
);
