-- Supply of each period, kept so the coverage feed can serve past periods as they were.
CREATE TABLE coverage_snapshot (
    period              varchar(8)  NOT NULL,
    region_code         varchar(16) NOT NULL REFERENCES region (code),
    category_code       varchar(64) NOT NULL,
    providers           integer     NOT NULL,
    total_capacity      bigint      NOT NULL,
    available_capacity  bigint      NOT NULL,
    capacity_reported   boolean     NOT NULL,
    taken_at            timestamptz NOT NULL,
    PRIMARY KEY (period, region_code, category_code)
);
CREATE INDEX coverage_snapshot_taken ON coverage_snapshot (period, taken_at);

-- Every pull of a government feed: who, which feed, which period (never what it contained).
CREATE TABLE feed_pull (
    id          bigserial   PRIMARY KEY,
    actor       varchar(200) NOT NULL,
    roles       varchar(200) NOT NULL,
    feed        varchar(64)  NOT NULL,
    period      varchar(8),
    format      varchar(8)   NOT NULL,
    pulled_at   timestamptz  NOT NULL
);
CREATE INDEX feed_pull_at ON feed_pull (pulled_at);
