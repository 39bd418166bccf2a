"""The saved profiles as the welcome page lists them, read on the thread pool, and the words for
a profile's credentials against the calendar (kind, until when), which the welcome page and the
Check-all table share."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from payt_onboarding.checks.expiry import EXPIRY_WARNING_DAYS
from payt_onboarding.gui.texts import language, translate

if TYPE_CHECKING:  # pydantic: loaded by the worker that reads the profiles
    from payt_onboarding.checks.deadlines import CredentialKind, Standing
    from payt_onboarding.profile.store import ProfileSummary

# A saved tokenExpiry this far in the past is AFAS's placeholder (0001-01-01), not a real end.
_PLACEHOLDER_DAYS = -3650


@dataclass(frozen=True)
class Listed:
    """One saved profile: its summary, its credentials' standing (None: unreadable) and, when it
    sends its secret to an address that is not AFAS's own, that address."""

    summary: ProfileSummary
    standing: Standing | None = None
    foreign_address: str | None = None


def read_profiles(progress: object = None, cancel: object = None) -> list[Listed]:
    """Every saved profile, by name: file I/O and pydantic, so on a worker (gui/jobs.py).
    Neither the keyring nor httpx: the first page shows before those load (issue 15)."""
    from payt_onboarding.afas.environment import Environment, EnvironmentInputError
    from payt_onboarding.checks.deadlines import credential_standing
    from payt_onboarding.profile.store import ProfileStore

    listed: list[Listed] = []
    for summary in ProfileStore().list():
        if summary.error or summary.uid is None:
            listed.append(Listed(summary))
            continue
        standing = credential_standing(summary.auth, summary.token_expiry)
        foreign = None
        try:
            environment = Environment.parse(summary.uid, summary.environment, summary.base_url)
            if not environment.is_afas_address:  # as app.credentials.needs_confirmation
                foreign = environment.base_url
        except EnvironmentInputError:
            pass  # Check all says why this profile cannot be checked
        listed.append(Listed(summary, standing, foreign))
    return listed


def kind_text(kind: CredentialKind | None) -> str:
    if kind == "classic_token":
        return translate("ProfileList", "classic token")
    if kind == "oauth":
        return "OAuth"
    return ""


def day_text(day: date) -> str:
    return day.strftime("%d-%m-%Y") if language() == "nl" else day.isoformat()


@dataclass(frozen=True)
class ExpiryCell:
    text: str
    status: str  # "" (nothing to flag), "warning" or "error": the cell's icon
    tooltip: str


def expiry_cell(kind: CredentialKind | None, expiry: date | None, days: int | None,
                saved_expiry: str | None = None) -> ExpiryCell:
    """Until when the credentials work: for a classic token the earlier of its own expiry and
    the end of classic tokens; a warning from 30 days before (as the check's
    token.expires_soon), so it is renewed before Payt stops. `saved_expiry`: AFAS's
    tokenExpiry as the last check saw it, which may have passed since."""
    from payt_onboarding.report.labels import days_left

    if kind == "oauth":
        return ExpiryCell(translate("ProfileList", "not known"), "", translate(
            "ProfileList", "AFAS does not say until when an OAuth client secret is valid: "
                           "see the app connector in AFAS."))
    own = days_left(saved_expiry)
    if own is not None and _PLACEHOLDER_DAYS < own < 0:
        return ExpiryCell(translate("ProfileList", "expired"), "error", translate(
            "ProfileList", "The token expired after the last check. Check the profile again "
                           "with a new token."))
    if expiry is None or days is None:
        return ExpiryCell("", "", "")
    from payt_onboarding.checks.deadlines import CLASSIC_TOKENS_END, CLASSIC_TOKENS_EXPIRE

    if expiry in (CLASSIC_TOKENS_EXPIRE, CLASSIC_TOKENS_END):
        tooltip = translate("ProfileList",
                            "AFAS ends classic tokens: this one stops working on {date}. Move "
                            "the app connector to OAuth (Hybrid) in time.")
    else:
        tooltip = translate("ProfileList", "Valid until {date}, as AFAS said at the last "
                                           "check. Check the profile again with a new token.")
    tooltip = tooltip.format(date=day_text(expiry))
    if days > EXPIRY_WARNING_DAYS:
        text = translate("ProfileList", "{date} ({days} days left)").format(
            date=day_text(expiry), days=days)
        return ExpiryCell(text, "", tooltip)
    if days < 0:
        text = translate("ProfileList", "expired")
    elif days == 0:
        text = translate("ProfileList", "expires today")
    elif days == 1:
        text = translate("ProfileList", "expires tomorrow")
    else:
        text = translate("ProfileList", "expires in {days} days").format(days=days)
    return ExpiryCell(text, "error" if days < 0 else "warning", tooltip)
