-- What the desk needs to charge (窓口負担, issue 11 section 2), kept in the qualification history with the other
-- attributes of a version, so a change of any of them is a new version and the past is never overwritten, and a
-- sync batch writes them with the versions it already writes (no table, no query more per record).
-- card_classification: 被保険者証区分 by enum name (GENERAL 01 … SELF_DEFENSE_FORCES 07), NULL when never sent.
-- elderly_*: the 高齢受給者証 held in the version (all four set or none); its dates are inclusive.
ALTER TABLE qualification_version ADD card_classification VARCHAR2(30);
ALTER TABLE qualification_version ADD elderly_issued_on DATE;
ALTER TABLE qualification_version ADD elderly_valid_from DATE;
ALTER TABLE qualification_version ADD elderly_valid_to DATE;
ALTER TABLE qualification_version ADD elderly_ratio NUMBER(2);
ALTER TABLE qualification_version ADD CONSTRAINT qualification_version_card_ck CHECK (card_classification IN
    ('GENERAL', 'RETIREE', 'SHORT_TERM', 'SHORT_TERM_RETIREE', 'QUALIFICATION_CERTIFICATE', 'SPECIAL_RETIREE',
     'SELF_DEFENSE_FORCES'));
ALTER TABLE qualification_version ADD CONSTRAINT qualification_version_elderly_ck CHECK (
    (elderly_valid_from IS NULL AND elderly_valid_to IS NULL AND elderly_issued_on IS NULL AND elderly_ratio IS NULL)
    OR (elderly_valid_from IS NOT NULL AND elderly_valid_to >= elderly_valid_from AND elderly_issued_on IS NOT NULL
        AND elderly_ratio IN (20, 30)));
-- limit_*: the 限度額適用認定証 held in the version (classification, category, three dates set or none);
-- specific_diseases: its 特定疾病療養受療証 (at most three, one per category) in one column, written and read with the
-- version: 'CATEGORY,issuedOn,validFrom,validTo,selfPayLimit' separated by ';', NULL when none.
ALTER TABLE qualification_version ADD limit_classification VARCHAR2(30);
ALTER TABLE qualification_version ADD limit_category VARCHAR2(3);
ALTER TABLE qualification_version ADD limit_issued_on DATE;
ALTER TABLE qualification_version ADD limit_valid_from DATE;
ALTER TABLE qualification_version ADD limit_valid_to DATE;
ALTER TABLE qualification_version ADD limit_long_term_on DATE;
ALTER TABLE qualification_version ADD specific_diseases VARCHAR2(300);
ALTER TABLE qualification_version ADD CONSTRAINT qualification_version_limit_ck CHECK (
    (limit_valid_from IS NULL AND limit_valid_to IS NULL AND limit_issued_on IS NULL AND limit_category IS NULL
        AND limit_classification IS NULL AND limit_long_term_on IS NULL)
    OR (limit_valid_from IS NOT NULL AND limit_valid_to >= limit_valid_from AND limit_issued_on IS NOT NULL
        AND limit_classification IN ('LIMIT', 'LIMIT_AND_MEAL_REDUCTION', 'MEAL_REDUCTION')
        AND limit_category IN ('A01', 'A02', 'A03', 'A04', 'A05', 'A06', 'B01', 'B02', 'B03', 'B04', 'B05', 'B06',
                               'B07', 'B08', 'B09', 'B10')));
-- a bulk entry's limitCertificateConsent, kept with the entry until it is answered (1 consented, 0 not)
ALTER TABLE bulk_entry ADD limit_consent NUMBER(1) DEFAULT 0 NOT NULL;
-- whether a bulk answer's 限度額 data changed since the clinic's previous bulk answer for the card: the digest of
-- what was last answered, per clinic and card (clinic code, insurer number, 'I:' individual number or
-- 'H:' 記号 U+001F 番号 U+001F 枝番, separated by U+001F); and the answer of each entry (1 changed, 0 not, NULL when
-- the entry carried no 限度額 data under consent)
CREATE TABLE clinic_limit_answer (
    answer_key   VARCHAR2(200 CHAR)  NOT NULL,
    clinic_code  CHAR(10)            NOT NULL,
    digest       CHAR(64)            NOT NULL,
    answered_at  TIMESTAMP           NOT NULL,
    CONSTRAINT clinic_limit_answer_pk PRIMARY KEY (answer_key)
);
ALTER TABLE bulk_entry ADD limit_changed NUMBER(1);
