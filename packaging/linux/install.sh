#!/bin/sh
# Install Payt onboarding for this user (no root): the app in ~/.local/opt/payt-onboarding, the
# commands in ~/.local/bin, the menu entry and icon in ~/.local/share. Run again to update;
# `sh install.sh --uninstall` removes it all again (profiles and logs stay).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
opt="$HOME/.local/opt/payt-onboarding"
bin="$HOME/.local/bin"
share="${XDG_DATA_HOME:-$HOME/.local/share}"

rm -rf "$opt"
rm -f "$bin/payt-onboarding" "$bin/payt-onboarding-wizard" \
      "$share/applications/nl.payt.onboarding.desktop" \
      "$share/metainfo/nl.payt.onboarding.metainfo.xml"
find "$share/icons/hicolor" -name nl.payt.onboarding.png -delete 2>/dev/null || true
if [ "${1:-}" = --uninstall ]; then
    echo "Payt onboarding removed."
    exit 0
fi

mkdir -p "$opt" "$bin"
cp -a "$here/payt-onboarding/." "$opt/"
ln -s "$opt/payt-onboarding" "$bin/payt-onboarding"
ln -s "$opt/payt-onboarding-wizard" "$bin/payt-onboarding-wizard"
cp -a "$here/share/." "$share/"
sed -i "s|^Exec=.*|Exec=$opt/payt-onboarding-wizard|" \
    "$share/applications/nl.payt.onboarding.desktop"
command -v update-desktop-database >/dev/null 2>&1 && \
    update-desktop-database -q "$share/applications" || true
echo "Payt onboarding installed: the menu entry 'Payt onboarding', or $bin/payt-onboarding."
