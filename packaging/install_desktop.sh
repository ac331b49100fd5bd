#!/usr/bin/env bash
# Install launchmap as a desktop application: menu entry, icon, AppStream metadata, the session file type and
# "Open with launchmap" for GeoJSON bundles.
#   packaging/install_desktop.sh [--prefix DIR] [FROZEN]
# FROZEN is a folder built by packaging/build_frozen.sh (dist/launchmap); it is copied to DIR/lib/launchmap and
# linked as DIR/bin/launchmap. Without it the `launchmap` on PATH (e.g. from pip install) is the one launched.
# DIR defaults to ~/.local, which needs no root; use /usr/local for every user.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
app_id=io.github.launchmap.launchmap
prefix="$HOME/.local"
frozen=""
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix=$2; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) frozen=$1; shift ;;
  esac
done
prefix=$(realpath -m "$prefix")

if [ -n "$frozen" ]; then
  [ -x "$frozen/launchmap" ] || { echo "install_desktop: $frozen/launchmap: not a frozen launchmap build" >&2; exit 1; }
  rm -rf "$prefix/lib/launchmap"
  mkdir -p "$prefix/lib" "$prefix/bin"
  cp -a "$frozen" "$prefix/lib/launchmap"
  ln -sfn "$prefix/lib/launchmap/launchmap" "$prefix/bin/launchmap"
  launcher="$prefix/bin/launchmap"
else
  launcher=$(command -v launchmap) || {
    echo "install_desktop: no launchmap on PATH; pip install launchmap or give a frozen build folder" >&2; exit 1; }
fi

share="$prefix/share"
mkdir -p "$share/applications" "$share/metainfo" "$share/mime/packages" "$share/icons/hicolor/scalable/apps"
# The menu entry starts the launcher found above, so it works even where that folder is not on PATH.
sed -e "s|^Exec=launchmap |Exec=$launcher |" -e "s|^TryExec=launchmap$|TryExec=$launcher|" \
  "$here/$app_id.desktop" > "$share/applications/$app_id.desktop"
cp "$here/$app_id.metainfo.xml" "$share/metainfo/"
cp "$here/launchmap-mime.xml" "$share/mime/packages/$app_id.xml"
cp "$root/resources/icons/launchmap.svg" "$share/icons/hicolor/scalable/apps/$app_id.svg"
for png in "$root"/resources/icons/launchmap-*.png; do
  size=${png##*-}; size=${size%.png}
  mkdir -p "$share/icons/hicolor/${size}x${size}/apps"
  cp "$png" "$share/icons/hicolor/${size}x${size}/apps/$app_id.png"
done

# Refresh the caches desktops read; each tool is optional, so a missing one only means a later refresh.
if command -v update-mime-database >/dev/null; then update-mime-database "$share/mime"; fi
if command -v update-desktop-database >/dev/null; then update-desktop-database -q "$share/applications"; fi
if command -v gtk-update-icon-cache >/dev/null; then gtk-update-icon-cache -q -t "$share/icons/hicolor" || true; fi
echo "install_desktop: installed $app_id under $prefix (launches $launcher)"
