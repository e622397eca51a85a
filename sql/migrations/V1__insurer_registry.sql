-- Insurer registry: insurers and each insurer's effective-dated numbering-rule history.
-- Oracle SQL that also runs on H2 in MODE=Oracle. Applied by Flyway at start, or by hand (see README).

-- Sequences start at their increment: EclipseLink reads NEXTVAL as the last id of a block of 50.
CREATE SEQUENCE insurer_seq START WITH 50 INCREMENT BY 50 NOCACHE;
CREATE SEQUENCE numbering_rule_seq START WITH 50 INCREMENT BY 50 NOCACHE;

CREATE TABLE insurer (
    id                     NUMBER(19)         NOT NULL,
    insurer_number         CHAR(8)            NOT NULL,
    name_kanji             VARCHAR2(100 CHAR) NOT NULL,
    name_kana              VARCHAR2(100 CHAR) NOT NULL,
    prefecture_code        CHAR(2)            NOT NULL,
    category               VARCHAR2(30)       NOT NULL,
    managing_organisation  VARCHAR2(20)       NOT NULL,
    status                 VARCHAR2(12)       NOT NULL,
    status_date            DATE,
    successor_id           NUMBER(19),
    contact_department     VARCHAR2(100 CHAR),
    contact_person_name    VARCHAR2(100 CHAR),
    contact_phone          VARCHAR2(20),
    contact_email          VARCHAR2(254),
    registered_at          TIMESTAMP          NOT NULL,
    registered_by          VARCHAR2(100 CHAR) NOT NULL,
    row_version            NUMBER(10)         NOT NULL,
    CONSTRAINT insurer_pk PRIMARY KEY (id),
    CONSTRAINT insurer_number_uk UNIQUE (insurer_number),
    CONSTRAINT insurer_successor_fk FOREIGN KEY (successor_id) REFERENCES insurer (id),
    CONSTRAINT insurer_status_ck CHECK (status IN ('ONBOARDING', 'ACTIVE', 'SUSPENDED', 'MERGED', 'DISSOLVED')),
    CONSTRAINT insurer_org_ck CHECK (managing_organisation IN ('SSK', 'KOKUHO_CHUOKAI')),
    CONSTRAINT insurer_merged_ck CHECK (status <> 'MERGED' OR (successor_id IS NOT NULL AND status_date IS NOT NULL)),
    CONSTRAINT insurer_dissolved_ck CHECK (status <> 'DISSOLVED' OR status_date IS NOT NULL)
);

CREATE INDEX insurer_org_status_ix ON insurer (managing_organisation, status, insurer_number);

-- Rows are only ever inserted: a change of rule is a new row from a later date.
CREATE TABLE numbering_rule (
    id                  NUMBER(19)         NOT NULL,
    insurer_id          NUMBER(19)         NOT NULL,
    kind                VARCHAR2(20)       NOT NULL,
    effective_from      DATE               NOT NULL,
    format_length       NUMBER(2),
    character_class     VARCHAR2(20),
    check_digit_scheme  VARCHAR2(10),
    registered_at       TIMESTAMP          NOT NULL,
    registered_by       VARCHAR2(100 CHAR) NOT NULL,
    CONSTRAINT numbering_rule_pk PRIMARY KEY (id),
    CONSTRAINT numbering_rule_insurer_fk FOREIGN KEY (insurer_id) REFERENCES insurer (id),
    CONSTRAINT numbering_rule_date_uk UNIQUE (insurer_id, effective_from),
    CONSTRAINT numbering_rule_kind_ck CHECK (kind IN ('CENTRAL_GENERATED', 'INSURER_RULE', 'LATE_ELDERLY_PADDED', 'HOUSEHOLD_BRANCH')),
    CONSTRAINT numbering_rule_format_ck CHECK (
        (kind = 'INSURER_RULE' AND format_length BETWEEN 4 AND 16 AND character_class IS NOT NULL AND check_digit_scheme IS NOT NULL)
        OR (kind <> 'INSURER_RULE' AND format_length IS NULL AND character_class IS NULL AND check_digit_scheme IS NULL))
);
