#!/usr/bin/env bash
# Install (or with --uninstall remove) the desktop entry, the icon and the MIME type
# of *.zsdb for the current user, so that 招商台账 appears in the applications menu
# and a double click on a data file opens it:
#
#   $XDG_DATA_HOME/applications/zhaoshang.desktop      (default ~/.local/share)
#   $XDG_DATA_HOME/mime/packages/zhaoshang.xml         application/x-zhaoshang-ledger
#   $XDG_DATA_HOME/icons/hicolor/scalable/{apps,mimetypes}/
#
# ZHAOSHANG_EXEC names the program the entry starts (default: `zhaoshang` on PATH,
# else this checkout's .venv/bin/zhaoshang).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source_dir="$here/desktop/data"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
apps="$data/applications"
mime="$data/mime"
icons="$data/icons/hicolor"

refresh() {
    command -v update-mime-database >/dev/null && update-mime-database "$mime"
    command -v update-desktop-database >/dev/null && update-desktop-database "$apps"
    if command -v gtk-update-icon-cache >/dev/null && [ -f "$icons/index.theme" ]; then
        gtk-update-icon-cache -q -t -f "$icons" || true
    fi
    return 0
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$apps/zhaoshang.desktop" "$mime/packages/zhaoshang.xml" \
        "$icons/scalable/apps/zhaoshang.svg" \
        "$icons/scalable/mimetypes/application-x-zhaoshang-ledger.svg"
    mkdir -p "$apps" "$mime/packages"
    refresh
    echo "已移除招商台账的桌面入口和文件类型 / desktop entry and file type removed"
    exit 0
fi

exec_path="${ZHAOSHANG_EXEC:-}"
if [ -z "$exec_path" ]; then
    exec_path="$(command -v zhaoshang || true)"
fi
if [ -z "$exec_path" ]; then
    exec_path="$here/.venv/bin/zhaoshang"
fi
# The Exec key quotes an argument with a space (Desktop Entry Specification).
case "$exec_path" in
    *" "*) exec_field="\"$exec_path\"" ;;
    *) exec_field="$exec_path" ;;
esac

mkdir -p "$apps" "$mime/packages" "$icons/scalable/apps" "$icons/scalable/mimetypes"
sed "s|@EXEC@|$exec_field|" "$source_dir/zhaoshang.desktop.in" >"$apps/zhaoshang.desktop"
install -m 0644 "$source_dir/zhaoshang-mime.xml" "$mime/packages/zhaoshang.xml"
install -m 0644 "$source_dir/zhaoshang.svg" "$icons/scalable/apps/zhaoshang.svg"
install -m 0644 "$source_dir/zhaoshang.svg" \
    "$icons/scalable/mimetypes/application-x-zhaoshang-ledger.svg"
refresh
# Data files open in 招商台账 on a double click.
if command -v xdg-mime >/dev/null; then
    xdg-mime default zhaoshang.desktop application/x-zhaoshang-ledger || true
fi
echo "已安装招商台账的桌面入口:$apps/zhaoshang.desktop(启动 $exec_path)"
echo "installed: desktop entry, icon, and application/x-zhaoshang-ledger for *.zsdb"
