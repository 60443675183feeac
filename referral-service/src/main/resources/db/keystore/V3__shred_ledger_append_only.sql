-- The shred ledger is append-only, as the referral database's audit log is (V2 there): a subject once recorded as
-- shredded stays recorded, so that the erasure is re-applied after every restore of the referral database
-- (identity.KeyStoreStartup). The service only ever inserts into it (KeyStore.shred, ON CONFLICT DO NOTHING) and
-- reads it; the runtime role's grants (R__key_store_runtime_role.sql) allow nothing more, and this trigger refuses
-- UPDATE, DELETE and TRUNCATE to every role, the owner's included, until the owner switches it off on purpose
-- (ALTER TABLE shredded_subject DISABLE TRIGGER shredded_subject_append_only), which the runtime role, not being the
-- owner, cannot. A statement-level trigger, so it also refuses TRUNCATE, which fires no row trigger.
CREATE FUNCTION shredded_subject_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'shredded_subject is append-only';
END;
$$;
CREATE TRIGGER shredded_subject_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON shredded_subject
    FOR EACH STATEMENT EXECUTE FUNCTION shredded_subject_is_append_only();
