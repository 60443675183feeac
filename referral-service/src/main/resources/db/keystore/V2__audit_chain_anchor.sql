-- The referral audit log's anchor, outside the referral database (issue 12 item 12). No personal data.

-- The key of the audit chain's HMAC, wrapped by the key-encryption keyset from configuration: neither the referral
-- database nor this one alone can recompute the chain. Entries from keyed_from on are chained with HMAC-SHA-256
-- under this key; the ones before (chained with plain SHA-256 by earlier versions) are anchored by the first keyed
-- entry, whose MAC covers the last of them.
CREATE TABLE audit_chain_key (
    id          smallint    PRIMARY KEY CHECK (id = 1),
    wrapped     bytea       NOT NULL,
    keyed_from  bigint      NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- The last head the service wrote (sequence and hash), with an HMAC over both: a rewrite or truncation of the
-- referral database's chain and head behind it is detected by the verification.
CREATE TABLE audit_checkpoint (
    id          smallint    PRIMARY KEY CHECK (id = 1),
    sequence    bigint      NOT NULL,
    hash        varchar(64) NOT NULL,
    mac         varchar(64) NOT NULL,
    updated_at  timestamptz NOT NULL
);
