#!/usr/bin/env bash
# A PostgreSQL for the server's test suite: installs Debian's postgresql when missing, starts the
# cluster, creates the role and database (idempotent), and prints the variable the tests read:
#   eval "$(.ci/postgres.sh)"
# Everything but the final export line goes to stderr, so eval sees only that line.
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

role="${BALA_PG_ROLE:-bala}"
password="${BALA_PG_PASSWORD:-bala}"
database="${BALA_PG_DATABASE:-bala_test}"
port="${BALA_PG_PORT:-5432}"

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "ci: installing postgresql" >&2
  as_root apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2
fi

version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$version main"; then
  as_root pg_createcluster "$version" main --port "$port" >&2
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -qx online; then
  as_root pg_ctlcluster "$version" main start >&2
fi

for _ in $(seq 1 30); do
  as_postgres pg_isready -q -p "$port" && break
  sleep 1
done

if ! as_postgres psql -p "$port" -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$role'" | grep -qx 1; then
  as_postgres psql -p "$port" -v ON_ERROR_STOP=1 -qc "CREATE ROLE $role LOGIN SUPERUSER PASSWORD '$password'" >&2
fi
if ! as_postgres psql -p "$port" -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -qx 1; then
  as_postgres createdb -p "$port" -O "$role" "$database" >&2
fi

echo "export BALA_TEST_PG_URL=postgres://$role:$password@127.0.0.1:$port/$database"
