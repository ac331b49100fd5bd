#!/usr/bin/env bash
# Build launchmap as a frozen one-folder app with PyInstaller: DIST/launchmap/launchmap runs without Python.
#   packaging/build_frozen.sh [DIST [WORK]]   default DIST=dist, WORK=build/pyinstaller (both git-ignored)
# PYTHON names the interpreter whose environment is frozen (default .venv/bin/python, as ./dev sets up).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
python=${PYTHON:-$root/.venv/bin/python}
dist=$(realpath -m "${1:-$root/dist}")
work=$(realpath -m "${2:-$root/build/pyinstaller}")

if ! "$python" -c "import PyInstaller" 2>/dev/null; then
  echo "build_frozen: installing PyInstaller into $("$python" -c 'import sys; print(sys.prefix)')" >&2
  "$python" -m pip install -q "pyinstaller>=6.10,<7"
fi
"$python" -m PyInstaller --noconfirm --log-level WARN --distpath "$dist" --workpath "$work" \
  "$root/packaging/launchmap.spec"
"$dist/launchmap/launchmap" --version
echo "build_frozen: built $dist/launchmap (run $dist/launchmap/launchmap)"
