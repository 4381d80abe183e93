#!/usr/bin/env bash
# Sets everything up (see bootstrap.sh), then runs the whole test suite, the linters
# and the type checker. Extra arguments go to pytest (e.g. -k reward).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/bootstrap.sh"
cd "$ROOT"
export QT_QPA_PLATFORM=offscreen
BIN="$ROOT/.venv/bin"
echo "== ruff"; "$BIN/ruff" check . && "$BIN/ruff" format --check .
echo "== mypy (strict: the core, and the window)"; "$BIN/mypy" && "$BIN/mypy" ui
echo "== import contracts"; "$BIN/lint-imports"
echo "== pytest"
# A throwaway PostgreSQL server for the team-store tests, stopped and removed on exit.
source "$ROOT/scripts/test-postgres.sh"
"$BIN/python" -m pytest "$@"
