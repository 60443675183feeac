-- Test-only: what the idempotency tests create, so they can count effects.
CREATE TABLE test_widgets (
    id   uuid PRIMARY KEY,
    name text NOT NULL
);
