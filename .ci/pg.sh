# PostgreSQL on loopback for `.ci/run` (sourced; its tests source it too: tests/test_ci_pg.py). `start_pg` sets
# PG_PORT to the port it bound; `stop_pg` stops the server and removes its folder.
PG_PORT=${MOFCOM_CI_PG_PORT:-54329}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/mofcom-watch-ci.XXXXXX")
chmod 755 "$WORK"  # the postgres user must reach its folder inside
PG_DATA="$WORK/pg/data"
PG_SOCK="$WORK/pg/sock"
PG_LOG="$WORK/pg/server.log"
PG_BIN=""
PG_STARTED=0

as_pg() {  # run a PostgreSQL tool as the postgres user when we are root (initdb refuses root)
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_pg() {
    if [ "$PG_STARTED" = 1 ]; then
        as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 \
            && echo "ci: PostgreSQL stopped" || echo "ci: could not stop PostgreSQL (see $PG_LOG)" >&2
    fi
    rm -rf "$WORK"
}
start_pg() {
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        # already in the machine image here (a no-op); elsewhere this installs it
        timeout 300 apt-get install -y -q postgresql >/dev/null 2>&1 || echo "ci: apt-get install postgresql failed" >&2
    fi
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$PG_BIN" ] && command -v pg_ctl >/dev/null; then PG_BIN=$(dirname "$(command -v pg_ctl)"); fi
    [ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] || { echo "ci: no PostgreSQL binaries found" >&2; return 1; }
    mkdir -p "$PG_DATA" "$PG_SOCK"
    if [ "$(id -u)" = 0 ]; then chown -R postgres:postgres "$WORK/pg"; fi
    as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 \
        || { cat "$WORK/initdb.log" >&2; return 1; }
    local port bound=""
    for port in $(seq "$PG_PORT" $((PG_PORT + 10))); do  # 54329 unless something already listens there
        if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -t 1 >/dev/null 2>&1; [ $? != 2 ]; then
            echo "ci: port $port is taken, trying the next one" >&2
            continue
        fi
        rm -f "$PG_LOG"  # this attempt's log only: the grep below reads it
        if as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$PG_SOCK -c fsync=off" start >/dev/null; then
            PG_PORT=$port bound=1
            break
        fi
        # free when probed, taken when bound: another run (a second CI on this machine) started in between, or a
        # listener that is no PostgreSQL. Was: the SQLite tests only, exit 0, behind a WARNING (session 38).
        if grep -q "could not bind\|Address already in use" "$PG_LOG" 2>/dev/null; then
            echo "ci: port $port could not be bound, trying the next one" >&2
            continue
        fi
        cat "$PG_LOG" >&2 2>/dev/null
        return 1
    done
    [ -n "$bound" ] || { echo "ci: no free port for PostgreSQL in $PG_PORT-$((PG_PORT + 10))" >&2; return 1; }
    PG_STARTED=1
    "$PG_BIN/pg_isready" -h 127.0.0.1 -p "$PG_PORT" -t 30 >/dev/null
}
