# Sourced by .ci/run (and usable by hand): a throwaway PostgreSQL on 127.0.0.1:${KRR_PG_PORT:-55432},
# trust auth, data in a temporary directory, stopped and removed when the calling shell exits.
# PostgreSQL's default settings (max_prepared_transactions = 0): the service never uses two-phase
# commit. Only max_connections is raised, for the cluster test's two servers.
# Installs PostgreSQL from Debian's packages when it is missing. Exports KRR_PG_URL.

krr_start_postgres() {
    local port="${KRR_PG_PORT:-55432}" bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
        echo "PostgreSQL not installed: installing it from Debian's packages"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    fi
    KRR_PG_DIR=$(mktemp -d /tmp/krr-pg.XXXXXX)
    chown postgres "$KRR_PG_DIR"
    # initdb and postgres refuse to run as root
    runuser -u postgres -- "$bin/initdb" -D "$KRR_PG_DIR/data" -A trust -U postgres -E UTF8 >/dev/null
    runuser -u postgres -- "$bin/pg_ctl" -D "$KRR_PG_DIR/data" -l "$KRR_PG_DIR/log" -w \
        -o "-h 127.0.0.1 -p $port -k $KRR_PG_DIR -c max_connections=300 -c fsync=off" start >/dev/null
    KRR_PG_BIN="$bin"
    export KRR_PG_URL="jdbc:postgresql://127.0.0.1:$port/"
    trap krr_stop_postgres EXIT
    echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (throwaway, $KRR_PG_DIR)"
}

krr_stop_postgres() {
    if [ -n "${KRR_PG_DIR:-}" ] && [ -d "$KRR_PG_DIR" ]; then
        runuser -u postgres -- "$KRR_PG_BIN/pg_ctl" -D "$KRR_PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
        rm -rf "$KRR_PG_DIR"
    fi
}
