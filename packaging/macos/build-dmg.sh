#!/bin/sh
# macOS release: sign the .app, build the .dmg, notarize and staple it. Run on a Mac (GitHub's
# macos runner in .github/workflows/release.yml) after
#     pyinstaller --noconfirm packaging/payt-onboarding.spec      # dist/Payt onboarding.app
#
# Signing and notarization need Apple credentials, so they are parameters (environment):
#   MACOS_SIGN_IDENTITY   "Developer ID Application: Payt B.V. (TEAMID)"; empty: not signed
#                         (the .dmg still builds; Gatekeeper then asks users to allow it)
#   MACOS_NOTARY_PROFILE  a keychain profile made once with
#                         `xcrun notarytool store-credentials <profile> --apple-id ... \
#                          --team-id ... --password <app-specific password>`; or instead:
#   MACOS_NOTARY_APPLE_ID, MACOS_NOTARY_TEAM_ID, MACOS_NOTARY_PASSWORD
#   Empty: not notarized.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
app="$root/dist/Payt onboarding.app"
version=$("$app/Contents/MacOS/payt-onboarding" --version | awk '{print $2}')
dmg="$root/dist/payt-onboarding-$version-macos-$(uname -m).dmg"

"$app/Contents/MacOS/payt-onboarding" --self-test

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
    # Inside out: every library and program, then the .app, with the hardened runtime.
    find "$app/Contents" -type f \( -name '*.so' -o -name '*.dylib' -o -perm -u+x \) \
        -exec codesign --force --timestamp --options runtime \
             --entitlements "$root/packaging/macos/entitlements.plist" \
             --sign "$MACOS_SIGN_IDENTITY" {} +
    codesign --force --timestamp --options runtime \
        --entitlements "$root/packaging/macos/entitlements.plist" \
        --sign "$MACOS_SIGN_IDENTITY" "$app"
    codesign --verify --deep --strict --verbose=2 "$app"
fi

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
rm -f "$dmg"
hdiutil create -volname "Payt onboarding" -srcfolder "$stage" -fs HFS+ -format UDZO "$dmg"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
    codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$dmg"
fi
if [ -n "${MACOS_NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$dmg" --keychain-profile "$MACOS_NOTARY_PROFILE" --wait
    xcrun stapler staple "$dmg"
elif [ -n "${MACOS_NOTARY_APPLE_ID:-}" ]; then
    xcrun notarytool submit "$dmg" --apple-id "$MACOS_NOTARY_APPLE_ID" \
        --team-id "$MACOS_NOTARY_TEAM_ID" --password "$MACOS_NOTARY_PASSWORD" --wait
    xcrun stapler staple "$dmg"
fi
echo "$dmg"
