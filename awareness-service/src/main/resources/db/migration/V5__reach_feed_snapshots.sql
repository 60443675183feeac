-- Each ended month's published table is a snapshot, taken again at most once a day (libs/web FeedVersions):
-- an erasure or a cancellation shows only in the next day's snapshot with every other change of that day, never
-- within seconds of it. had_figures keeps a month listed once it had figures.
ALTER TABLE reach_feed_version
    ADD COLUMN content      text,
    ADD COLUMN empty        boolean NOT NULL DEFAULT false,
    ADD COLUMN had_figures  boolean NOT NULL DEFAULT true,
    ADD COLUMN taken_at     timestamptz;
ALTER TABLE reach_feed_version ALTER COLUMN had_figures SET DEFAULT false;
