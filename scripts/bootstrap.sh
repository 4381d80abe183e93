#!/usr/bin/env bash
# Sets up everything LPSA Desk needs on a Debian/Ubuntu machine, idempotently:
#   1. the system libraries Qt needs (and poppler-utils for PDF checks), via apt-get
#      when they are missing and we are root or have password-less sudo;
#   2. a virtual environment in .venv with Python 3.11+;
#   3. the project and its Python dependencies (editable, with the dev extras).
# Sourced by run-app.sh and run-tests.sh; safe to run again (it skips what is done).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

log() { printf '[setup] %s\n' "$*" >&2; }

# Qt offscreen + a real X11 window + fonts + PDF tools used by tests and screenshots;
# PostgreSQL's server for the tests of a team store (scripts/test-postgres.sh).
SYSTEM_PACKAGES=(
  libgl1 libegl1 libfontconfig1 libfreetype6 libxkbcommon0 libdbus-1-3 libglib2.0-0
  fonts-dejavu-core
  libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
  libxcb-image0 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0
  libxcb-xkb1 libxcb-sync1 libxcb-shm0 libxcb-util1 libxcb-xinerama0
  xvfb xauth  # a real X server: the window tests run under it as well as offscreen
  poppler-utils
  postgresql
)

install_system_packages() {
  if ! command -v dpkg-query >/dev/null 2>&1; then
    log "not a Debian-family system: install Qt's system libraries yourself (see README)"
    return 0
  fi
  local missing=()
  for pkg in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo=(sudo -n)
    else
      log "missing system packages: ${missing[*]}"
      log "run: sudo apt-get install ${missing[*]}   (continuing without them)"
      return 0
    fi
  fi
  log "installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  # Some names differ between releases (e.g. libxcb-util1 vs libxcb-util0); install
  # what this release has and say what it lacks rather than failing outright.
  local available=()
  for pkg in "${missing[@]}"; do
    if apt-cache show "$pkg" >/dev/null 2>&1; then available+=("$pkg"); else
      log "not available on this release, skipped: $pkg"; fi
  done
  [ ${#available[@]} -gt 0 ] && "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${available[@]}" >/dev/null
}

find_python() {
  for candidate in "${LPSA_PYTHON:-}" python3.13 python3.12 python3.11 python3; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 \
       && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      command -v "$candidate"; return 0
    fi
  done
  log "Python 3.11 or newer is required (apt-get install python3)"; return 1
}

create_venv() {
  [ -x "$VENV/bin/python" ] && return 0
  local python; python="$(find_python)"
  log "creating virtual environment with $python"
  if ! "$python" -m venv "$VENV" 2>/dev/null; then
    # Debian ships venv separately (python3.X-venv).
    rm -rf "$VENV"
    local ver; ver="$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
    if [ "$(id -u)" -eq 0 ]; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "python${ver}-venv" >/dev/null \
        || apt-get install -y -qq python3-venv >/dev/null
    else
      sudo -n apt-get install -y -qq "python${ver}-venv" >/dev/null
    fi
    "$python" -m venv "$VENV"
  fi
}

install_python_packages() {
  local stamp="$VENV/.lpsa-installed"
  local want; want="$(sha256sum "$ROOT/pyproject.toml" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  log "installing Python packages into .venv (first run takes a minute or two)"
  "$VENV/bin/python" -m pip install --quiet --upgrade pip
  "$VENV/bin/python" -m pip install --quiet -e "$ROOT[dev]"
  echo "$want" > "$stamp"
}

install_system_packages
create_venv
install_python_packages
