-- Console sign-in: 支払基金 / 国保中央会 staff accounts. Passwords are kept only as salted PBKDF2 hashes
-- (Jakarta Security's Pbkdf2PasswordHash format: algorithm:iterations:salt:hash). The first administrator of each
-- organisation is created from configuration at first start; administrators create the others.
CREATE TABLE staff_account (
    id              NUMBER(19)          NOT NULL,
    username        VARCHAR2(64)        NOT NULL,
    display_name    VARCHAR2(100 CHAR)  NOT NULL,
    role            VARCHAR2(16)        NOT NULL,
    password_hash   VARCHAR2(400)       NOT NULL,
    enabled         NUMBER(1)           DEFAULT 1 NOT NULL,
    created_at      TIMESTAMP           NOT NULL,
    created_by      VARCHAR2(64)        NOT NULL,
    CONSTRAINT staff_account_pk PRIMARY KEY (id),
    CONSTRAINT staff_account_username_uk UNIQUE (username),
    CONSTRAINT staff_account_role_ck CHECK (role IN ('ssk-admin', 'kokuho-admin', 'auditor')),
    CONSTRAINT staff_account_enabled_ck CHECK (enabled IN (0, 1))
);
CREATE SEQUENCE staff_account_seq START WITH 50 INCREMENT BY 50 NOCACHE;
