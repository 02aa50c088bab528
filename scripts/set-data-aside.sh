#!/bin/bash
# Move an instance's FileStorage and blobs into var/aside/<UTC time>-<why>/,
# so a restore or a reset never destroys the only copy of the site.
# Refuses while anything (the server, a zconsole script) has Data.fs open.
# Usage: INSTANCE=instance BIN=.venv/bin set-data-aside.sh WHY
set -euo pipefail
: "${INSTANCE:?}" "${BIN:=.venv/bin}"
why=${1:?why the data goes aside, e.g. restore}
var=$INSTANCE/var
data=$var/Data.fs

# FileStorage holds a lock on Data.fs.lock while it is open; if we can take
# that lock, no process is using the data.  A stale file from a crash is
# unlocked and does not count.
if [ -e "$data.lock" ] && ! "$BIN/python" - "$data.lock" <<'PY'
import sys
import zc.lockfile

try:
    zc.lockfile.LockFile(sys.argv[1]).close()
except zc.lockfile.LockError:
    sys.exit(1)
PY
then
    echo "Refusing: $data is open; the site (or a zconsole script) is running on $INSTANCE. Stop it first." >&2
    exit 1
fi

shopt -s nullglob
found=("$data" "$data".* "$var/blobstorage")
shopt -u nullglob
existing=()
for path in "${found[@]}"; do
    [ -e "$path" ] && existing+=("$path")
done
if [ ${#existing[@]} -eq 0 ]; then
    exit 0
fi
aside=$var/aside/$(date -u +%Y-%m-%d-%H-%M-%S)-$why
mkdir -p "$aside"
mv "${existing[@]}" "$aside/"
echo "The previous data of $INSTANCE is in $aside (delete it when you no longer need it)."
