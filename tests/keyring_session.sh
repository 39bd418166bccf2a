#!/bin/sh
# Run a command (pytest) in a private D-Bus session with a throw-away, unlocked GNOME Keyring, so
# the tests marked `secret_service` exercise a real Secret Service store:
#
#     sh tests/keyring_session.sh .venv/bin/python -m pytest -m secret_service
#
# HOME and the XDG directories point into a temp directory that is removed afterwards: the real
# keyring of whoever runs this is never touched. Without dbus-run-session or gnome-keyring-daemon
# (macOS, Windows, a bare Linux) the command runs as is and those tests skip, unless
# PAYT_REQUIRE_SECRET_SERVICE=1 (set by .ci/run), which makes a missing tool an error.
set -eu

if ! command -v dbus-run-session >/dev/null 2>&1 || \
   ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
    if [ "${PAYT_REQUIRE_SECRET_SERVICE:-}" = 1 ]; then
        echo "keyring_session.sh: PAYT_REQUIRE_SECRET_SERVICE=1 but dbus-run-session or" \
             "gnome-keyring-daemon is missing (Debian: apt-get install dbus-daemon gnome-keyring)" >&2
        exit 1
    fi
    echo "keyring_session.sh: no dbus-run-session/gnome-keyring-daemon here;" \
         "the Secret Service tests will skip" >&2
    exec "$@"
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/payt-keyring.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
trap 'exit 130' INT TERM
mkdir -p "$scratch/home" "$scratch/data" "$scratch/config" "$scratch/cache"
mkdir -m 700 "$scratch/run"

# The daemon creates the "login" collection with this password, unlocked, as the default
# collection. (An empty password does not work: the daemon then asks a prompter, and there is
# no display.) It is a throw-away keyring, so the password need not be secret.
HOME="$scratch/home" XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" \
XDG_CACHE_HOME="$scratch/cache" XDG_RUNTIME_DIR="$scratch/run" PAYT_TEST_KEYRING_SESSION=1 \
    dbus-run-session -- sh -c '
        printf "%s" "payt-onboarding-tests" |
            gnome-keyring-daemon --unlock --components=secrets >/dev/null
        "$@"' keyring-session "$@"
