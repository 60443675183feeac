-- Transactional outbox: a service inserts its events here in the same transaction as the change;
-- the relay publishes them to Kafka in position order and stamps published_at.
CREATE TABLE outbox_event (
    position     bigserial   PRIMARY KEY,          -- publication order
    event_id     uuid        NOT NULL UNIQUE,      -- the CloudEvent id
    topic        text        NOT NULL,
    kafka_key    text        NOT NULL,             -- the entity id
    type         text,                             -- CloudEvent type; null for a tombstone
    payload      text,                             -- the structured-mode JSON envelope, byte for byte; null for a tombstone
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);

-- The relay reads only unpublished rows, usually a handful among many published ones.
CREATE INDEX outbox_event_unpublished ON outbox_event (position) WHERE published_at IS NULL;
-- Retention deletes published rows by age.
CREATE INDEX outbox_event_published_at ON outbox_event (published_at) WHERE published_at IS NOT NULL;

-- Inbox: the events each consumer has already applied, so a redelivery has no second effect.
CREATE TABLE inbox_event (
    consumer     text        NOT NULL,
    event_id     uuid        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

CREATE INDEX inbox_event_processed_at ON inbox_event (processed_at);
