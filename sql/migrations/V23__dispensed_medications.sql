-- Dispensed medications (薬剤情報, issue 12) from the claims side, owned by the person across insurers. A correction
-- (the same person, insurer, day, dispenser and drug code sent again) is a new row; the row it replaces keeps its
-- values with superseded_at set.
CREATE SEQUENCE dispensed_medication_seq START WITH 50 INCREMENT BY 50 NOCACHE;
CREATE TABLE dispensed_medication (
    id             NUMBER(19)          NOT NULL,
    person_id      NUMBER(19)          NOT NULL,
    insurer_id     NUMBER(19)          NOT NULL,
    dispensed_on   DATE                NOT NULL,
    dispensed_by   CHAR(10)            NOT NULL,
    code_kind      VARCHAR2(10)        NOT NULL,
    drug_code      VARCHAR2(12)        NOT NULL,
    drug_name      VARCHAR2(200 CHAR)  NOT NULL,
    quantity       VARCHAR2(11)        NOT NULL,
    unit           VARCHAR2(20 CHAR),
    days           NUMBER(3)           NOT NULL,
    batch_id       VARCHAR2(36)        NOT NULL,
    record_id      VARCHAR2(64 CHAR)   NOT NULL,
    received_at    TIMESTAMP           NOT NULL,
    superseded_at  TIMESTAMP,
    CONSTRAINT dispensed_medication_pk PRIMARY KEY (id),
    CONSTRAINT dispensed_medication_person_fk FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT dispensed_medication_insurer_fk FOREIGN KEY (insurer_id) REFERENCES insurer (id),
    CONSTRAINT dispensed_medication_kind_ck CHECK (code_kind IN ('YJ', 'RECEIPT')),
    CONSTRAINT dispensed_medication_days_ck CHECK (days BETWEEN 1 AND 365)
);
CREATE INDEX dispensed_medication_person_ix ON dispensed_medication (person_id, dispensed_on);
