"""The token and the OAuth client secret in the system keyring, for the command line and the
wizard alike.

Keyring calls block (D-Bus, Keychain prompts): the wizard calls these on its thread pool.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from payt_onboarding.afas.credentials import ClientSecret
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.app.log_scrub import remember_client_secret, remember_credentials
from payt_onboarding.profile.secrets import (
    ClientSecretVault,
    SecretStoreError,
    StoreStatus,
    TokenVault,
)

T = TypeVar("T")

__all__ = ["StoreStatus", "StoredSecret", "StoredToken", "keyring_status",
           "load_stored_client_secret", "load_stored_token"]


@dataclass(frozen=True)
class StoredToken:
    token: AfasToken | None
    reason: str = ""  # when there is no token: why not, in words that say what is wrong


def keyring_status() -> StoreStatus:
    """Which keyring this computer has, and whether it can hold a token."""
    return TokenVault().status


def load_stored_token(account: str, vault: TokenVault | None = None) -> StoredToken:
    """The token stored for `account` (`<uid>-<environment>`), or None and why not."""
    store = vault or TokenVault()
    token, reason = _load(store, lambda: store.load(account), "token", account)
    if token is not None:
        remember_credentials(token)
    return StoredToken(token, reason)


@dataclass(frozen=True)
class StoredSecret:
    secret: ClientSecret | None
    reason: str = ""  # when there is no secret: why not


def load_stored_client_secret(account: str,
                              vault: ClientSecretVault | None = None) -> StoredSecret:
    """The OAuth client secret stored for `account` (`<uid>-<environment>:<client id>`)."""
    store = vault or ClientSecretVault()
    secret, reason = _load(store, lambda: store.load_secret(account), "client secret", account)
    if secret is not None:
        remember_client_secret(secret)
    return StoredSecret(secret, reason)


def _load(vault: TokenVault, load: Callable[[], T | None], what: str,
          account: str) -> tuple[T | None, str]:
    if not vault.status.usable:
        return None, f"no usable keyring on this computer ({vault.status.reason})."
    try:
        found = load()
    except SecretStoreError as error:
        return None, f"{error}."
    if found is None:
        return None, f"the keyring ({vault.status.name}) holds no {what} for {account}."
    return found, ""
