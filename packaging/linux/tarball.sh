#!/bin/sh
# The Linux release: dist/payt-onboarding-<version>-linux-<arch>.tar.gz, holding the one-folder
# app, the .desktop file, AppStream metainfo and the icon sizes (sources in resources/), and
# install.sh, which installs for the current user only (~/.local), no root needed.
#     sh packaging/linux/tarball.sh dist/payt-onboarding
set -eu
folder=${1:-dist/payt-onboarding}
root=$(cd "$(dirname "$0")/../.." && pwd)
version=$("$folder/payt-onboarding" --version | awk '{print $2}')
name="payt-onboarding-$version-linux-$(uname -m)"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

mkdir -p "$stage/$name/share/applications" "$stage/$name/share/metainfo"
cp -a "$folder" "$stage/$name/payt-onboarding"
cp "$root/resources/linux/nl.payt.onboarding.desktop" "$stage/$name/share/applications/"
cp "$root/resources/linux/nl.payt.onboarding.metainfo.xml" "$stage/$name/share/metainfo/"
for png in "$root"/resources/icons/png/payt-onboarding-*.png; do
    size=$(basename "$png" .png | sed 's/.*-//')
    mkdir -p "$stage/$name/share/icons/hicolor/${size}x${size}/apps"
    cp "$png" "$stage/$name/share/icons/hicolor/${size}x${size}/apps/nl.payt.onboarding.png"
done
cp "$root/packaging/linux/install.sh" "$stage/$name/install.sh"
tar -C "$stage" -czf "$(dirname "$folder")/$name.tar.gz" "$name"
echo "$(dirname "$folder")/$name.tar.gz"
