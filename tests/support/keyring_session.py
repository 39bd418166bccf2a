"""The throw-away Secret Service of tests/keyring_session.sh (GNOME Keyring on a private D-Bus
session): whether it can be used here, and clearing entries a test left in it.

Tests that need it take the `secret_service` fixture (tests/conftest.py) and carry the
`secret_service` marker, so that `make pytest` runs them apart through the script.
"""

from __future__ import annotations

import os
import sys
import time
from contextlib import closing


def unavailable() -> str | None:
    """Why the throw-away Secret Service cannot be used here, or None."""
    if sys.platform in ("win32", "darwin"):
        return "the Secret Service is a Linux D-Bus store"
    if os.environ.get("PAYT_TEST_KEYRING_SESSION") != "1":
        return ("not inside tests/keyring_session.sh (a private D-Bus session with a throw-away "
                "GNOME Keyring); run: sh tests/keyring_session.sh .venv/bin/python -m pytest "
                "-m secret_service")
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return "no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is unset)"
    try:
        import secretstorage
    except ImportError:
        return "the SecretStorage package is not installed"
    problem = "the Secret Service did not come up"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with closing(secretstorage.dbus_init()) as connection:
                if not secretstorage.check_service_availability(connection):
                    problem = "no Secret Service on the session bus (is gnome-keyring running?)"
                elif secretstorage.get_default_collection(connection).is_locked():
                    return "the default keyring collection is locked"
                else:
                    return None
        except secretstorage.SecretStorageException as error:
            problem = f"the Secret Service cannot be used: {error}"
        time.sleep(0.1)
    return problem


def purge(service: str, account: str | None = None) -> None:
    """Delete the entries of `service` (only `account`'s, if given) from the default
    collection."""
    import secretstorage

    query = {"service": service} | ({"username": account} if account else {})
    with closing(secretstorage.dbus_init()) as connection:
        for item in secretstorage.get_default_collection(connection).search_items(query):
            item.delete()
