#!/bin/bash
# Runs once, when the key store's volume is new: the role referral_keys, which owns the key store's database and is
# nothing more (no superuser, no role or database creation), with its password from .env.
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username postgres --dbname postgres -v keys_password="$REFERRAL_KEYS_DB_PASSWORD" <<'SQL'
CREATE ROLE referral_keys LOGIN PASSWORD :'keys_password';
CREATE DATABASE referral_keys OWNER referral_keys;
SQL
