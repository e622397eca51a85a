-- ACCESS_REFUSED entries name the status, error code, method and path template of a refused API request
-- ("404 RECEPTION_NOT_FOUND GET eligibility/bulk-lookups/{receptionNumber}"): wider than the 40 characters of V3.
-- Widening a VARCHAR2 keeps every row and its NOT NULL; the hash chains cover the text, not the column width.
ALTER TABLE audit_entry MODIFY (result VARCHAR2(200 CHAR));
