#!/usr/bin/env bash
# Builds the self-contained one-folder bundle of `lpsa` and `lpsa-desktop` with PyInstaller.
#   bash packaging/build.sh [DIST_DIR] [WORK_DIR]     (defaults: dist/ and build/)
# Output: DIST_DIR/lpsa-desk/{lpsa,lpsa-desktop} (Linux), plus "LPSA Desk.app" on macOS.
# Linux also gets DIST_DIR/lpsa-desk/share/ with the .desktop file and icon.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIST="${1:-$ROOT/dist}"
WORK="${2:-$ROOT/build}"
bash "$ROOT/scripts/bootstrap.sh"
"$ROOT/.venv/bin/python" -m pip install --quiet "pyinstaller>=6.5,<7"
"$ROOT/.venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath "$DIST" --workpath "$WORK" "$ROOT/packaging/lpsa.spec"
if [ "$(uname -s)" = "Linux" ]; then
  mkdir -p "$DIST/lpsa-desk/share/applications" "$DIST/lpsa-desk/share/icons/hicolor/256x256/apps"
  cp "$ROOT/packaging/linux/lpsa-desk.desktop" "$DIST/lpsa-desk/share/applications/"
  cp "$ROOT/resources/icons/lpsa-desk.png" \
     "$DIST/lpsa-desk/share/icons/hicolor/256x256/apps/lpsa-desk.png"
fi
echo "built: $DIST/lpsa-desk"
