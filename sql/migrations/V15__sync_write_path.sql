-- The write path of a sync batch (issue 14): every index of qualification_version is maintained for each version
-- a batch writes (10,000 or more per batch). qualification_version_asof_ix (qualification_id, valid_from; V2) is
-- covered by qualification_version_q_ix (qualification_id, superseded_by, valid_from; V3): every read of versions
-- selects by qualification_id, which leads both, and the as-of reads also by superseded_by IS NULL, which only the
-- second serves. The first only cost writes.
DROP INDEX qualification_version_asof_ix;
