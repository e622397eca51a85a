-- 照会番号 (issue 11 section 3): a clinic's own patient id for a card, registered by the clinic and returned only to
-- it in later answers. The card is named by its numbers as the clinic sent them, normalised, in one key:
-- clinic code, insurer number, household key (記号 + U+001F + 番号) and 枝番, separated by U+001F. Registering says
-- nothing about whether such a card exists, so the key is not linked to a qualification or person.

CREATE TABLE clinic_reference_number (
    card_key          VARCHAR2(120 CHAR)  NOT NULL,
    clinic_code       CHAR(10)            NOT NULL,
    reference_number  VARCHAR2(20)        NOT NULL,
    updated_at        TIMESTAMP           NOT NULL,
    CONSTRAINT clinic_reference_number_pk PRIMARY KEY (card_key)
);
-- a clinic's registrations, counted against oqs.eligibility.reference-numbers.max-per-clinic at each registration
CREATE INDEX clinic_reference_number_clinic_ix ON clinic_reference_number (clinic_code);
