-- The directory's version: one row whose counter moves on with every committed transaction that changes what the
-- searches, the coverage supply and the HSDS export read, so readers can keep results labelled with it
-- (org.mitra.directory.version). A trigger on each table does it, so no write path can forget it. The epoch tells
-- one database from another (a database dropped and seeded again starts its counter at 0 again).
CREATE TABLE directory_version (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    epoch uuid NOT NULL DEFAULT gen_random_uuid(),
    counter bigint NOT NULL
);
INSERT INTO directory_version (counter) VALUES (0);

-- Before a transaction's first change to a directory table, so writers lock this row before any directory row (they
-- queue here instead of deadlocking), and once per transaction (a transaction-local flag), so a load of many
-- statements updates the row once. The flag also tells a reader that its transaction changed the directory itself.
CREATE FUNCTION directory_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('mitra.directory_changed', true), '') <> 'on' THEN
        UPDATE directory_version SET counter = counter + 1;
        PERFORM set_config('mitra.directory_changed', 'on', true);
    END IF;
    RETURN NULL;
END $$;

DO $$
DECLARE
    changed text;
BEGIN
    FOREACH changed IN ARRAY ARRAY['taxonomy_term', 'region', 'organization', 'organization_language',
            'organization_region', 'service', 'service_region', 'service_language', 'service_gender',
            'service_nationality', 'service_exploitation_form', 'service_location'] LOOP
        EXECUTE format('CREATE TRIGGER directory_changed BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                || 'FOR EACH STATEMENT EXECUTE FUNCTION directory_changed()', changed);
    END LOOP;
END $$;
