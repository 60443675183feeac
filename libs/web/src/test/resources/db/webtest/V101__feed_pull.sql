-- The feed pull audit as every service creates it.
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
