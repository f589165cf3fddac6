#!/bin/bash
# Run by the official postgres image's entrypoint (docker-entrypoint-initdb.d) once, on the first
# start with an empty data directory. Creates one login role and one database per owning service;
# each database is closed to everyone but its owner (and the superuser).
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v ingest_user="$INGEST_DB_USERNAME" -v ingest_password="$INGEST_DB_PASSWORD" \
  -v query_user="$QUERY_DB_USERNAME" -v query_password="$QUERY_DB_PASSWORD" <<'SQL'
CREATE ROLE :"ingest_user" LOGIN PASSWORD :'ingest_password';
CREATE ROLE :"query_user" LOGIN PASSWORD :'query_password';
CREATE DATABASE ingest OWNER :"ingest_user";
CREATE DATABASE query OWNER :"query_user";
REVOKE ALL ON DATABASE ingest FROM PUBLIC;
REVOKE ALL ON DATABASE query FROM PUBLIC;
SQL
