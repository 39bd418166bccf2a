"""The token in the system keyring, for the command line and the wizard alike.

Keyring calls block (D-Bus, Keychain prompts): the wizard calls these on its thread pool.
"""

from __future__ import annotations

from dataclasses import dataclass

from payt_onboarding.afas.credentials import ClientSecret
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.profile.secrets import (
    ClientSecretVault,
    SecretStoreError,
    StoreStatus,
    TokenVault,
)

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
    vault = vault or TokenVault()
    if not vault.status.usable:
        return StoredToken(None, f"no usable keyring on this computer ({vault.status.reason}).")
    try:
        token = vault.load(account)
    except SecretStoreError as error:
        return StoredToken(None, f"{error}.")
    if token is None:
        return StoredToken(None, f"the keyring ({vault.status.name}) holds no token for "
                                 f"{account}.")
    return StoredToken(token)


@dataclass(frozen=True)
class StoredSecret:
    secret: ClientSecret | None
    reason: str = ""  # when there is no secret: why not


def load_stored_client_secret(account: str,
                              vault: ClientSecretVault | None = None) -> StoredSecret:
    """The OAuth client secret stored for `account` (`<uid>-<environment>:<client id>`)."""
    vault = vault or ClientSecretVault()
    if not vault.status.usable:
        return StoredSecret(None, f"no usable keyring on this computer ({vault.status.reason}).")
    try:
        secret = vault.load_secret(account)
    except SecretStoreError as error:
        return StoredSecret(None, f"{error}.")
    if secret is None:
        return StoredSecret(None, f"the keyring ({vault.status.name}) holds no client secret "
                                  f"for {account}.")
    return StoredSecret(secret)
