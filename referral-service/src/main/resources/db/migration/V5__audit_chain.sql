-- The audit log becomes a hash chain, so an edited, deleted or truncated row is detected
-- (GET /api/referrals/audit/verification): every row gets a sequence number (1, 2, 3, ... without gaps) and
-- hash = hex(SHA-256(previous row's hash || LF || canonical serialization of the row)), the first row chained to
-- 64 zeros. The canonical serialization is, for sequence, occurred_at (epoch microseconds), actor,
-- organization_id (empty when none), referral_id, action and outcome in that order, each field written as
-- <UTF-8 byte length>:<value>; -- see audit.AuditChain, which computes the same in Java.
ALTER TABLE audit_entry ADD COLUMN sequence bigint;
ALTER TABLE audit_entry ADD COLUMN hash varchar(64);

CREATE FUNCTION audit_entry_canonical(seq bigint, occurred_at timestamptz, actor text, organization_id uuid,
        referral_id uuid, action text, outcome text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT string_agg(octet_length(field) || ':' || field || ';', '' ORDER BY position)
    FROM unnest(ARRAY[seq::text,
                      (extract(epoch FROM occurred_at) * 1000000)::bigint::text,
                      actor,
                      coalesce(organization_id::text, ''),
                      referral_id::text,
                      action,
                      outcome]) WITH ORDINALITY AS fields(field, position)
$$;

CREATE FUNCTION audit_entry_hash(previous_hash text, canonical text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(previous_hash || E'\n' || canonical, 'UTF8')), 'hex')
$$;

-- The head of the chain: the last sequence and hash. Every append locks this one row (SELECT ... FOR UPDATE) in
-- its own transaction, so appends are serialized and the chain never forks; the head also reveals rows cut off
-- the end of the chain, which the chain alone could not.
CREATE TABLE audit_chain_head (
    id        smallint    PRIMARY KEY CHECK (id = 1),
    sequence  bigint      NOT NULL,
    hash      varchar(64) NOT NULL
);

-- Existing rows are chained in the order they were written.
ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only;
DO $$
DECLARE
    previous text := repeat('0', 64);
    next_sequence bigint := 0;
    entry record;
BEGIN
    FOR entry IN SELECT * FROM audit_entry ORDER BY id LOOP
        next_sequence := next_sequence + 1;
        previous := audit_entry_hash(previous, audit_entry_canonical(next_sequence, entry.occurred_at, entry.actor,
                entry.organization_id, entry.referral_id, entry.action, entry.outcome));
        UPDATE audit_entry SET sequence = next_sequence, hash = previous WHERE id = entry.id;
    END LOOP;
    INSERT INTO audit_chain_head (id, sequence, hash) VALUES (1, next_sequence, previous);
END;
$$;
ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only;

ALTER TABLE audit_entry ALTER COLUMN sequence SET NOT NULL;
ALTER TABLE audit_entry ALTER COLUMN hash SET NOT NULL;
CREATE UNIQUE INDEX audit_entry_sequence ON audit_entry (sequence);
