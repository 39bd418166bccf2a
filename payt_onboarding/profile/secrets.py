"""The AFAS token in the system keyring, through the `keyring` library only.

Entries live under service `payt-onboarding`, account `<uid>-<environment>`
(`Environment.keyring_account`), and hold the token XML (`AfasToken.xml()`).

`detect` tells whether the configured keyring backend is a usable system store. keyring's fail
and null backends, every backend of `keyrings.alt` or with "plaintext" in its module or class
name, a backend keyring itself does not recommend (priority below 1, `keyring.core.recommended`)
and a chainer with any such member all count as none. Then `TokenVault` keeps tokens in a
process-local dict for this session only; it never falls back to a file.

Every keyring call is wrapped: a failure, `KeyringError` or anything a backend raises, becomes a
`SecretStoreError` with a plain message that never contains the token. It is raised outside the
`except` block and `from None`, so it carries no `__context__` whose traceback frames hold the
token. The vault neither prints nor logs.

Keyring calls block (D-Bus, Keychain prompts): in the GUI, create the vault and call `status`,
`save`, `load` and `delete` off the GUI thread. `TokenVault()` itself does no keyring I/O until
first used.
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal, TypeVar

import keyring
import keyring.core
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import (
    InitError,
    KeyringError,
    KeyringLocked,
    NoKeyringError,
    PasswordDeleteError,
)

from payt_onboarding.afas.credentials import ClientSecret, CredentialInputError
from payt_onboarding.afas.environment import Environment
from payt_onboarding.afas.token import AfasToken, TokenFormatError
from payt_onboarding.messages import Localized
from payt_onboarding.profile.model import KEYRING_SERVICE, OAUTH_KEYRING_SERVICE

__all__ = [
    "SERVICE",
    "ClientSecretVault",
    "SecretStoreError",
    "StoreStatus",
    "TokenVault",
    "account_for",
    "clear_session_tokens",
    "detect",
]

SERVICE = KEYRING_SERVICE
T = TypeVar("T")
_Action = Literal["store", "read", "remove"]

_KNOWN_NAMES = {
    "keyring.backends.Windows.WinVaultKeyring": "Windows Credential Manager",
    "keyring.backends.macOS.Keyring": "macOS Keychain",
    "keyring.backends.SecretService.Keyring": "Secret Service (GNOME Keyring / KWallet)",
    "keyring.backends.libsecret.Keyring": "Secret Service via libsecret (GNOME Keyring / KWallet)",
    "keyring.backends.kwallet.DBusKeyring": "KWallet",
    "keyring.backends.kwallet.DBusKeyringKWallet4": "KWallet 4",
}
_SESSION_ONLY = Localized("keyring.session_only")
# Text that may be (part of) a token, in a backend's error message: then the message is dropped.
_TOKENISH_RE = re.compile(r"[0-9A-Fa-f]{16}|<\s*/?\s*(token|data)\s*>|afastoken", re.IGNORECASE)
_DETAIL_MAX = 160


def _no_store_advice() -> Localized:
    if sys.platform == "win32":
        return Localized("keyring.advice.windows")
    if sys.platform == "darwin":
        return Localized("keyring.advice.macos")
    return Localized("keyring.advice.linux")


@dataclass(frozen=True)
class StoreStatus:
    """Whether tokens can be kept in a system store; `name` says which, `reason` why not (in
    English; `why` in any language)."""

    usable: bool
    name: str
    reason: str = ""
    why: Localized | None = None


class SecretStoreError(Exception):
    """A keyring call failed. The message is for the user and never holds the token: `text`
    in any language, `message` and `str()` in English."""

    def __init__(self, text: Localized, *, store: str = "") -> None:
        self.text = text
        self.message = text.render("en")
        super().__init__(self.message)
        self.store = store

    def __str__(self) -> str:
        return self.message


def _qualified(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def _display_name(backend: KeyringBackend) -> str:
    cls = type(backend)
    known = _KNOWN_NAMES.get(_qualified(cls))
    if known:
        return known
    return cls.__name__


def _is_plaintext(cls: type) -> bool:
    for klass in cls.__mro__:
        module = klass.__module__.lower()
        if module.startswith("keyrings.alt") or "plaintext" in module:
            return True
        if "plaintext" in klass.__name__.lower():
            return True
    return False


def _unusable(name: str, problem: Localized) -> StoreStatus:
    why = Localized("keyring.unusable", {"problem": problem, "advice": _no_store_advice(),
                                         "session": _SESSION_ONLY})
    return StoreStatus(False, name, why.render("en"), why)


def detect(backend: KeyringBackend | None = None) -> StoreStatus:
    """Whether `backend` (default: the one keyring selects) is a usable system store."""
    if backend is None:
        try:
            backend = keyring.get_keyring()
        except Exception as error:  # a broken keyringrc.cfg or plug-in
            return _unusable("none", Localized("keyring.library_failed",
                                               {"error": type(error).__name__}))
    return _status(backend)


def _status(backend: KeyringBackend) -> StoreStatus:
    name = _display_name(backend)
    if isinstance(backend, fail.Keyring):
        return _unusable("none", Localized("keyring.none_found"))
    if isinstance(backend, null.Keyring):
        return _unusable("none (disabled)", Localized("keyring.disabled"))
    if _is_plaintext(type(backend)):
        return _unusable(name, Localized("keyring.plaintext",
                                         {"backend": _qualified(type(backend))}))
    if isinstance(backend, chainer.ChainerBackend):
        return _chainer_status(backend)
    try:
        recommended = bool(keyring.core.recommended(backend))
    except Exception as error:  # priority raises when the backend cannot work here
        return _unusable(name, Localized("keyring.cannot_use",
                                         {"name": name, "detail": _safe_detail(error)}))
    if not recommended:
        return _unusable(name, Localized("keyring.not_recommended", {"name": name}))
    return StoreStatus(True, name)


def _chainer_status(backend: KeyringBackend) -> StoreStatus:
    try:
        members: Iterable[KeyringBackend] = list(getattr(type(backend), "backends", []))
    except Exception:
        members = []
    statuses = [_status(member) for member in members]
    if not statuses:
        return _unusable("none", Localized("keyring.none_found"))
    refused = [s for s in statuses if not s.usable]
    if refused:  # the chainer could write the token into the refused one
        return refused[0]
    return StoreStatus(True, " + ".join(s.name for s in statuses))


def _safe_detail(error: BaseException, scrub: Iterable[str] = ()) -> str:
    """The error's own text when it is short, printable and cannot hold the token."""
    text = " ".join(str(error).split())
    if (not text or len(text) > _DETAIL_MAX or not text.isprintable()
            or _TOKENISH_RE.search(text) or any(s and s in text for s in scrub)):
        return type(error).__name__
    return text


def _failure_message(action: _Action, account: str, store: str,
                     error: Exception, scrub: Iterable[str]) -> Localized:
    values = {"store": store, "account": account, "detail": _safe_detail(error, scrub)}
    if isinstance(error, KeyringLocked):
        return Localized("keyring.locked", values)
    if isinstance(error, NoKeyringError):
        return Localized("keyring.no_keyring", {**values, "advice": _no_store_advice()})
    if isinstance(error, InitError):
        return Localized("keyring.cannot_open", values)
    if action == "store":
        return Localized("keyring.store_failed", values)
    if action == "remove":
        return Localized("keyring.remove_failed", {**values, "service": SERVICE})
    return Localized("keyring.read_failed", values)


_session: dict[tuple[str, str], AfasToken] = {}
_session_secrets: dict[tuple[str, str], ClientSecret] = {}
_session_lock = threading.Lock()


def clear_session_tokens() -> None:
    """Forget every token kept in memory (the no-keyring mode) by any vault."""
    with _session_lock:
        _session.clear()
        _session_secrets.clear()


def account_for(environment: Environment) -> str:
    """The keyring account of an environment: `<uid>-<environment>`, as `12345-production`."""
    return environment.keyring_account


def _check_account(account: str) -> None:
    if not isinstance(account, str) or not account or len(account) > 200 \
            or not account.isprintable():
        raise ValueError("the keyring account must be printable text of 1 to 200 characters")


class TokenVault:
    """Save, load and delete tokens in the system keyring, or in memory when there is none."""

    def __init__(self, backend: KeyringBackend | None = None, *, service: str = SERVICE) -> None:
        self.service = service
        self._backend = backend
        self._status: StoreStatus | None = None
        self._lock = threading.Lock()

    @property
    def status(self) -> StoreStatus:
        """The store in use; detected on first use (blocking: call it off the GUI thread)."""
        with self._lock:
            if self._status is None:
                if self._backend is None:
                    try:
                        self._backend = keyring.get_keyring()
                    except Exception as error:  # a broken keyringrc.cfg or plug-in
                        self._status = _unusable("none", Localized(
                            "keyring.library_failed", {"error": type(error).__name__}))
                        return self._status
                self._status = _status(self._backend)
            return self._status

    def save(self, account: str, token: AfasToken) -> Literal["keyring", "memory"]:
        """Keep the token: in the system keyring, or in memory for this session when there is
        no usable keyring. Raises SecretStoreError when the keyring fails."""
        _check_account(account)
        if not isinstance(token, AfasToken):
            raise TypeError("TokenVault.save takes an AfasToken")
        if not self.status.usable:
            with _session_lock:
                _session[(self.service, account)] = token
            return "memory"
        secret = token.xml()
        self._call("store", account, lambda b: b.set_password(self.service, account, secret),
                   scrub=(secret, token.reveal_data()))
        with _session_lock:
            _session.pop((self.service, account), None)
        return "keyring"

    def load(self, account: str) -> AfasToken | None:
        """The token saved for `account`, or None. Raises SecretStoreError when the keyring
        fails or its entry is not a token."""
        _check_account(account)
        if not self.status.usable:
            with _session_lock:
                return _session.get((self.service, account))
        value = self._call("read", account, lambda b: b.get_password(self.service, account))
        if value is None:
            return None
        token: AfasToken | None
        try:
            token = AfasToken.parse(value)
        except TokenFormatError:
            token = None
        if token is None:
            raise SecretStoreError(Localized("keyring.not_a_token", {
                "account": account, "store": self.status.name}), store=self.status.name) from None
        return token

    def delete(self, account: str) -> None:
        """Remove the token of `account` from the keyring and from memory; no error when there
        is none. Raises SecretStoreError when the keyring fails."""
        _check_account(account)
        with _session_lock:
            _session.pop((self.service, account), None)
        if not self.status.usable:
            return

        def remove(backend: KeyringBackend) -> None:
            try:
                backend.delete_password(self.service, account)
            except PasswordDeleteError:
                # keyring raises this for a missing entry too: only fail if it is still there
                if backend.get_password(self.service, account) is not None:
                    raise

        self._call("remove", account, remove)

    def _call(self, action: _Action, account: str, operation: Callable[[KeyringBackend], T],
              scrub: Iterable[str] = ()) -> T:
        backend = self._backend
        assert backend is not None  # status.usable implies a backend
        store = self.status.name
        try:
            return operation(backend)
        except KeyringError as error:
            message = _failure_message(action, account, store, error, scrub)
        except Exception as error:  # what a backend lets through: D-Bus, OS and library errors
            message = _failure_message(action, account, store, error, scrub)
        raise SecretStoreError(message, store=store) from None



class ClientSecretVault(TokenVault):
    """OAuth client secrets in the system keyring, under their own service
    (`payt-onboarding-oauth`), account `<uid>-<environment>:<client id>`; in memory for this
    session when there is no usable keyring. Same guarantees as the token's entries."""

    def __init__(self, backend: KeyringBackend | None = None, *,
                 service: str = OAUTH_KEYRING_SERVICE) -> None:
        super().__init__(backend, service=service)

    @staticmethod
    def account(environment: Environment, client_id: str) -> str:
        return f"{environment.keyring_account}:{client_id}"

    def save_secret(self, account: str, secret: ClientSecret) -> Literal["keyring", "memory"]:
        _check_account(account)
        if not self.status.usable:
            with _session_lock:
                _session_secrets[(self.service, account)] = secret
            return "memory"
        value = secret.reveal()
        self._call("store", account, lambda b: b.set_password(self.service, account, value),
                   scrub=(value,))
        return "keyring"

    def load_secret(self, account: str) -> ClientSecret | None:
        _check_account(account)
        if not self.status.usable:
            with _session_lock:
                return _session_secrets.get((self.service, account))
        value = self._call("read", account, lambda b: b.get_password(self.service, account))
        if value is None:
            return None
        try:
            return ClientSecret.parse(value)
        except CredentialInputError:
            pass
        raise SecretStoreError(Localized("keyring.not_a_secret", {
            "account": account, "store": self.status.name}), store=self.status.name)

