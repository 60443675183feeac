-- When the organization last edited its service's details or confirmed them as still accurate (issue 17, directory
-- freshness). Existing services count as confirmed when they were last changed. The default serves seeders writing
-- SQL; the application always sets it. V12's trigger counts a change of it as a change of membership, as it should:
-- it can move the service in the search's order.
ALTER TABLE service ADD COLUMN details_confirmed_at timestamptz;
UPDATE service SET details_confirmed_at = updated_at;
ALTER TABLE service ALTER COLUMN details_confirmed_at SET NOT NULL;
ALTER TABLE service ALTER COLUMN details_confirmed_at SET DEFAULT now();

-- The coalition's list of what is due reads active services by their oldest confirmation.
CREATE INDEX service_details_confirmed ON service (details_confirmed_at) WHERE status = 'ACTIVE';
