"""TokenVault and detect() with in-memory, failing, disabled and plaintext keyring backends."""

from __future__ import annotations

import traceback
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import (
    InitError,
    KeyringError,
    KeyringLocked,
    NoKeyringError,
    PasswordDeleteError,
    PasswordSetError,
)

from payt_onboarding.afas.environment import Environment
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.profile.model import TokenRef
from payt_onboarding.profile.secrets import (
    SERVICE,
    SecretStoreError,
    TokenVault,
    account_for,
    clear_session_tokens,
    detect,
)
from payt_onboarding.profile.store import ProfileStore
from tests.support.leaks import scan_for_secrets, secret_forms
from tests.support.profiles import MemoryKeyring, make_profile, new_token, unregister

ACCOUNT = "12345-production"


@pytest.fixture(autouse=True)
def _fresh_session() -> None:
    clear_session_tokens()


def _backend_class(name: str, module: str, priority: float = 5) -> type[MemoryKeyring]:
    cls = type(name, (MemoryKeyring,), {"priority": priority, "__module__": module})
    unregister(cls)
    return cls


# --- the service and account -------------------------------------------------------------------

def test_service_and_account_names() -> None:
    assert SERVICE == "payt-onboarding"
    assert account_for(Environment.parse("12345", "test")) == "12345-test"
    assert account_for(Environment.parse("O54321AA")) == "54321-production"
    assert TokenRef(account=account_for(Environment.parse("A12345"))).account == "12345-accept"


@pytest.mark.parametrize("account", ["", "a\nb", "x" * 201])
def test_a_bad_account_is_a_programming_error(account: str) -> None:
    with pytest.raises(ValueError):
        TokenVault(MemoryKeyring()).load(account)


# --- a usable store ----------------------------------------------------------------------------

def test_round_trip_through_the_keyring() -> None:
    backend, token = MemoryKeyring(), new_token()
    vault = TokenVault(backend)
    assert vault.status.usable and vault.status.name == "MemoryKeyring"
    assert vault.save(ACCOUNT, token) == "keyring"
    assert backend.entries == {(SERVICE, ACCOUNT): token.xml()}
    assert TokenVault(backend).load(ACCOUNT) == token
    vault.delete(ACCOUNT)
    assert backend.entries == {} and vault.load(ACCOUNT) is None
    vault.delete(ACCOUNT)  # deleting what is not there is fine


def test_saving_again_replaces_the_token() -> None:
    backend, first, second = MemoryKeyring(), new_token(), new_token()
    vault = TokenVault(backend)
    vault.save(ACCOUNT, first)
    vault.save(ACCOUNT, second)
    assert vault.load(ACCOUNT) == second


def test_a_bare_data_value_in_the_keyring_is_read_too() -> None:
    backend, token = MemoryKeyring(), new_token()
    backend.entries[(SERVICE, ACCOUNT)] = token.reveal_data()
    assert TokenVault(backend).load(ACCOUNT) == token


def test_an_entry_that_is_not_a_token() -> None:
    backend = MemoryKeyring()
    backend.entries[(SERVICE, ACCOUNT)] = "hunter2"
    with pytest.raises(SecretStoreError, match="not an AFAS token") as caught:
        TokenVault(backend).load(ACCOUNT)
    assert "hunter2" not in str(caught.value)


def test_the_global_keyring_is_used_by_default(memory_keyring: MemoryKeyring) -> None:
    token = new_token()
    assert TokenVault().save(ACCOUNT, token) == "keyring"
    assert memory_keyring.entries[(SERVICE, ACCOUNT)] == token.xml()
    assert detect().usable


def test_known_stores_have_friendly_names() -> None:
    from keyring.backends import SecretService, Windows, macOS

    for cls, name in [(SecretService.Keyring, "Secret Service (GNOME Keyring / KWallet)"),
                      (Windows.WinVaultKeyring, "Windows Credential Manager"),
                      (macOS.Keyring, "macOS Keychain")]:
        named = _backend_class(cls.__name__, cls.__module__)
        assert detect(named()).name == name


# --- no usable store ---------------------------------------------------------------------------

def test_the_fail_backend_means_memory_for_this_session() -> None:
    token = new_token()
    vault = TokenVault(fail.Keyring())
    status = vault.status
    assert not status.usable and status.name == "none"
    assert "No system keyring" in status.reason and "memory for this session" in status.reason
    assert vault.save(ACCOUNT, token) == "memory"
    assert vault.load(ACCOUNT) == token
    assert TokenVault(fail.Keyring()).load(ACCOUNT) == token  # the session, not the instance
    clear_session_tokens()
    assert vault.load(ACCOUNT) is None


def test_memory_tokens_can_be_deleted() -> None:
    vault = TokenVault(null.Keyring())
    vault.save(ACCOUNT, new_token())
    vault.delete(ACCOUNT)
    assert vault.load(ACCOUNT) is None


def test_the_null_backend_is_no_store() -> None:
    status = detect(null.Keyring())
    assert not status.usable and "disabled" in status.reason


@pytest.mark.parametrize(("name", "module"), [
    ("PlaintextKeyring", "keyrings.alt.file"),
    ("EncryptedKeyring", "keyrings.alt.file"),
    ("Keyring", "some_plugin.plaintext"),
    ("PlainTextKeyring", "elsewhere"),
])
def test_plaintext_backends_are_refused(name: str, module: str) -> None:
    backend = _backend_class(name, module, priority=10)()
    status = detect(backend)
    assert not status.usable and "file" in status.reason
    token = new_token()
    assert TokenVault(backend).save(ACCOUNT, token) == "memory"
    assert backend.entries == {}


def test_a_subclass_of_a_plaintext_backend_is_refused() -> None:
    base = _backend_class("PlaintextKeyring", "keyrings.alt.file")
    sub = type("Innocent", (base,), {"__module__": "innocent"})
    unregister(sub)
    assert not detect(sub()).usable


def test_a_backend_keyring_does_not_recommend_is_refused() -> None:
    backend = _backend_class("Meh", "meh", priority=0.5)()
    assert not detect(backend).usable


def test_a_backend_that_cannot_work_here_is_refused() -> None:
    class Unavailable(MemoryKeyring):
        @property
        def priority(self) -> float:  # type: ignore[override]
            raise RuntimeError("The Secret Service daemon is neither running nor activatable")

    unregister(Unavailable)
    status = detect(Unavailable())
    assert not status.usable and "neither running" in status.reason


@pytest.mark.parametrize(("members", "usable"), [
    ([], False), (["memory"], True), (["memory", "plaintext"], False), (["low"], False),
])
def test_a_chainer_is_usable_only_if_all_members_are(members: list[str], usable: bool) -> None:
    kinds: dict[str, type[MemoryKeyring]] = {
        "memory": MemoryKeyring, "plaintext": _backend_class("PlaintextKeyring", "x"),
        "low": _backend_class("Low", "low", priority=0.1)}
    chain = type("Chain", (chainer.ChainerBackend,), {"backends": [kinds[m]() for m in members]})
    unregister(chain)
    assert detect(chain()).usable is usable


# --- failing keyring calls ---------------------------------------------------------------------

class Failing(MemoryKeyring):
    """A usable store whose calls fail with an error that quotes the password it was given."""

    error: type[Exception] = KeyringError

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.error(f"cannot store {password!r} for {username}")

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error("Failed to unlock the collection!")

    def delete_password(self, service: str, username: str) -> None:
        raise self.error("cannot delete")


unregister(Failing)

ERRORS = [KeyringError, KeyringLocked, PasswordSetError, InitError, NoKeyringError,
          PasswordDeleteError, RuntimeError, OSError]


def _assert_clean(error: SecretStoreError, token: AfasToken) -> None:
    texts = [str(error), repr(error), "".join(traceback.format_exception(error))]
    for text in texts:
        for form in secret_forms(token):
            assert form not in text
        assert token.reveal_data()[:16] not in text
    assert error.__cause__ is None and error.__context__ is None
    assert error.__suppress_context__
    assert "keyring" in str(error).lower()


@pytest.mark.parametrize("error", ERRORS)
def test_a_failing_save_is_a_plain_error_without_the_token(error: type[Exception]) -> None:
    token = new_token()
    backend = type("F", (Failing,), {"error": error})()
    unregister(type(backend))
    with pytest.raises(SecretStoreError) as caught:
        TokenVault(backend).save(ACCOUNT, token)
    _assert_clean(caught.value, token)


@pytest.mark.parametrize("error", ERRORS)
def test_a_failing_load_and_delete_are_plain_errors(error: type[Exception]) -> None:
    token = new_token()
    backend = type("F", (Failing,), {"error": error})()
    unregister(type(backend))
    vault = TokenVault(backend)
    with pytest.raises(SecretStoreError) as load_error:
        vault.load(ACCOUNT)
    _assert_clean(load_error.value, token)
    with pytest.raises(SecretStoreError) as delete_error:
        vault.delete(ACCOUNT)
    _assert_clean(delete_error.value, token)


def test_messages_say_what_to_do() -> None:
    token = new_token()
    cases = {KeyringLocked: "locked", InitError: "could not be opened",
             PasswordSetError: "refused to store", NoKeyringError: "No system keyring"}
    for error, words in cases.items():
        backend = type("F", (Failing,), {"error": error})()
        unregister(type(backend))
        with pytest.raises(SecretStoreError, match=words) as caught:
            TokenVault(backend).save(ACCOUNT, token)
        assert caught.value.store == TokenVault(backend).status.name


def test_a_delete_that_fails_while_the_entry_remains() -> None:
    class Stuck(MemoryKeyring):
        def delete_password(self, service: str, username: str) -> None:
            raise PasswordDeleteError("access denied")

    unregister(Stuck)
    backend, token = Stuck(), new_token()
    vault = TokenVault(backend)
    vault.delete(ACCOUNT)  # nothing there: no error
    vault.save(ACCOUNT, token)
    with pytest.raises(SecretStoreError, match="could not remove"):
        vault.delete(ACCOUNT)


def test_a_broken_keyring_library_is_no_store(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> KeyringBackend:
        raise ImportError("keyringrc.cfg names a missing backend")

    monkeypatch.setattr(keyring, "get_keyring", broken)
    assert not detect().usable
    vault = TokenVault()
    assert not vault.status.usable
    assert vault.save(ACCOUNT, new_token()) == "memory"


def test_the_vault_does_no_keyring_io_until_used(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def get_keyring() -> MemoryKeyring:
        calls.append("get")
        return MemoryKeyring()

    monkeypatch.setattr(keyring, "get_keyring", get_keyring)
    vault = TokenVault()
    assert calls == []
    assert vault.status.usable and calls == ["get"]
    vault.status  # noqa: B018 - detected once
    assert calls == ["get"]


# --- end to end: profile plus token, and no token in any file ----------------------------------

def test_profile_and_token_flow_leaves_no_token_in_files(
    config_dir: Path, memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    token = new_token()
    environment = Environment.parse("12345", "test")
    store, vault = ProfileStore(), TokenVault()
    account = account_for(environment)
    assert vault.save(account, token) == "keyring"
    profile = make_profile("acme", token=TokenRef(account=account))
    store.save(profile)
    store.save(profile.model_copy(update={"uid": "54321"}))
    store.export("acme", tmp_path / "export.json")
    store.import_file(tmp_path / "export.json", name="acme 2")
    store.rename("acme 2", "acme 3")
    loaded = store.load("acme")
    assert loaded.token is not None
    assert vault.load(loaded.token.account) == token
    # config_dir's teardown scans every file under tmp_path for the token as well
    assert not scan_for_secrets(tmp_path, secret_forms(token))


def test_no_store_flow_leaves_no_token_in_files(config_dir: Path, tmp_path: Path) -> None:
    token = new_token()
    vault = TokenVault(fail.Keyring())
    assert vault.save(ACCOUNT, token) == "memory"
    ProfileStore().save(make_profile("acme", token=TokenRef(account=ACCOUNT)))
    assert vault.load(ACCOUNT) == token
    assert not scan_for_secrets(tmp_path, secret_forms(token))
