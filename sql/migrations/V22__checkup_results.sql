-- 特定健診 results (issue 12), owned by the person, not the insurer: a person who changes insurer keeps what the
-- former insurer sent. One row per check-up as received; a correction (the same person, insurer and day sent
-- again) is a new row, and the row it replaces keeps its values with superseded_at set, so the person sees both.
-- batch_id / record_id name the sync batch record that brought it (the batch itself is in sync_batch).
CREATE SEQUENCE checkup_result_seq START WITH 50 INCREMENT BY 50 NOCACHE;
CREATE TABLE checkup_result (
    id             NUMBER(19)          NOT NULL,
    person_id      NUMBER(19)          NOT NULL,
    insurer_id     NUMBER(19)          NOT NULL,
    examined_on    DATE                NOT NULL,
    batch_id       VARCHAR2(36)        NOT NULL,
    record_id      VARCHAR2(64 CHAR)   NOT NULL,
    received_at    TIMESTAMP           NOT NULL,
    superseded_at  TIMESTAMP,
    CONSTRAINT checkup_result_pk PRIMARY KEY (id),
    CONSTRAINT checkup_result_person_fk FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT checkup_result_insurer_fk FOREIGN KEY (insurer_id) REFERENCES insurer (id)
);
CREATE INDEX checkup_result_person_ix ON checkup_result (person_id, examined_on);

-- The items of a check-up: the standard's code, the value as sent (a decimal or an answer code) and its unit;
-- items with codes the service does not know are kept the same way.
CREATE TABLE checkup_value (
    result_id  NUMBER(19)          NOT NULL,
    code       VARCHAR2(17)        NOT NULL,
    item_value VARCHAR2(40 CHAR)   NOT NULL,
    unit       VARCHAR2(20 CHAR),
    CONSTRAINT checkup_value_pk PRIMARY KEY (result_id, code),
    CONSTRAINT checkup_value_result_fk FOREIGN KEY (result_id) REFERENCES checkup_result (id)
);
