-- The service's own database role owns no table (issue 12 item 12). The migrations run as the owner role
-- (quarkus.flyway.username), which owns the database and every object in it; the service signs in as another role
-- (quarkus.datasource.username, here the placeholder runtime_role) that gets only what it needs:
--   * SELECT, INSERT, UPDATE, DELETE on its tables, USAGE and SELECT on their sequences;
--   * on audit_entry only SELECT and INSERT: no UPDATE, DELETE or TRUNCATE, and not being the owner it cannot switch
--     the append-only trigger off either, so neither a compromised service nor SQL injected through its pool can
--     rewrite the audit log (someone with the owner's rights still can: the keyed chain and the checkpoint in the key
--     store detect that, see audit.AuditAnchor);
--   * on audit_chain_head only SELECT (... FOR UPDATE) and UPDATE, which every append does;
--   * nothing on Flyway's schema history.
-- Tables and sequences that later migrations create get the same by the default privileges set here; a later table
-- that must be append-only revokes what it must not allow, as done here for audit_entry.
--
-- A single-role installation (Flyway signs in as the service's role, as in quarkus dev) changes nothing here: that
-- role owns every table, so it can rewrite the audit table, and this protection is absent.
DO $$
DECLARE
    runtime text := '${runtime_role}';
    target text := current_schema();
    history regclass := to_regclass(format('%I.%I', '${flyway:defaultSchema}', '${flyway:table}'));
BEGIN
    IF runtime = current_user THEN
        RAISE NOTICE 'The migrations run as the service''s own role %: it owns the audit table, which it can rewrite', runtime;
        RETURN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = runtime) THEN
        RAISE EXCEPTION 'The service''s database role % (placeholder runtime_role) does not exist', runtime;
    END IF;
    -- A role that is a superuser or may act as the owner would own everything anyway.
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = runtime AND rolsuper) OR pg_has_role(runtime, current_user, 'MEMBER') THEN
        RAISE EXCEPTION 'The service''s database role % is a superuser or a member of the owner role %', runtime, current_user;
    END IF;
    -- Installations made by older versions, whose migrations ran as the service's role, change owner first: the
    -- database (whose owner owns schema public) and every object in it.
    IF (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()) = runtime
            OR EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                       WHERE n.nspname = target AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = runtime)) THEN
        RAISE EXCEPTION 'The service''s database role % owns database % or objects in it; as a superuser, in this database: REASSIGN OWNED BY % TO %',
            runtime, current_database(), quote_ident(runtime), quote_ident(current_user);
    END IF;

    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', target, runtime);
    EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM %I', target, runtime);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', target, runtime);
    EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM %I', target, runtime);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', target, runtime);

    EXECUTE format('REVOKE UPDATE, DELETE ON audit_entry FROM %I', runtime);
    EXECUTE format('REVOKE INSERT, DELETE ON audit_chain_head FROM %I', runtime);
    IF history IS NOT NULL THEN
        EXECUTE format('REVOKE ALL ON %s FROM %I', history, runtime);
    END IF;

    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', target, runtime);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO %I', target, runtime);
END;
$$;
