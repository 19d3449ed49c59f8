#!/usr/bin/env bash
# scripts/sqlx-prepare.sh - refresh the compile-time query metadata of the
# two store backends (crates/store-sqlite/.sqlx, crates/store-postgres/.sqlx).
#
# Run it after changing a query or a migration, and commit the .sqlx
# directories it writes: builds (CI included) read them and need no
# database. It checks every query against a fresh database of each kind
# with all migrations applied:
#   - SQLite: a file in a temporary directory (needs the sqlite3 CLI)
#   - PostgreSQL: a scratch database on $SECDESK_TEST_POSTGRES_URL's server
#     (default postgres://postgres@127.0.0.1:5432/postgres; needs psql),
#     dropped afterwards
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
for tool in sqlite3 psql cargo; do
  command -v "$tool" >/dev/null || { echo "scripts/sqlx-prepare.sh needs $tool" >&2; exit 1; }
done

tmp=$(mktemp -d)
PG_ADMIN=${SECDESK_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}
PG_DB=secdesk_prepare_$$
cleanup() {
  psql -q "$PG_ADMIN" -c "DROP DATABASE IF EXISTS $PG_DB" >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT

sqlite_db=$tmp/prepare.db
for m in migrations/sqlite/*.sql; do sqlite3 -bail "$sqlite_db" <"$m"; done

psql -q -v ON_ERROR_STOP=1 "$PG_ADMIN" -c "CREATE DATABASE $PG_DB" >/dev/null
# the same URL with the scratch database in place of the path
PG_URL=$(sed -E "s#^(postgres(ql)?://[^/]*)(/[^?]*)?#\1/$PG_DB#" <<<"$PG_ADMIN")
for m in migrations/postgres/*.sql; do psql -q -v ON_ERROR_STOP=1 "$PG_URL" -f "$m" >/dev/null; done

# a live check writes one file per query into SQLX_OFFLINE_DIR; start empty
# so queries that are gone leave no stale metadata behind
prepare() { # crate url-variable url
  local dir=$ROOT/crates/$1/.sqlx
  rm -rf "$dir" && mkdir -p "$dir"
  touch "crates/$1/src/lib.rs" # the macros run again only when the crate rebuilds
  env "$2=$3" SQLX_OFFLINE_DIR="$dir" cargo check -q -p "secdesk-$1"
  echo "$1: $(ls "$dir" | wc -l) queries checked, metadata in crates/$1/.sqlx"
}
prepare store-sqlite SECDESK_SQLITE_PREPARE_URL "sqlite://$sqlite_db"
prepare store-postgres SECDESK_POSTGRES_PREPARE_URL "$PG_URL"
