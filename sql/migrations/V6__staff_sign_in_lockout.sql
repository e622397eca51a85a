-- Console sign-in lockout: after a number of wrong passwords in a row an account is locked for a while
-- (oqs.console.lockout.attempts / .minutes); a successful sign-in resets the count.
ALTER TABLE staff_account ADD (
    failed_sign_ins  NUMBER(3)  DEFAULT 0 NOT NULL,
    locked_until     TIMESTAMP
);
