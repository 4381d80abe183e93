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
# Offscreen is not a display: the window tests again on a real X server (Xvfb, xcb), where
# windows are mapped, resized and activated as on an officer's laptop.
if command -v xvfb-run >/dev/null 2>&1; then
  echo "== pytest tests/ui under Xvfb (xcb)"
  QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1366x768x24" \
    "$BIN/python" -m pytest tests/ui -q -p no:cacheprovider
elif [ -n "${CI:-}" ]; then
  echo "xvfb-run is missing: the set-up script (scripts/bootstrap.sh) installs it" >&2; exit 1
else
  echo "== skipped the window tests under Xvfb: install xvfb (scripts/bootstrap.sh does)"
fi
