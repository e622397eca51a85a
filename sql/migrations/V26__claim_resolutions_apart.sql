-- A claim as written is never changed again; its resolution is a row of its own, inserted by the chunk that
-- routes it (issue 13). Updating claim_item rewrote each row and every index entry of it (three on the embedded
-- engine, whose multi-version rows are replaced whole, then their old versions removed at commit): a fifth of the
-- routing time of 100,000 claims. The resolution row has its primary key only.
CREATE TABLE claim_resolution (
    job_id          VARCHAR2(20)    NOT NULL,
    item_index      NUMBER(10)      NOT NULL,
    disposition     VARCHAR2(24)    NOT NULL,
    reason          VARCHAR2(32),
    segments_text   VARCHAR2(4000),
    segments_json   CLOB,
    CONSTRAINT claim_resolution_pk PRIMARY KEY (job_id, item_index),
    CONSTRAINT claim_resolution_item_fk FOREIGN KEY (job_id, item_index) REFERENCES claim_item (job_id, item_index)
);

INSERT INTO claim_resolution (job_id, item_index, disposition, reason, segments_text, segments_json)
    SELECT job_id, item_index, disposition, reason, segments_text, segments_json FROM claim_item WHERE resolved = 1;

ALTER TABLE claim_item DROP COLUMN resolved;
ALTER TABLE claim_item DROP COLUMN disposition;
ALTER TABLE claim_item DROP COLUMN reason;
ALTER TABLE claim_item DROP COLUMN segments_text;
ALTER TABLE claim_item DROP COLUMN segments_json;
