#!/usr/bin/env bash
# Sets everything up (see bootstrap.sh), then starts LPSA Desk on its default store.
# The first start on a new store adds the demo agreement so there is something to try.
# Extra arguments go to the program (e.g. --db other.sqlite).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/bootstrap.sh"
exec "$ROOT/.venv/bin/lpsa-desktop" --demo "$@"
