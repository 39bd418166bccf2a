"""Save what a check found as a profile, and the token in the keyring: shared by
`check --save-profile` and the wizard, which each say the outcome in their own words.

It lives here, not in `profile`, because it reads the check's options and the engine's
connector names: the profile layer knows nothing of the engine."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from payt_onboarding import __version__
from payt_onboarding.afas.environment import Environment
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.checks.resolve import connector_key
from payt_onboarding.checks.session import CheckOptions
from payt_onboarding.profile.codec import revalidated
from payt_onboarding.profile.model import Profile, TokenRef, Validation
from payt_onboarding.profile.secrets import SecretStoreError, TokenVault
from payt_onboarding.profile.store import ProfileError, ProfileStore
from payt_onboarding.report.model import Report
from payt_onboarding.report.render_json import report_sha256
from payt_onboarding.requirements.model import Requirements

# keyring: stored; memory: no usable keyring, kept for this session; rejected: AFAS did not
# accept it in this check; failed: the keyring refused (see `problem`); not_asked: not wanted.
TokenPlace = Literal["keyring", "memory", "rejected", "failed", "not_asked"]


@dataclass(frozen=True)
class SavedProfile:
    path: Path
    profile: Profile
    token: TokenPlace
    problem: str = ""  # why the keyring refused the token, or why there is none (memory)
    store_name: str = ""  # the keyring's name, for "the token is in <store>"

    @property
    def draft(self) -> bool:
        """Saved with errors: not validated, a configuration to finish later."""
        return self.profile.validation is not None and self.profile.validation.verdict == \
            "not_ready"


def save_checked_profile(
    name: str,
    environment: Environment,
    token: AfasToken,
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
            report_sha256=report_sha256(report_json), token_expiry=report.target.token_expiry),
    }
    # Validated again, not model_copy(update=...), which would skip the model's validators.
    profile = (revalidated(existing, **fields) if existing
               else Profile.model_validate({"name": name, **fields}))
    account = environment.keyring_account
    where: TokenPlace = "not_asked"
    problem = ""
    if not remember_token:
        pass
    elif report.target.envid is None:
        where = "rejected"  # AFAS did not accept the token: it must not replace a good one
    else:
        try:
            where = vault.save(account, token)
            if where == "memory":
                problem = vault.status.reason
        except SecretStoreError as error:
            where, problem = "failed", str(error)
    # A reference only to a token that is really in the keyring: this one, or the one stored
    # before (still there when this token was not stored).
    profile = revalidated(profile, token=TokenRef(account=account) if where == "keyring"
                          else existing.token if existing else None)
    path = store.save(profile)
    return SavedProfile(path, profile, where, problem, vault.status.name)


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
    account = Environment.parse(profile.uid, profile.environment,
                                profile.base_url).keyring_account
    try:
        where = vault.save(account, token)
    except SecretStoreError as error:
        return SavedProfile(store.path_for(profile.name), profile, "failed", str(error),
                            vault.status.name)
    if where == "keyring":
        profile = revalidated(profile, token=TokenRef(account=account))
    path = store.save(profile) if where == "keyring" else store.path_for(profile.name)
    return SavedProfile(path, profile, where, vault.status.reason if where == "memory" else "",
                        vault.status.name)
