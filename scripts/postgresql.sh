#!/usr/bin/env bash
# A private PostgreSQL cluster for RelStorage: the Makefile, .ci/run and the scale-out test use it.
#
#   postgresql.sh start DATADIR PORT      initdb when new, serve on 127.0.0.1:PORT only
#   postgresql.sh createdb DATADIR PORT NAME
#   postgresql.sh stop DATADIR
#
# The cluster's superuser is "zope", trusted from this machine only (loopback and the
# socket in DATADIR): a development and test set-up, not a production database.
# PostgreSQL refuses to run as root; root runs it as the "postgres" system user.
set -euo pipefail

bindir() {
    # Debian keeps the server programs off PATH, one directory per major version.
    local newest
    newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -n "$newest" ]; then
        echo "$newest"
    elif command -v pg_ctl >/dev/null && command -v initdb >/dev/null && command -v psql >/dev/null; then
        dirname "$(command -v pg_ctl)"
    else
        return 1
    fi
}

as_owner() {
    # "$@" as the user who owns the cluster.
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

start() {
    local data=$1 port=$2 bin
    bin=$(bindir) || { echo "PostgreSQL is not installed: make debian-packages" >&2; exit 1; }
    mkdir -p "$data"
    data=$(cd "$data" && pwd)
    if [ "$(id -u)" = 0 ]; then
        chown postgres: "$data"
        chmod 700 "$data"
        if ! runuser -u postgres -- test -w "$data"; then
            echo "The postgres user cannot reach $data (a parent directory is closed to it)." >&2
            exit 1
        fi
    fi
    if [ ! -f "$data/PG_VERSION" ]; then
        as_owner "$bin/initdb" -D "$data" -U zope -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
        return
    fi
    as_owner "$bin/pg_ctl" -D "$data" -w -t 60 -l "$data/server.log" start \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='$data'" >/dev/null
}

createdb() {
    local data=$1 port=$2 name=$3 bin
    bin=$(bindir)
    local exists
    exists=$("$bin/psql" -h 127.0.0.1 -p "$port" -U zope -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = '$name'")
    if [ "$exists" != 1 ]; then
        "$bin/createdb" -h 127.0.0.1 -p "$port" -U zope "$name"
    fi
}

stop() {
    local data=$1 bin
    bin=$(bindir) || return 0
    if [ -f "$data/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
        as_owner "$bin/pg_ctl" -D "$data" -w -m fast stop >/dev/null
    fi
}

command=${1:?"usage: $0 start DATADIR PORT | createdb DATADIR PORT NAME | stop DATADIR"}
shift
case $command in
    start | createdb | stop | bindir) "$command" "$@" ;;
    *) echo "unknown command: $command" >&2; exit 2 ;;
esac
