#!/bin/bash
# Runs once, when the postgres volume is new (the image's /docker-entrypoint-initdb.d): the roles and databases the
# local launcher makes (deploy/local LocalPostgres), with the passwords from .env. referral_owner owns the referral
# database and runs its migrations; the service signs in as "referral", which owns no table (V10 grants it what it
# needs). The key store is another server (postgres-keys).
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username postgres --dbname postgres \
  -v directory_password="$DIRECTORY_DB_PASSWORD" \
  -v referral_owner_password="$REFERRAL_OWNER_DB_PASSWORD" \
  -v referral_password="$REFERRAL_DB_PASSWORD" \
  -v awareness_password="$AWARENESS_DB_PASSWORD" \
  -v keycloak_password="$KEYCLOAK_DB_PASSWORD" <<'SQL'
CREATE ROLE directory LOGIN PASSWORD :'directory_password';
CREATE ROLE referral_owner LOGIN PASSWORD :'referral_owner_password';
CREATE ROLE referral LOGIN PASSWORD :'referral_password';
CREATE ROLE awareness LOGIN PASSWORD :'awareness_password';
CREATE ROLE keycloak LOGIN PASSWORD :'keycloak_password';
CREATE DATABASE directory OWNER directory;
CREATE DATABASE referral OWNER referral_owner;
CREATE DATABASE awareness OWNER awareness;
CREATE DATABASE keycloak OWNER keycloak;
SQL
