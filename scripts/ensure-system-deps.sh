#!/usr/bin/env bash
# Make sure the Debian packages the app, its tests and its screenshots need are
# present. Idempotent and quiet when everything is already installed.
#
#   - Qt runtime libraries for the xcb (real window / Xvfb) and offscreen platforms
#   - CJK TrueType fonts (the UI and the PDF briefings are in Chinese): a 黑体-like
#     sans (WenQuanYi), and for the PDFs' roles a 宋体 (AR PL SungtiL GB, for the
#     title and the body where no 小标宋/仿宋 is installed) and a 楷体 (AR PL KaitiM GB)
#   - poppler-utils (pdftoppm/pdftotext, used to inspect generated PDFs)
#   - xvfb + xauth (xvfb-run, for screenshots of a real window)
#   - desktop-file-utils, shared-mime-info, xdg-utils, libfile-mimeinfo-perl (the
#     desktop entry and the *.zsdb MIME type of make install-desktop, and their test)
#
# As root, missing packages are installed. Otherwise the install command is
# printed and the script still exits 0: the app itself reports a missing font.
set -euo pipefail

PACKAGES=(
    # Qt 6 xcb + offscreen platform plugins
    libgl1
    libegl1
    libxkbcommon0
    libxkbcommon-x11-0
    libfontconfig1
    libdbus-1-3
    libxcb-cursor0
    libxcb-icccm4
    libxcb-image0
    libxcb-keysyms1
    libxcb-randr0
    libxcb-render-util0
    libxcb-shape0
    libxcb-xinerama0
    libxcb-xkb1
    libxrender1
    libxi6
    libglib2.0-0
    # fonts: CJK TrueType fonts for each role of the PDFs, plus fc-list/fc-cache
    fontconfig
    fonts-wqy-microhei
    fonts-arphic-gbsn00lp
    fonts-arphic-gkai00mp
    # tools
    poppler-utils
    poppler-data
    xvfb
    xauth
    # the desktop entry and the *.zsdb file type (make install-desktop), and the
    # tools its test checks them with (mimetype is what xdg-mime asks without a desktop)
    desktop-file-utils
    shared-mime-info
    xdg-utils
    libfile-mimeinfo-perl
)

if ! command -v dpkg >/dev/null 2>&1; then
    echo "ensure-system-deps: no dpkg (not Debian/Ubuntu); skipping the system package check." >&2
    echo "ensure-system-deps: Qt needs its xcb/EGL/xkbcommon libraries and a CJK font on this system." >&2
    exit 0
fi

is_installed() {
    # `dpkg -s` also succeeds for removed-but-configured packages, so read the status.
    dpkg -s "$1" 2>/dev/null | grep -Eq '^Status: [a-z]+ ok installed$'
}

missing=()
for pkg in "${PACKAGES[@]}"; do
    is_installed "$pkg" || missing+=("$pkg")
done

if [ "${#missing[@]}" -eq 0 ]; then
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    echo "ensure-system-deps: installing ${missing[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    echo "ensure-system-deps: done." >&2
else
    {
        echo "ensure-system-deps: these Debian packages are missing: ${missing[*]}"
        echo "ensure-system-deps: install them with:"
        echo "    sudo apt-get install --no-install-recommends ${missing[*]}"
        echo "ensure-system-deps: continuing without them (some tests or fonts may not work)."
    } >&2
fi
exit 0
