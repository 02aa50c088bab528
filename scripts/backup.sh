#!/bin/bash
# Back up the FileStorage with repozo (incremental after the first full
# backup) and then the blobs, paired by repozo's file name.  Safe while the
# site runs: repozo copies up to the last committed transaction, and Zope
# writes a blob file completely before moving it into blobstorage.
# Usage: INSTANCE=instance BACKUP_DIR=backups BIN=.venv/bin backup.sh
set -euo pipefail
: "${INSTANCE:?}" "${BACKUP_DIR:?}" "${BIN:=.venv/bin}"
data=$INSTANCE/var/Data.fs
blobs=$INSTANCE/var/blobstorage
if [ ! -f "$data" ]; then
    echo "Nothing to back up: $data does not exist." >&2
    exit 1
fi
mkdir -p "$BACKUP_DIR/filestorage" "$BACKUP_DIR/blobs"

# Data.fs first: blobs are only removed by a pack, so blobs copied after it
# hold every blob this Data.fs refers to.
"$BIN/repozo" --backup --gzip --verbose --repository "$BACKUP_DIR/filestorage" --file "$data"

# The blob tarball takes the name of the newest repozo file, which is the one
# a restore of that moment ends with.  When repozo found no change, the
# tarball of that file is simply refreshed.
stamp=$(bash "$(dirname "$0")/backup-stamp.sh" "$BACKUP_DIR/filestorage")
tarball=$BACKUP_DIR/blobs/$stamp.tar.gz
mkdir -p "$blobs"
# tmp/ holds uploads not committed yet.  tar says 1 when a directory changed
# while it read it: blobs committed meanwhile, which this Data.fs does not need.
tar --create --gzip --file "$tarball.part" --directory "$blobs" --exclude ./tmp . || [ $? -eq 1 ]
mv "$tarball.part" "$tarball"
echo "Backed up $data and $blobs as $stamp in $BACKUP_DIR"
