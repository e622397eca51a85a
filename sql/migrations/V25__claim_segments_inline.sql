-- A claim's segments are kept inline when they fit 4000 bytes (every ordinary claim: a segment is about 200
-- bytes); the CLOB column takes only a longer list. As for bulk answers (V7), a LOB costs a write of its own per
-- row, and about half of a month's re-routed claims carry segments.
ALTER TABLE claim_item ADD segments_text VARCHAR2(4000);
