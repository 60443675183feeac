-- Which rows a change of the directory's version touched when it left the membership as it was (V12): every update of
-- a service (its capacity, or only its bookkeeping) and of an organization, by the counter it moved the version to.
-- A page of services kept at an earlier version of the same membership is still right at a later one when none of its
-- services and none of their organizations is named here in between (org.mitra.directory.version), so one service's
-- capacity report makes only the pages that show it be computed again, not every page.
CREATE TABLE directory_touched (
    counter bigint NOT NULL,
    id      uuid   NOT NULL,
    PRIMARY KEY (counter, id)
);

-- AFTER each row, when V11's BEFORE statement trigger has moved the counter and holds the version row: the counter read
-- here is this transaction's own. Rows far behind the counter are dropped now and then; a reader only asks for the last
-- DIRECTORY_TOUCHED_KEPT / 2 counters (DirectoryVersion.TOUCHED_WINDOW), so what it asks for is always still here.
CREATE FUNCTION directory_touched() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    current bigint;
BEGIN
    SELECT counter INTO current FROM directory_version;
    INSERT INTO directory_touched (counter, id) VALUES (current, NEW.id) ON CONFLICT DO NOTHING;
    IF current % 1000 = 0 THEN
        DELETE FROM directory_touched WHERE counter < current - 100000;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER directory_touched AFTER UPDATE ON service FOR EACH ROW EXECUTE FUNCTION directory_touched();
CREATE TRIGGER directory_touched AFTER UPDATE ON organization FOR EACH ROW EXECUTE FUNCTION directory_touched();
