"""The command line's side of profiles: `check --profile/--save-profile` and `profiles`."""

from __future__ import annotations

import sys
from typing import Any

from payt_onboarding import __version__
from payt_onboarding.afas.environment import Environment
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.check_command import UsageError
from payt_onboarding.checks.engine import CheckOptions
from payt_onboarding.checks.resolve import normalise
from payt_onboarding.profile.model import Profile, TokenRef, Validation
from payt_onboarding.profile.secrets import SecretStoreError, TokenVault
from payt_onboarding.profile.store import ProfileError, ProfileStore
from payt_onboarding.report.model import Report
from payt_onboarding.report.render_json import report_sha256
from payt_onboarding.requirements.model import Requirements


def load_for_check(name: str) -> Profile:
    try:
        return ProfileStore().load(name)
    except ProfileError as error:
        raise UsageError(str(error)) from None


def token_from_keyring(account: str) -> tuple[AfasToken | None, str]:
    """The stored token, or None and why not, in words that say what to do."""
    vault = TokenVault()
    if not vault.status.usable:
        return None, f"no usable keyring on this computer ({vault.status.reason})."
    try:
        token = vault.load(account)
    except SecretStoreError as error:
        return None, f"{error}."
    if token is None:
        return None, (f"the keyring ({vault.status.name}) holds no token for "
                      f"{account}.")
    return token, ""


def save_after_check(
    name: str,
    environment: Environment,
    token: AfasToken,
    options: CheckOptions,
    requirements: Requirements,
    report: Report,
    report_json: str,
) -> None:
    store = ProfileStore()
    match = {c.role: c.match for c in requirements.connectors}
    validation = Validation(
        checked_at=report.checked_at, verdict=report.verdict, tool_version=__version__,
        report_sha256=report_sha256(report_json))
    account = environment.keyring_account
    vault = TokenVault()
    where = "nowhere"
    if report.target.envid is None:
        # AFAS did not accept the token (or was not reached): it must not replace a good one.
        print("The token was NOT stored: AFAS did not accept it in this check.", file=sys.stderr)
    else:
        try:
            where = vault.save(account, token)
        except SecretStoreError as error:
            print(f"The token was NOT stored: {error}", file=sys.stderr)
    fields: dict[str, Any] = {
        "uid": environment.uid,
        "environment": environment.kind.value,
        "base_url": environment.base_url_override,
        # Only connectors Payt's name would not find again: the rest are, so a newer version
        # Payt ships later is picked up rather than pinned to today's.
        "connectors": {c.role: c.connector_id for c in report.connectors
                       if c.connector_id and not _recognised(c.connector_id, match[c.role])},
        "mappings": {role: dict(m) for role, m in options.mappings.items() if m},
        "validation": validation,
    }
    try:
        existing = store.load(name)
    except ProfileError:
        existing = None
    # A reference only to a token that is really in the keyring: this one, or the one stored
    # before (still there when this token was not stored).
    fields["token"] = (TokenRef(account=account) if where == "keyring"
                       else existing.token if existing else None)
    # Updating keeps keys a newer version of the program may have added to the file.
    profile = (existing.model_copy(update=fields) if existing
               else Profile.model_validate({"name": name, **fields}))
    try:
        path = store.save(profile)
    except ProfileError as error:
        print(f"The profile was not saved: {error}", file=sys.stderr)
        return
    kept = {
        "keyring": f"the token is in {vault.status.name}",
        "memory": f"the token was NOT stored. {vault.status.reason.rstrip('.')}",
    }.get(where, "pass the token again next time")
    print(f"Profile '{name}' saved to {path}; {kept}.", file=sys.stderr)


def _recognised(connector_id: str, match: str) -> bool:
    return normalise(connector_id).startswith(normalise(match))


def run_profiles_command() -> int:
    from payt_onboarding.profile.listing import format_profiles

    print(format_profiles(ProfileStore().list()))
    return 0
