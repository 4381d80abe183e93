#!/usr/bin/env bash
# Sourced by run-tests.sh: a throwaway PostgreSQL cluster for the tests, in a temporary
# folder, listening only on a unix socket of its own (no TCP port to collide with), run
# as the `postgres` user because PostgreSQL refuses to run as root (CI runs as root).
# Exports LPSA_TEST_PG_URL; a trap stops and removes the cluster whatever happens.
# When no server can be started the URL stays unset: the PostgreSQL tests then fail in
# CI (CI set) and are skipped, saying why, on a developer's machine.

lpsa_pg_start() {
  local bindir
  bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    echo "[postgres] no PostgreSQL server installed (apt-get install postgresql)" >&2
    return 0
  fi
  local runas=()
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || { echo "[postgres] no postgres user" >&2; return 0; }
    runas=(runuser -u postgres --)
  fi
  LPSA_PG_DIR="$(mktemp -d /tmp/lpsa-pg.XXXXXX)"
  chmod 755 "$LPSA_PG_DIR"
  mkdir -p "$LPSA_PG_DIR/data" "$LPSA_PG_DIR/sock"
  [ "$(id -u)" -eq 0 ] && chown -R postgres "$LPSA_PG_DIR"
  trap lpsa_pg_stop EXIT
  "${runas[@]}" "$bindir/initdb" -D "$LPSA_PG_DIR/data" -U postgres --auth=trust \
    --encoding=UTF8 --no-locale >"$LPSA_PG_DIR/initdb.log" 2>&1 \
    || { echo "[postgres] initdb failed:" >&2; cat "$LPSA_PG_DIR/initdb.log" >&2; return 0; }
  # fsync off: a throwaway cluster need not survive a power cut. synchronous_commit stays
  # on: a commit is written to the OS before the client hears "committed", so a server
  # killed by a test ("server went away") keeps every commit it confirmed, as a real
  # server does; with it off the last ~0.5 s of commits vanished and the tests flaked. The
  # settings go in the cluster's own file, so that a test that kills the server (the
  # "server went away" tests) starts it again exactly so with a plain `pg_ctl start`.
  cat >>"$LPSA_PG_DIR/data/postgresql.conf" <<CONF
unix_socket_directories = '$LPSA_PG_DIR/sock'
listen_addresses = ''
fsync = off
full_page_writes = off
max_connections = 200
CONF
  "${runas[@]}" "$bindir/pg_ctl" -D "$LPSA_PG_DIR/data" -w -l "$LPSA_PG_DIR/server.log" \
    start >/dev/null \
    || { echo "[postgres] the server did not start:" >&2; cat "$LPSA_PG_DIR/server.log" >&2; return 0; }
  export LPSA_PG_BINDIR="$bindir" LPSA_PG_DIR
  export LPSA_TEST_PG_URL="postgresql+psycopg://postgres@/postgres?host=$LPSA_PG_DIR/sock"
  echo "[postgres] test server running (socket in $LPSA_PG_DIR/sock)" >&2
}

lpsa_pg_stop() {
  [ -n "${LPSA_PG_DIR:-}" ] || return 0
  if [ -f "$LPSA_PG_DIR/data/postmaster.pid" ]; then
    local runas=()
    [ "$(id -u)" -eq 0 ] && runas=(runuser -u postgres --)
    "${runas[@]}" "$LPSA_PG_BINDIR/pg_ctl" -D "$LPSA_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$LPSA_PG_DIR"
  LPSA_PG_DIR=""
}

lpsa_pg_start
