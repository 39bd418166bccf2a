"""The token and the OAuth client secret in the system keyring, for the command line and the
wizard alike.

Keyring calls block (D-Bus, Keychain prompts): the wizard calls these on its thread pool.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from payt_onboarding.afas.credentials import ClientSecret
from payt_onboarding.afas.environment import Environment
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.app.log_scrub import remember_client_secret, remember_credentials
from payt_onboarding.messages import Localized
from payt_onboarding.messages.ids import LogMessageId
from payt_onboarding.profile.secrets import (
    ClientSecretVault,
    SecretStoreError,
    StoreStatus,
    TokenVault,
)

T = TypeVar("T")

__all__ = [
    "StoreStatus",
    "StoredSecret",
    "StoredToken",
    "client_secret_account",
    "keyring_status",
    "load_stored_client_secret",
    "load_stored_token",
    "needs_confirmation",
]


@dataclass(frozen=True)
class StoredToken:
    token: AfasToken | None
    reason: str = ""  # when there is no token: why not, in words that say what is wrong
    why: Localized | None = None  # the reason in any language


def keyring_status() -> StoreStatus:
    """Which keyring this computer has, and whether it can hold a token."""
    return TokenVault().status


def needs_confirmation(environment: Environment) -> bool:
    """Whether sending a stored secret to this environment's address needs the user's explicit
    word (the wizard asks, the CLI wants --trust-base-url): it is not AFAS's own address."""
    return not environment.is_afas_address


def load_stored_token(environment: Environment, vault: TokenVault | None = None) -> StoredToken:
    """The token stored for this environment at this address, or None and why not. The account
    is derived from the address, never read from a profile (which may come from anyone)."""
    account = environment.keyring_account
    store = vault or TokenVault()
    token, why = _load(store, lambda: store.load(account), "keyring.word.token", account)
    if token is not None:
        remember_credentials(token)
    return StoredToken(token, why.render("en") if why else "", why)


@dataclass(frozen=True)
class StoredSecret:
    secret: ClientSecret | None
    reason: str = ""  # when there is no secret: why not
    why: Localized | None = None  # the reason in any language


def client_secret_account(environment: Environment, client_id: str) -> str:
    """The keyring account of an OAuth client's secret, bound to the address like the token's."""
    return ClientSecretVault.account(environment, client_id)


def load_stored_client_secret(account: str,
                              vault: ClientSecretVault | None = None) -> StoredSecret:
    """The OAuth client secret stored for `account` (`<uid>-<environment>:<client id>`)."""
    store = vault or ClientSecretVault()
    secret, why = _load(store, lambda: store.load_secret(account), "keyring.word.client_secret",
                        account)
    if secret is not None:
        remember_client_secret(secret)
    return StoredSecret(secret, why.render("en") if why else "", why)


def _load(vault: TokenVault, load: Callable[[], T | None], what: LogMessageId,
          account: str) -> tuple[T | None, Localized | None]:
    if not vault.status.usable:
        return None, Localized("keyring.unusable_here", {
            "reason": vault.status.why or vault.status.reason})
    try:
        found = load()
    except SecretStoreError as error:
        return None, error.text
    if found is None:
        return None, Localized("keyring.holds_no", {
            "store": vault.status.name, "what": Localized(what), "account": account})
    return found, None
