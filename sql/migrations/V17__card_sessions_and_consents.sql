-- Card sessions at the reception desk (issue 11): the clinic opens a session, the card signs its nonce within two
-- minutes, and the session is confirmed once. A confirmed session keeps the certificate (issuer + serial) it was
-- confirmed with, so a bare certificate lookup can be required to follow one (oqs.certificates.require-session).
CREATE TABLE card_session (
    id                  VARCHAR2(36)        NOT NULL,
    clinic_code         CHAR(10)            NOT NULL,
    nonce               VARCHAR2(64)        NOT NULL,
    created_at          TIMESTAMP           NOT NULL,
    expires_at          TIMESTAMP           NOT NULL,
    confirmed_at        TIMESTAMP,
    person_id           NUMBER(19),
    certificate_issuer  VARCHAR2(400 CHAR),
    certificate_serial  VARCHAR2(64),
    CONSTRAINT card_session_pk PRIMARY KEY (id),
    CONSTRAINT card_session_person_fk FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT card_session_confirmed_ck CHECK ((confirmed_at IS NULL AND person_id IS NULL
        AND certificate_issuer IS NULL AND certificate_serial IS NULL)
        OR (confirmed_at IS NOT NULL AND person_id IS NOT NULL AND certificate_issuer IS NOT NULL
        AND certificate_serial IS NOT NULL))
);
CREATE INDEX card_session_expiry_ix ON card_session (expires_at);
CREATE INDEX card_session_certificate_ix ON card_session (certificate_serial, certificate_issuer, clinic_code);
CREATE INDEX card_session_person_ix ON card_session (person_id);

-- A patient's consent, given at a clinic's reader, to share one category with that clinic for 24 hours. One row
-- per (person, clinic, category): a new consent renews it, a withdrawal ends it at once; every grant and
-- withdrawal is on the audit trail, which keeps the history.
CREATE TABLE person_consent (
    id            NUMBER(19)    NOT NULL,
    person_id     NUMBER(19)    NOT NULL,
    clinic_code   CHAR(10)      NOT NULL,
    category      VARCHAR2(20)  NOT NULL,
    granted_at    TIMESTAMP     NOT NULL,
    expires_at    TIMESTAMP     NOT NULL,
    withdrawn_at  TIMESTAMP,
    CONSTRAINT person_consent_pk PRIMARY KEY (id),
    CONSTRAINT person_consent_uk UNIQUE (person_id, clinic_code, category),
    CONSTRAINT person_consent_person_fk FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT person_consent_category_ck
        CHECK (category IN ('LIMIT_CERTIFICATE', 'SPECIFIC_DISEASES', 'CHECKUPS', 'MEDICATIONS'))
);
CREATE SEQUENCE person_consent_seq START WITH 50 INCREMENT BY 50 NOCACHE;
