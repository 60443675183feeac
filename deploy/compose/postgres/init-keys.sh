#!/bin/bash
# Runs when the key store's volume is new (the image's /docker-entrypoint-initdb.d), with the passwords from .env:
#   * referral_keys owns the key store's database and runs its migrations (referral-migrate), nothing more (no
#     superuser, no role or database creation);
#   * referral_keys_runtime is the role referral-service signs in as: it owns nothing, and the migrations grant it only
#     what the service does (referral-service/README.md, "Roles of the key store").
# Idempotent: a volume made before referral_keys_runtime existed gets it by running this once more, as the superuser:
#   docker compose up -d postgres-keys
#   docker compose exec postgres-keys /docker-entrypoint-initdb.d/init-keys.sh
# (referral-migrate refuses to migrate until the role exists, naming it).
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username postgres --dbname postgres \
  -v keys_password="$REFERRAL_KEYS_DB_PASSWORD" \
  -v runtime_password="$REFERRAL_KEYS_RUNTIME_DB_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE referral_keys LOGIN PASSWORD %L', :'keys_password')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'referral_keys')\gexec
SELECT 'CREATE DATABASE referral_keys OWNER referral_keys'
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'referral_keys')\gexec
SELECT format('CREATE ROLE referral_keys_runtime LOGIN PASSWORD %L', :'runtime_password')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'referral_keys_runtime')\gexec
SQL
