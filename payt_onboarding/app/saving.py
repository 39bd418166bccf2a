"""Save what a check found as a profile, and the token in the keyring: shared by
`check --save-profile` and the wizard, which each say the outcome in their own words.

It lives here, not in `profile`, because it reads the check's options and the engine's
connector names: the profile layer knows nothing of the engine."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from payt_onboarding import __version__
from payt_onboarding.afas.credentials import Credentials, OAuthClient, auth_kind
from payt_onboarding.afas.environment import Environment
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.app.changes import snapshot_of
from payt_onboarding.checks.resolve import connector_key
from payt_onboarding.checks.session import CheckOptions
from payt_onboarding.messages import Localized
from payt_onboarding.profile.codec import revalidated
from payt_onboarding.profile.model import OAuthRef, Profile, SecretRef, TokenRef, Validation
from payt_onboarding.profile.secrets import ClientSecretVault, SecretStoreError, TokenVault
from payt_onboarding.profile.store import ProfileError, ProfileStore
from payt_onboarding.report.model import Report
from payt_onboarding.report.render_json import report_sha256
from payt_onboarding.requirements.model import Requirements

# keyring: stored; memory: no usable keyring, kept for this session; rejected: AFAS did not
# accept it in this check; failed: the keyring refused (see `problem`); not_asked: not wanted.
TokenPlace = Literal["keyring", "memory", "rejected", "failed", "not_asked"]
# What record_validation did: recorded, or not (a cancelled check; credentials AFAS refused).
ValidationRecorded = Literal["recorded", "cancelled", "not_accepted"]


@dataclass(frozen=True)
class SavedProfile:
    path: Path
    profile: Profile
    token: TokenPlace
    problem: str = ""  # why the keyring refused the token, or why there is none (memory)
    store_name: str = ""  # the keyring's name, for "the token is in <store>"
    # What `token` is about: the classic token, an OAuth client secret, or nothing to store
    # (a private key stays in its file).
    secret: Literal["token", "client_secret", "private_key"] = "token"
    why: Localized | None = None  # `problem` in any language

    @property
    def draft(self) -> bool:
        """Saved with errors: not validated, a configuration to finish later."""
        return self.profile.validation is not None and self.profile.validation.verdict == \
            "not_ready"


def save_checked_profile(
    name: str,
    environment: Environment,
    credentials: Credentials,
    options: CheckOptions,
    requirements: Requirements,
    report: Report,
    report_json: str,
    *,
    remember_token: bool = True,
    store: ProfileStore | None = None,
    vault: TokenVault | None = None,
) -> SavedProfile:
    """Raises ProfileError when the profile cannot be written (a bad name: before the token
    is stored)."""
    store = store or ProfileStore()
    if isinstance(credentials, OAuthClient):
        vault = vault or ClientSecretVault()
    vault = vault or TokenVault()
    try:
        existing: Profile | None = store.load(name)
    except ProfileError:
        existing = None
    match = {c.role: c.match for c in requirements.connectors}
    fields: dict[str, Any] = {
        "uid": environment.uid,
        "environment": environment.kind.value,
        "base_url": environment.base_url_override,
        # Only connectors Payt's name would not find again: the rest are, so a newer version
        # Payt ships later is picked up rather than pinned to today's.
        "connectors": {c.role: c.connector_id for c in report.connectors
                       if c.connector_id and not _recognised(c.connector_id, match[c.role])},
        "mappings": {role: dict(m) for role, m in options.mappings.items() if m},
        "validation": Validation(
            checked_at=report.checked_at, verdict=report.verdict, tool_version=__version__,
            report_sha256=report_sha256(report_json), token_expiry=report.target.token_expiry,
            snapshot=snapshot_of(report)),
        "auth": auth_kind(credentials),
    }
    # Validated again, not model_copy(update=...), which would skip the model's validators.
    profile = (revalidated(existing, **fields) if existing
               else Profile.model_validate({"name": name, **fields}))
    if isinstance(credentials, OAuthClient):
        return _save_oauth(store, profile, existing, environment, credentials, report,
                           remember_token, vault)
    account = environment.keyring_account
    where = _keep(report, remember_token, lambda: vault.save(account, credentials), vault)
    # A reference only to a token that is really in the keyring: this one, or the one stored
    # before (still there when this token was not stored).
    kept = existing.token if existing and existing.token and \
        existing.token.account == account else None
    profile = revalidated(profile, token=TokenRef(account=account, address=environment.base_url)
                          if where[0] == "keyring" else kept)
    path = store.save(profile)
    return SavedProfile(path, profile, where[0], _english(where[1]), vault.status.name,
                        why=where[1])


def _english(why: Localized | None) -> str:
    return why.render("en") if why else ""


def _keep(report: Report, wanted: bool, save: Callable[[], TokenPlace],
          vault: TokenVault) -> tuple[TokenPlace, Localized | None]:
    """Store the secret if wanted and AFAS accepted it: where it went, and why not."""
    if not wanted:
        return "not_asked", None
    if report.target.envid is None:
        return "rejected", None  # AFAS did not accept it: it must not replace a good one
    try:
        where = save()
    except SecretStoreError as error:
        return "failed", error.text
    return where, vault.status.why if where == "memory" else None


def _save_oauth(store: ProfileStore, profile: Profile, existing: Profile | None,
                environment: Environment, client: OAuthClient, report: Report, wanted: bool,
                vault: TokenVault) -> SavedProfile:
    """The OAuth client's id, method and key file in the profile; its secret in the keyring."""
    before = existing.oauth if existing and existing.oauth else None
    stored = before.stored if before and before.client_id == client.client_id else None
    where: tuple[TokenPlace, Localized | None] = ("not_asked", None)
    secret = client.secret
    if secret is not None and isinstance(vault, ClientSecretVault):
        account = vault.account(environment, client.client_id)
        where = _keep(report, wanted, lambda: vault.save_secret(account, secret), vault)
        if where[0] == "keyring":
            stored = SecretRef(account=account)
    key = client.private_key
    oauth = OAuthRef(client_id=client.client_id, client_auth=client.client_auth,
                     pem_file=str(key.path) if key else None, kid=client.key_id,
                     stored=stored if secret is not None else None)
    profile = revalidated(profile, oauth=oauth)
    path = store.save(profile)
    return SavedProfile(path, profile, where[0], _english(where[1]), vault.status.name,
                        secret="client_secret" if secret is not None else "private_key",
                        why=where[1])




def _recognised(connector_id: str, match: str) -> bool:
    return connector_key(connector_id).startswith(connector_key(match))


def store_new_token(name: str, token: AfasToken, *, store: ProfileStore | None = None,
                    vault: TokenVault | None = None) -> SavedProfile:
    """A new token for a saved profile (the old one expired or was replaced in AFAS): into the
    keyring, and the profile points at it. Raises ProfileError (no such profile); a keyring
    that refuses is `token="failed"` with the reason in `problem`."""
    store = store or ProfileStore()
    vault = vault or TokenVault()
    profile = store.load(name)
    environment = Environment.parse(profile.uid, profile.environment, profile.base_url)
    account = environment.keyring_account  # bound to the profile's address
    try:
        where = vault.save(account, token)
    except SecretStoreError as error:
        return SavedProfile(store.path_for(profile.name), profile, "failed", str(error),
                            vault.status.name, why=error.text)
    if where == "keyring":
        profile = revalidated(profile, token=TokenRef(account=account,
                                                      address=environment.base_url))
    path = store.save(profile) if where == "keyring" else store.path_for(profile.name)
    why = vault.status.why if where == "memory" else None
    return SavedProfile(path, profile, where, _english(why), vault.status.name, why=why)


def record_validation(name: str, report: Report, *, store: ProfileStore | None = None,
                      report_json: str | None = None) -> ValidationRecorded:
    """A re-check's outcome as the profile's saved validation (`check --all-profiles --save`):
    only `validation` changes, read afresh and written atomically (the old file becomes the
    backup); the token reference, connectors and mappings stay as they are. Not recorded: a
    cancelled check, or one whose credentials AFAS refused (it would replace a good validation
    with one that says nothing). Raises ProfileError."""
    if report.cancelled:
        return "cancelled"
    if report.target.envid is None:
        return "not_accepted"
    store = store or ProfileStore()
    profile = store.load(name)
    from payt_onboarding.report.formats import render

    text = report_json if report_json is not None else render(report, "json")
    validation = Validation(
        checked_at=report.checked_at, verdict=report.verdict, tool_version=__version__,
        report_sha256=report_sha256(text), token_expiry=report.target.token_expiry,
        snapshot=snapshot_of(report))
    store.save(revalidated(profile, validation=validation))
    return "recorded"
