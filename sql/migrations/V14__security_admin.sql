-- Security administrators (issue 10 finding 2): a separate console role, security-admin, is the only one that
-- creates, disables and re-enables auditor accounts (two people for one grant: an organisation's administrators
-- no longer make auditors). An auditor belongs to one organisation (SSK or KOKUHO_CHUOKAI) and reads only its
-- insurers' people and sync activity; the column is empty for every other role.
ALTER TABLE staff_account DROP CONSTRAINT staff_account_role_ck;
ALTER TABLE staff_account ADD CONSTRAINT staff_account_role_ck
    CHECK (role IN ('ssk-admin', 'kokuho-admin', 'auditor', 'security-admin'));
ALTER TABLE staff_account ADD organisation VARCHAR2(16);
ALTER TABLE staff_account ADD CONSTRAINT staff_account_organisation_ck
    CHECK (organisation IS NULL OR (role = 'auditor' AND organisation IN ('SSK', 'KOKUHO_CHUOKAI')));
-- Auditors made before this migration were granted by one administrator alone: they belong to that administrator's
-- organisation and stay disabled until a security administrator enables them (the second person of the grant).
UPDATE staff_account a SET organisation = (
        SELECT CASE c.role WHEN 'ssk-admin' THEN 'SSK' WHEN 'kokuho-admin' THEN 'KOKUHO_CHUOKAI' END
        FROM staff_account c WHERE c.username = a.created_by),
    enabled = 0
    WHERE a.role = 'auditor';
