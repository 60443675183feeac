-- What the public coverage shows of demand: the published (disclosure-controlled) figures of the last complete
-- month per region and category, as the coverage feed publishes them, taken at most once a day. Only published
-- counts above zero are kept; a missing row reads as withheld, the same for a zero and for a small count.
CREATE TABLE coverage_public_demand (
    period                varchar(8)  NOT NULL,
    region_code           varchar(16) NOT NULL,
    category_code         varchar(64) NOT NULL,
    requested             bigint,
    rejected_no_capacity  bigint,
    overdue               bigint,
    PRIMARY KEY (period, region_code, category_code)
);

CREATE TABLE coverage_public_demand_taken (
    period    varchar(8)  PRIMARY KEY,
    taken_at  timestamptz NOT NULL
);
