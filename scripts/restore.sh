#!/bin/bash
# Restore the FileStorage and its blobs from a backup made by backup.sh:
# the newest one, or the one of DATE (yyyy-mm-dd[-hh[-mm[-ss]]], UTC).
# The current data goes aside first (set-data-aside.sh), which refuses while
# the site runs.
# Usage: INSTANCE=instance BACKUP_DIR=backups [DATE=...] BIN=.venv/bin restore.sh
set -euo pipefail
: "${INSTANCE:?}" "${BACKUP_DIR:?}" "${BIN:=.venv/bin}"
here=$(dirname "$0")
repository=$BACKUP_DIR/filestorage
stamp=$(bash "$here/backup-stamp.sh" "$repository" "${DATE:-}")
tarball=$BACKUP_DIR/blobs/$stamp.tar.gz
if [ ! -f "$tarball" ]; then
    echo "Refusing: backup $stamp has no blobs ($tarball is missing)." >&2
    exit 1
fi

INSTANCE=$INSTANCE BIN=$BIN bash "$here/set-data-aside.sh" restore
mkdir -p "$INSTANCE/var/blobstorage"
"$BIN/repozo" --recover --verbose --with-verify --repository "$repository" \
    --output "$INSTANCE/var/Data.fs" ${DATE:+--date "$DATE"}
# ZODB wants its blob directory private.
chmod 700 "$INSTANCE/var/blobstorage"
tar --extract --gzip --file "$tarball" --directory "$INSTANCE/var/blobstorage"
echo "Restored backup $stamp into $INSTANCE"
