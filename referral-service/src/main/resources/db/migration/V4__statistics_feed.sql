-- The referral statistics feed's published content per period (a quarter such as 2026-Q4 or a month such
-- as 2026-11): a hash of the figures as last generated and when they last changed. Last-Modified and the
-- since cursor follow what was published (after suppression and rounding), so they never reveal when a
-- single referral was submitted, moved on or was marked entered-in-error.
CREATE TABLE statistics_feed_version (
    period        varchar(8)  PRIMARY KEY,
    content_hash  varchar(64) NOT NULL,
    changed_at    timestamptz NOT NULL
);

-- Every pull of a government feed: who (the token's user name and subject), which feed and period, in
-- which format, and whether nothing had changed (304). Never what it contained.
CREATE TABLE feed_pull (
    id            bigserial    PRIMARY KEY,
    actor         varchar(200) NOT NULL,
    subject       varchar(200),
    roles         varchar(200) NOT NULL,
    feed          varchar(64)  NOT NULL,
    period        varchar(8),
    format        varchar(8)   NOT NULL,
    not_modified  boolean      NOT NULL,
    pulled_at     timestamptz  NOT NULL
);
CREATE INDEX feed_pull_at ON feed_pull (pulled_at);
CREATE INDEX feed_pull_actor ON feed_pull (actor, pulled_at);
