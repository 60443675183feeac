-- Tables of the test application: a service's own migrations start at V1, after the outbox's V0_1.
CREATE TABLE test_change (
    id       uuid    PRIMARY KEY,
    item_key text    NOT NULL,
    sequence integer NOT NULL
);

CREATE TABLE test_counter (
    item_key text    PRIMARY KEY,
    applied  integer NOT NULL
);
