-- The service's own key store role owns nothing and may do only what the code does (identity.KeyStore,
-- audit.AuditAnchor, identity.KeyRotation), as the referral database's runtime role (V10 there). The migrations run as
-- the key store's owner role (quarkus.flyway.keystore.username, e.g. referral_keys, which owns the database and every
-- object in it); the service signs in as another role (quarkus.datasource.keystore.username, here the placeholder
-- runtime_role, e.g. referral_keys_runtime), which gets:
--   * data_key: SELECT, INSERT, DELETE (deleting a key is crypto-shredding) and UPDATE of the column wrapped only
--     (key rotation re-wraps a key in place; no key moves to another subject);
--   * shredded_subject, the shred ledger: SELECT and INSERT only; it is append-only (V3), and neither a compromised
--     service nor SQL injected through its pool can update, delete or truncate it, nor switch its trigger off;
--   * audit_chain_key: SELECT, INSERT (made at the first start) and UPDATE of wrapped only (rotation; keyed_from, from
--     where the chain is keyed, never moves);
--   * audit_checkpoint: SELECT, INSERT and UPDATE (every append moves the checkpoint on); no DELETE or TRUNCATE;
--   * nothing on Flyway's schema history, and, not being the owner, no DROP, ALTER or CREATE.
-- Tables that later migrations create get SELECT, INSERT, UPDATE and DELETE by the default privileges set here; one
-- that must allow less is narrowed below, in this file.
--
-- A repeatable migration, not a versioned one: Flyway runs it again whenever its text changes, or the role it
-- migrates as, or the runtime role (the checksum of a repeatable migration is taken after its placeholders are
-- replaced, and both roles are placeholders here). So an installation that upgraded with a single role and is split
-- later gets these grants, or the refusals below, at its next migration, with no step by hand; every run first
-- revokes what the role had, so it always ends with exactly what is written here.
--
-- A single-role installation (Flyway signs in as the service's role, as in quarkus dev) changes nothing here: that
-- role owns every table, so it can rewrite the ledger and the checkpoint, and this protection is absent.
DO $$
DECLARE
    runtime text := '${runtime_role}';
    -- The role the migrations run as. Flyway's user (${flyway:user}) is named in this comment only so that a change of
    -- it changes the checksum and runs this again; the checks use current_user, the role the statements really run as.
    migrator text := current_user;
    target text := current_schema();
    history regclass := to_regclass(format('%I.%I', '${flyway:defaultSchema}', '${flyway:table}'));
BEGIN
    IF runtime = migrator THEN
        RAISE NOTICE 'The key store''s migrations run as the service''s own role %: it owns the shred ledger, which it can rewrite', runtime;
        RETURN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = runtime) THEN
        RAISE EXCEPTION 'The service''s key store role % (quarkus.datasource.keystore.username) does not exist; as a superuser of the key store''s server: CREATE ROLE % LOGIN PASSWORD ''<the password the service is given>''; then migrate again',
            runtime, quote_ident(runtime);
    END IF;
    -- A role that is a superuser or may act as the owner would own everything anyway.
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = runtime AND rolsuper) OR pg_has_role(runtime, migrator, 'MEMBER') THEN
        RAISE EXCEPTION 'The service''s key store role % is a superuser or a member of the owner role %', runtime, migrator;
    END IF;
    -- A key store whose migrations ran as the role the service now signs in as: its objects change owner first.
    IF (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()) = runtime
            OR EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                       WHERE n.nspname = target AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = runtime)) THEN
        RAISE EXCEPTION 'The service''s key store role % owns database % or objects in it; as a superuser, in this database: REASSIGN OWNED BY % TO %',
            runtime, current_database(), quote_ident(runtime), quote_ident(migrator);
    END IF;

    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', target, runtime);
    -- Revoking a table's privilege also revokes it on each of its columns.
    EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM %I', target, runtime);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', target, runtime);
    EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM %I', target, runtime);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', target, runtime);

    EXECUTE format('REVOKE UPDATE ON data_key FROM %I', runtime);
    EXECUTE format('GRANT UPDATE (wrapped) ON data_key TO %I', runtime);
    EXECUTE format('REVOKE UPDATE, DELETE ON shredded_subject FROM %I', runtime);
    EXECUTE format('REVOKE UPDATE, DELETE ON audit_chain_key FROM %I', runtime);
    EXECUTE format('GRANT UPDATE (wrapped) ON audit_chain_key TO %I', runtime);
    EXECUTE format('REVOKE DELETE ON audit_checkpoint FROM %I', runtime);
    IF history IS NOT NULL THEN
        EXECUTE format('REVOKE ALL ON %s FROM %I', history, runtime);
    END IF;

    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', target, runtime);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO %I', target, runtime);
END;
$$;
