-- Idempotency-Key records of libs/web: one row per (caller, operation, key), claimed in the same
-- transaction as the change it guards, so a retry finds either nothing or the committed response.
CREATE TABLE idempotency_keys (
    caller          text        NOT NULL,
    operation       text        NOT NULL,
    idempotency_key text        NOT NULL,
    request_hash    text        NOT NULL,
    status          integer,
    content_type    text,
    body            text,
    headers         text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    PRIMARY KEY (caller, operation, idempotency_key)
);

CREATE INDEX idempotency_keys_expires_at ON idempotency_keys (expires_at);
