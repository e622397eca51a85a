-- レセプト振替・分割 (issue 13): operators' jobs of claims routed by the qualification history, with their results,
-- kept for oqs.claims.retention-days. A job belongs to the managing organisation that submitted it (SSK or
-- KOKUHO_CHUOKAI); its claims are resolved in chunks, each chunk in one transaction with its resolutions, their
-- audit entries and the counts, under the job's row lock, so every claim is resolved exactly once.
CREATE SEQUENCE claim_job_seq START WITH 1 INCREMENT BY 1 NOCACHE;

CREATE TABLE claim_job (
    job_id                 VARCHAR2(20)        NOT NULL,
    organisation           VARCHAR2(40)        NOT NULL,
    actor                  VARCHAR2(100 CHAR)  NOT NULL,
    status                 VARCHAR2(12)        NOT NULL,
    submitted_at           TIMESTAMP           NOT NULL,
    completed_at           TIMESTAMP,
    expires_at             TIMESTAMP           NOT NULL,
    total_count            NUMBER(10)          NOT NULL,
    resolved_count         NUMBER(10)          NOT NULL,
    keep_count             NUMBER(10)          NOT NULL,
    reroute_count          NUMBER(10)          NOT NULL,
    split_count            NUMBER(10)          NOT NULL,
    corrected_count        NUMBER(10)          NOT NULL,
    lost_keep_count        NUMBER(10)          NOT NULL,
    not_found_count        NUMBER(10)          NOT NULL,
    row_version            NUMBER(10)          NOT NULL,
    CONSTRAINT claim_job_pk PRIMARY KEY (job_id),
    CONSTRAINT claim_job_status_ck CHECK (status IN ('PROCESSING', 'DONE'))
);
CREATE INDEX claim_job_status_ix ON claim_job (status, expires_at);

-- one claim as written (service dates as yyyy-MM-dd separated by commas) and, once resolved, its resolution
CREATE TABLE claim_item (
    job_id             VARCHAR2(20)        NOT NULL,
    item_index         NUMBER(10)          NOT NULL,
    claim_id           VARCHAR2(64 CHAR)   NOT NULL,
    clinic_code        CHAR(10)            NOT NULL,
    service_month      CHAR(7)             NOT NULL,
    service_dates      VARCHAR2(400)       NOT NULL,
    insurer_number     VARCHAR2(8)         NOT NULL,
    symbol             VARCHAR2(40 CHAR),
    number_part        VARCHAR2(40 CHAR),
    branch_number      VARCHAR2(2),
    individual_number  VARCHAR2(16),
    birth_date         DATE                NOT NULL,
    relationship       VARCHAR2(12),
    public_expense     NUMBER(1)           NOT NULL,
    resolved           NUMBER(1)           NOT NULL,
    disposition        VARCHAR2(24),
    reason             VARCHAR2(32),
    segments_json      CLOB,
    CONSTRAINT claim_item_pk PRIMARY KEY (job_id, item_index),
    CONSTRAINT claim_item_job_fk FOREIGN KEY (job_id) REFERENCES claim_job (job_id)
);
-- a clinic's 資格確認結果連絡書 of a month
CREATE INDEX claim_item_clinic_ix ON claim_item (job_id, clinic_code, service_month);
