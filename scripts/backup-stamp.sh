#!/bin/bash
# Print the time stamp of the newest repozo backup file in REPOSITORY at or
# before DATE (yyyy-mm-dd[-hh[-mm[-ss]]], UTC), or the newest one without
# DATE.  It compares names as strings, as repozo itself does, so it names the
# backup repozo restores for the same DATE.
# Usage: backup-stamp.sh REPOSITORY [DATE]
set -euo pipefail
repository=${1:?repozo repository}
date=${2:-}
stamp=$(find "$repository" -maxdepth 1 -type f -printf '%f\n' |
    grep -E '^[0-9]{4}(-[0-9]{2}){5}\.(delta)?fsz?$' |
    cut -c1-19 |
    awk -v date="$date" 'date == "" || ("" $0) <= ("" date)' |
    sort | tail -n 1)
if [ -z "$stamp" ]; then
    echo "No backup in $repository${date:+ at or before $date}." >&2
    exit 1
fi
echo "$stamp"
