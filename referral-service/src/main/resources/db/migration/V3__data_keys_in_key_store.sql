-- Data keys now live in the key store (a database of its own, datasource "keystore"), never here:
-- a backup of this database must not carry the keys that open its ciphertexts. At start-up the
-- service moves any key still in subject.data_key (installations from before this change) into the
-- key store and sets the column to NULL (identity.KeyStoreStartup). The column is kept, not dropped,
-- because Flyway runs before that move: dropping it here would destroy live keys. A later migration
-- may drop it once every installation has started at least once with this version.
COMMENT ON COLUMN subject.data_key IS 'No longer used: always NULL. Data keys live in the key store database.';
