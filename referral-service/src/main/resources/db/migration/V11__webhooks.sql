-- Webhooks (issue 16): an organization's subscriptions, the deliveries owed to each and every attempt at them.
-- Nothing personal is kept here: a delivery's payload holds a type, a time, ids and status codes only. The signing
-- secrets are stored wrapped by the key-encryption keyset (identity.Vault#wrapSecret), never in the clear. The
-- service's role gets the usual rights through V10's default privileges.

CREATE TABLE webhook_subscription (
    id                        uuid PRIMARY KEY,
    organization_id           uuid        NOT NULL,
    url                       text        NOT NULL,
    event_types               text        NOT NULL, -- comma-separated webhook types, e.g. referral.received
    description               text,
    status                    text        NOT NULL, -- PENDING_VERIFICATION, ACTIVE, DISABLED
    status_reason             text,
    secret_wrapped            bytea       NOT NULL,
    previous_secret_wrapped   bytea,
    previous_secret_until     timestamptz,
    failing_since             timestamptz,
    paused_until              timestamptz,         -- the endpoint asked to wait (429/503 Retry-After) or failed
    created_by                text        NOT NULL,
    created_at                timestamptz NOT NULL,
    updated_at                timestamptz NOT NULL,
    version                   bigint      NOT NULL DEFAULT 0
);
CREATE INDEX webhook_subscription_organization ON webhook_subscription (organization_id);

CREATE TABLE webhook_delivery (
    seq               bigserial PRIMARY KEY,
    subscription_id   uuid        NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    message_id        text        NOT NULL, -- webhook-id: the event's id, the receiver's dedupe key
    event_type        text        NOT NULL,
    order_key         text        NOT NULL, -- deliveries with the same key (a referral) go out in seq order
    payload           text        NOT NULL,
    occurred_at       timestamptz NOT NULL,
    created_at        timestamptz NOT NULL,
    status            text        NOT NULL, -- PENDING, DELIVERED, FAILED
    attempts          int         NOT NULL DEFAULT 0,
    next_attempt_at   timestamptz,
    last_status_code  int,
    delivered_at      timestamptz,
    UNIQUE (subscription_id, message_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_queue ON webhook_delivery (subscription_id, order_key, seq) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_log ON webhook_delivery (subscription_id, created_at);

CREATE TABLE webhook_attempt (
    id            bigserial PRIMARY KEY,
    delivery_seq  bigint      NOT NULL REFERENCES webhook_delivery (seq) ON DELETE CASCADE,
    attempted_at  timestamptz NOT NULL,
    status_code   int,                  -- null: no answer (refused, timed out, address not allowed)
    latency_ms    int         NOT NULL,
    error         text                  -- what went wrong in Mitra's words; never the receiver's body
);
CREATE INDEX webhook_attempt_delivery ON webhook_attempt (delivery_seq, attempted_at);

-- The last verification status seen per organization, so a change of it (not every directory update) is announced.
CREATE TABLE webhook_organization_status (
    organization_id  uuid PRIMARY KEY,
    status           text NOT NULL
);
