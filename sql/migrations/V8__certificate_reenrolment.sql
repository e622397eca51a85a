-- Card-certificate enrolments: who revoked, and a revoked enrolment no longer blocks a later re-enrolment.
-- A certificate (issuer + serial) has at most one active enrolment: active rows carry revocation_slot 0, a revoked
-- row carries its own id, so the unique key covers (issuer, serial) of active rows only. (A function-based unique
-- index would do this on Oracle but not on HSQLDB.)
ALTER TABLE certificate_enrolment ADD revoked_by VARCHAR2(100 CHAR);
ALTER TABLE certificate_enrolment ADD revocation_slot NUMBER(19) DEFAULT 0 NOT NULL;
UPDATE certificate_enrolment SET revocation_slot = id WHERE revoked_at IS NOT NULL;
ALTER TABLE certificate_enrolment DROP CONSTRAINT certificate_enrolment_uk;
ALTER TABLE certificate_enrolment ADD CONSTRAINT certificate_enrolment_uk
    UNIQUE (issuer_dn, serial_hex, revocation_slot);
