-- The reason code of an audited action (issue 12 item 9: a consent withdrawal's reason is audited). A code such
-- as NO_LONGER_INTERESTED, never free text about a person. It joins the hash chain's canonical serialization as
-- an eighth field only when present, so the rows chained before keep their hashes (see audit.AuditChain).
ALTER TABLE audit_entry ADD COLUMN reason_code varchar(64);
