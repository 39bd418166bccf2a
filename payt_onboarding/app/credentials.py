"""The token in the system keyring, for the command line and the wizard alike.

Keyring calls block (D-Bus, Keychain prompts): the wizard calls these on its thread pool.
"""

from __future__ import annotations

from dataclasses import dataclass

from payt_onboarding.afas.token import AfasToken
from payt_onboarding.app.log_scrub import remember_token
from payt_onboarding.profile.secrets import SecretStoreError, StoreStatus, TokenVault

__all__ = ["StoreStatus", "StoredToken", "keyring_status", "load_stored_token"]


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
    remember_token(token)
    return StoredToken(token)
