-- A bulk entry's answer is kept inline when it fits 4000 bytes (every ordinary answer does); the CLOB column
-- takes only a longer one. A LOB costs a locator and a write of its own per entry on Oracle, and ten times a
-- row's write on the embedded engine (HSQLDB): a 100,000-entry bulk check writes 100,000 of them.
ALTER TABLE bulk_entry ADD answer_text VARCHAR2(4000);
