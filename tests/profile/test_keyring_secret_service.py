"""TokenVault against a real Secret Service (GNOME Keyring on a private D-Bus session).

Run through `tests/keyring_session.sh`, which starts a throw-away, unlocked GNOME Keyring and sets
PAYT_TEST_KEYRING_SESSION=1; `make pytest` and `.ci/run` do that. Elsewhere these tests skip,
so they never touch a developer's own keyring, unless PAYT_REQUIRE_SECRET_SERVICE=1 (CI), which
turns the skip into a failure.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from payt_onboarding.profile.model import TokenRef
from payt_onboarding.profile.secrets import (
    SERVICE,
    SecretStoreError,
    TokenVault,
    clear_session_tokens,
    detect,
)
from payt_onboarding.profile.store import ProfileStore
from tests.support.keyring_session import purge
from tests.support.leaks import scan_for_secrets, secret_forms
from tests.support.profiles import make_profile, new_token

pytestmark = pytest.mark.secret_service

SECRET_SERVICE_NAME = "Secret Service (GNOME Keyring / KWallet)"


def _items(service: str) -> list[object]:
    import secretstorage

    with closing(secretstorage.dbus_init()) as connection:
        collection = secretstorage.get_default_collection(connection)
        return list(collection.search_items({"service": service}))


@pytest.fixture
def service(secret_service: None) -> Iterator[str]:
    """A service name of its own for each test; its entries are removed afterwards."""
    name = f"payt-onboarding-test-{uuid.uuid4().hex}"
    yield name
    purge(name)
    clear_session_tokens()


def _backend() -> object:
    from keyring.backends import SecretService

    return SecretService.Keyring()


def test_the_secret_service_is_detected_as_usable(secret_service: None) -> None:
    status = detect(_backend())  # type: ignore[arg-type]
    assert status.usable and status.name == SECRET_SERVICE_NAME
    default = detect()  # what the program picks by itself in this session
    assert default.usable and default.name == SECRET_SERVICE_NAME, default


def test_round_trip_through_gnome_keyring(service: str) -> None:
    import secretstorage

    token = new_token()
    vault = TokenVault(_backend(), service=service)  # type: ignore[arg-type]
    assert vault.save("12345-test", token) == "keyring"
    # It is really in the daemon: a new backend and vault read it back, and so does
    # SecretStorage directly, as the token XML.
    again = TokenVault(_backend(), service=service)  # type: ignore[arg-type]
    assert again.load("12345-test") == token
    with closing(secretstorage.dbus_init()) as connection:
        collection = secretstorage.get_default_collection(connection)
        [item] = collection.search_items({"service": service, "username": "12345-test"})
        assert item.get_secret().decode() == token.xml()
    replacement = new_token()
    vault.save("12345-test", replacement)
    assert again.load("12345-test") == replacement
    assert len(_items(service)) == 1
    vault.delete("12345-test")
    assert again.load("12345-test") is None and _items(service) == []
    vault.delete("12345-test")  # gone already: no error


def test_the_real_service_name_and_account(secret_service: None) -> None:
    account = f"99999-test-{uuid.uuid4().hex[:8]}"
    token = new_token()
    try:
        vault = TokenVault(_backend())  # type: ignore[arg-type]
        assert vault.service == SERVICE == "payt-onboarding"
        assert vault.save(account, token) == "keyring"
        assert TokenVault(_backend()).load(account) == token  # type: ignore[arg-type]
    finally:
        purge(SERVICE, account)
    assert TokenVault(_backend()).load(account) is None  # type: ignore[arg-type]


def test_a_collection_that_cannot_be_opened(service: str) -> None:
    backend = _backend()
    backend.preferred_collection = (  # type: ignore[attr-defined]
        "/org/freedesktop/secrets/collection/payt_does_not_exist")
    token = new_token()
    vault = TokenVault(backend, service=service)  # type: ignore[arg-type]
    assert vault.status.usable  # detection cannot know; the call fails
    with pytest.raises(SecretStoreError, match="could not be opened") as caught:
        vault.save("12345-test", token)
    for form in secret_forms(token):
        assert form not in str(caught.value)
    assert caught.value.__context__ is None


def test_the_token_is_not_in_plain_text_in_the_keyring_files(service: str) -> None:
    token = new_token()
    data_home = Path(os.environ.get("XDG_DATA_HOME", "")) / "keyrings"

    def written() -> dict[Path, int]:
        return {p: p.stat().st_mtime_ns for p in data_home.glob("*.keyring")}

    before = written()
    TokenVault(_backend(), service=service).save("12345-test", token)  # type: ignore[arg-type]
    deadline = time.monotonic() + 5  # the daemon writes the item to its file a moment later
    while written() == before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert written() != before, "gnome-keyring did not write the token to its file"
    assert scan_for_secrets(data_home, secret_forms(token)) == []


def test_profile_and_real_keyring_leave_no_token_in_files(
    service: str, config_dir: Path, tmp_path: Path
) -> None:
    token = new_token()
    vault = TokenVault(_backend(), service=service)  # type: ignore[arg-type]
    store = ProfileStore()
    profile = make_profile("acme", token=TokenRef(service=service, account="12345-test"))
    assert vault.save("12345-test", token) == "keyring"
    store.save(profile)
    store.save(profile)
    loaded = store.load("acme")
    assert loaded.token is not None
    assert TokenVault(_backend(), service=loaded.token.service).load(  # type: ignore[arg-type]
        loaded.token.account) == token
    assert scan_for_secrets(tmp_path, secret_forms(token)) == []
