-- The directory's membership: a second counter beside V11's, moved on by every change except one that only changes a
-- service's capacity (what it counts, how much, its status, when reported) and the rows' own bookkeeping (version,
-- updated_at of the service and of its organization, which a capacity report touches too). Capacity is the directory's most frequent write (organizations report it through the day) and changes
-- no search's answer unless the search asks for available services or for changes since a time, so answers that do
-- not depend on it are kept for the membership (org.mitra.directory.version) and survive it.
ALTER TABLE directory_version ADD COLUMN membership bigint NOT NULL DEFAULT 0;

-- Once per transaction, as V11's counter, after that counter (V11's trigger locked the row first).
CREATE FUNCTION directory_membership_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('mitra.directory_membership_changed', true), '') <> 'on' THEN
        UPDATE directory_version SET membership = membership + 1;
        PERFORM set_config('mitra.directory_membership_changed', 'on', true);
    END IF;
    RETURN NULL;
END $$;

-- Every table but service and organization: any change is a change of membership. AFTER the statement, so V11's BEFORE trigger has
-- taken the row's lock first, in the same order for every writer.
DO $$
DECLARE
    changed text;
BEGIN
    FOREACH changed IN ARRAY ARRAY['taxonomy_term', 'region', 'organization_language',
            'organization_region', 'service_region', 'service_language', 'service_gender',
            'service_nationality', 'service_exploitation_form', 'service_location'] LOOP
        EXECUTE format('CREATE TRIGGER directory_membership_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                || 'FOR EACH STATEMENT EXECUTE FUNCTION directory_membership_changed()', changed);
    END LOOP;
END $$;

-- A service: a row added, removed or truncated; and an update of anything but its capacity and bookkeeping. The
-- columns are named by what is left out, so a column added later counts as membership until someone decides otherwise.
CREATE TRIGGER directory_membership_changed AFTER INSERT OR DELETE ON service
    FOR EACH ROW EXECUTE FUNCTION directory_membership_changed();
CREATE TRIGGER directory_membership_truncated AFTER TRUNCATE ON service
    FOR EACH STATEMENT EXECUTE FUNCTION directory_membership_changed();
CREATE TRIGGER directory_membership_updated AFTER UPDATE ON service
    FOR EACH ROW WHEN ((to_jsonb(OLD) - ARRAY['capacity_unit', 'capacity_maximum', 'capacity_available', 'capacity_status',
                                              'capacity_updated_at', 'version', 'updated_at'])
                       IS DISTINCT FROM
                       (to_jsonb(NEW) - ARRAY['capacity_unit', 'capacity_maximum', 'capacity_available', 'capacity_status',
                                              'capacity_updated_at', 'version', 'updated_at']))
    EXECUTE FUNCTION directory_membership_changed();

-- An organization: the same, with only its bookkeeping left out.
CREATE TRIGGER directory_membership_changed AFTER INSERT OR DELETE ON organization
    FOR EACH ROW EXECUTE FUNCTION directory_membership_changed();
CREATE TRIGGER directory_membership_truncated AFTER TRUNCATE ON organization
    FOR EACH STATEMENT EXECUTE FUNCTION directory_membership_changed();
CREATE TRIGGER directory_membership_updated AFTER UPDATE ON organization
    FOR EACH ROW WHEN ((to_jsonb(OLD) - ARRAY['version', 'updated_at']) IS DISTINCT FROM (to_jsonb(NEW) - ARRAY['version', 'updated_at']))
    EXECUTE FUNCTION directory_membership_changed();
