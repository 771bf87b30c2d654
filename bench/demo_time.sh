#!/usr/bin/env bash
# Time the steps of `make demo` from a fresh clone, without serving:
#   clone → make install → migrate → demo-data → first page served (in-process).
# Usage: bench/demo_time.sh [target-dir]   (default /tmp/bimkemas-demo-clone; it is replaced)
# Uncommitted files of this working tree are copied over the clone, so work in progress
# is measured too; set COMMITTED_ONLY=1 to time exactly what is committed.
set -euo pipefail

SRC="$(cd "$(dirname "$0")/.." && pwd)"
DIR="${1:-/tmp/bimkemas-demo-clone}"
rm -rf "$DIR"

now() { date +%s.%N; }
lap() { printf '%-28s %6.1f s\n' "$1" "$(echo "$(now) - $2" | bc)"; }

t0=$(now)
git clone --quiet "$SRC" "$DIR"
if [ "${COMMITTED_ONLY:-0}" != 1 ]; then
    (cd "$SRC" && git ls-files -m -o --exclude-standard -z) |
        (cd "$SRC" && xargs -0 -r cp --parents -t "$DIR")
fi
lap "clone" "$t0"

cd "$DIR"
export BIMKEMAS_VAR_DIR="$DIR/var"
unset DATABASE_URL

t=$(now); make --no-print-directory install >/dev/null; lap "make install" "$t"
t=$(now); .venv/bin/bimkemas migrate --noinput >/dev/null; lap "migrate" "$t"
t=$(now); .venv/bin/bimkemas demo-data --seed 1 | tail -n 1 >/dev/null; lap "demo-data --seed 1" "$t"
t=$(now)
.venv/bin/python - <<'EOF'
import os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")  # the test client speaks plain HTTP
import django
django.setup()
from django.test import Client
response = Client().get("/login/")
assert response.status_code == 200, response.status_code
EOF
lap "first page (/login/)" "$t"
lap "total: clone → served page" "$t0"
