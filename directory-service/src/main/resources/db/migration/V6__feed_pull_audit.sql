-- Feed pulls recorded as the other services record them: the token's subject beside its user name, and whether
-- the caller already had the period (a 304) in a column of its own instead of a "-304" suffix on the format.
ALTER TABLE feed_pull ADD COLUMN subject varchar(200);
ALTER TABLE feed_pull ADD COLUMN not_modified boolean NOT NULL DEFAULT false;
UPDATE feed_pull SET not_modified = true, format = left(format, length(format) - 4) WHERE format LIKE '%-304';
ALTER TABLE feed_pull ALTER COLUMN not_modified DROP DEFAULT;
CREATE INDEX feed_pull_actor ON feed_pull (actor, pulled_at);
