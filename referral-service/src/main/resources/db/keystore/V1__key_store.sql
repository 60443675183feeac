-- The key store: a database of its own, apart from the referral database, so that a backup of the
-- referral database never holds the keys that open its ciphertexts. Ids and times only, no personal data.

-- Each subject's data key, wrapped by the key-encryption keyset from configuration and bound to the
-- subject's id. Deleting the row is crypto-shredding: every copy of the subject's ciphertexts, in the
-- referral database and in all its backups, becomes unreadable.
CREATE TABLE data_key (
    subject_id  uuid PRIMARY KEY,
    wrapped     bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Which subjects' keys were destroyed, and when: after a restore of the referral database from a
-- backup, the service erases those subjects' ciphertexts again at start-up.
CREATE TABLE shredded_subject (
    subject_id   uuid PRIMARY KEY,
    shredded_at  timestamptz NOT NULL
);
