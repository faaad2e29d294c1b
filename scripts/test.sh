#!/usr/bin/env bash
# The whole suite: lint, migrations check, then the tests on SQLite and on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin

echo "== ruff"
"$bin/ruff" check .

echo "== migrations are committed"
DEBUG=1 "$bin/putright" makemigrations --check --dry-run

echo "== the OpenAPI schema is valid"
DEBUG=1 "$bin/putright" spectacular --validate --fail-on-warn --file /dev/null

scripts/ensure-browser.sh || true

# Redis is the one service besides PostgreSQL: the shared cache of several web processes
# (tests/system/test_several_machines.py). CI needs it; elsewhere its tests skip, loudly.
redis_url=${PUTRIGHT_TEST_REDIS_URL:-redis://127.0.0.1:6379/0}
if ! "$bin/python" - "$redis_url" <<'PY'
import sys, redis
try:
    redis.Redis.from_url(sys.argv[1], socket_connect_timeout=3).ping()
except Exception as error:
    print(f"!! Redis is not reachable at {sys.argv[1]}: {error}", file=sys.stderr)
    sys.exit(1)
PY
then
  if [ "${CI:-}" = "true" ]; then
    echo "!! CI needs Redis at $redis_url (the several-machines test)" >&2
    exit 1
  fi
  echo "!! Redis is not reachable at $redis_url: the several-machines test will SKIP."
fi

echo "== tests on SQLite"
DATABASE_URL="sqlite:///:memory:" "$bin/pytest" "$@"

pg_url=${PUTRIGHT_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}
pg_up() { "$bin/python" - "$pg_url" <<'PY'
import sys, psycopg
try:
    psycopg.connect(sys.argv[1], connect_timeout=3).close()
except Exception:
    sys.exit(1)
PY
}
if ! pg_up && command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "== starting PostgreSQL"
  for v in $(ls /etc/postgresql 2>/dev/null); do
    pg_ctlcluster --skip-systemctl-redirect "$v" main start || true
  done
  for _ in 1 2 3 4 5 6 7 8 9 10; do pg_up && break; sleep 1; done
fi
if pg_up; then
  echo "== tests on PostgreSQL ($pg_url)"
  DATABASE_URL="$pg_url" "$bin/pytest" "$@"
elif [ "${CI:-}" = "true" ]; then
  echo "!! PostgreSQL is not reachable at $pg_url and CI needs it" >&2
  exit 1
else
  echo "!!"
  echo "!! SKIPPED the PostgreSQL pass: no server at $pg_url."
  echo "!! Start one (or set PUTRIGHT_TEST_POSTGRES_URL) to run the suite on PostgreSQL too."
  echo "!!"
fi
