-- Query shapes of the bulk check and the sync batch (issue 14).
--
-- A bulk chunk reads its entries' candidates, and a sync batch what its records' households have taken, with one
-- IN list of household keys. The embedded engine (HSQLDB) uses an index for an IN list only when the list is on
-- the index's first column and no other index serves an equality of the same query; with insurer_id first it
-- read every qualification of the insurer for each list (a cost that grew with the register, not the batch).
-- Those queries now select by the key alone (the insurer is checked on the rows found), so the key leads here.
-- A single check (insurer_id = ? AND household_key = ?) uses the same index.
DROP INDEX qualification_household_ix;
CREATE INDEX qualification_household_ix ON qualification (household_key, insurer_id);

