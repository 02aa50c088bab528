#!/usr/bin/env bash
# Debian's packages the tests and the scale-out need, installed when missing:
# chromium (the browser tests drive it through Playwright, which cannot download
# its own here) and postgresql (RelStorage). One `apt-get update` for all of them.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null || missing+=(chromium)
bash scripts/postgresql.sh bindir >/dev/null || missing+=(postgresql)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" != 0 ]; then
    echo "Missing Debian packages: sudo apt-get install ${missing[*]}" >&2
    exit 1
fi
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
