-- A feed's version table as every service creates it.
CREATE TABLE visits_feed_version (
    period        varchar(8)  PRIMARY KEY,
    content_hash  varchar(64) NOT NULL,
    changed_at    timestamptz NOT NULL,
    content       text,
    empty         boolean     NOT NULL DEFAULT false,
    had_figures   boolean     NOT NULL DEFAULT false,
    taken_at      timestamptz
);
