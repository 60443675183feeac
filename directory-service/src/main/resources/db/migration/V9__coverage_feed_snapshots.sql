-- What the coverage feed publishes of each period, frozen (libs/web FeedVersions): a closed period's table is a
-- snapshot refreshed at most once a day, however often it is pulled, so a late rejection or overdue flag of one
-- referral of an ended period shows only in the next day's snapshot, never within seconds of the event. changed_at
-- (Last-Modified, the since cursor) moves only when the published content does; had_figures stays true once any
-- snapshot of the period published a figure.
CREATE TABLE coverage_feed_version (
    period        varchar(8)  PRIMARY KEY,
    content_hash  varchar(64) NOT NULL,
    changed_at    timestamptz NOT NULL,
    content       text,
    empty         boolean     NOT NULL DEFAULT false,
    had_figures   boolean     NOT NULL DEFAULT false,
    taken_at      timestamptz
);
