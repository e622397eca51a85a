-- Console sign-in lockout: after a number of wrong passwords in a row an account is locked for a while
-- (oqs.console.lockout.attempts / .minutes); a successful sign-in resets the count.
-- One column per statement: the embedded engine (HSQLDB) does not take Oracle's parenthesised ADD list.
ALTER TABLE staff_account ADD failed_sign_ins NUMBER(3) DEFAULT 0 NOT NULL;
ALTER TABLE staff_account ADD locked_until TIMESTAMP;
