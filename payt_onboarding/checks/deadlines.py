"""AFAS's end of classic tokens (reference/afas-oauth.md 1) as a finding on every classic check,
and a profile's credentials against that calendar (`credential_standing`: no httpx, so the
wizard's welcome page lists it before any check has loaded the engine).

The dates are AFAS's announcement, kept here as data; `today` is passed in, so tests move the
clock instead of waiting for 2027.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Literal

from payt_onboarding.checks.findings import make_finding
from payt_onboarding.report.model import Finding
from payt_onboarding.vocabulary import Code, Language

CredentialKind = Literal["classic_token", "oauth"]

# Every existing classic token expires on this day (set by AFAS in September 2026).
CLASSIC_TOKENS_EXPIRE = date(2027, 5, 1)
# The last day on which an app connector accepts a classic token at all.
CLASSIC_TOKENS_END = date(2027, 8, 31)


def _shown(day: date, language: Language) -> str:
    return day.strftime("%d-%m-%Y") if language == "nl" else day.isoformat()


def classic_phase_out(language: Language, today: date | None = None) -> Finding:
    """token.classic_phase_out: a warning until CLASSIC_TOKENS_END, an error after."""
    today = today or date.today()
    end = _shown(CLASSIC_TOKENS_END, language)
    if today > CLASSIC_TOKENS_END:
        return make_finding(Code.TOKEN_CLASSIC_PHASE_OUT, language=language, severity="error",
                            end=end)
    # After 1 May only newly made classic tokens work, and only until the end.
    expiry = CLASSIC_TOKENS_EXPIRE if today <= CLASSIC_TOKENS_EXPIRE else CLASSIC_TOKENS_END
    return make_finding(Code.TOKEN_CLASSIC_PHASE_OUT, language=language,
                        expiry=_shown(expiry, language), days=(expiry - today).days, end=end)


@dataclass(frozen=True)
class Standing:
    """A profile's credentials against the calendar: which kind, and until when they work as
    far as anyone knows (None: no date known, e.g. OAuth, whose secret's end AFAS does not
    tell)."""

    kind: CredentialKind | None
    expiry: date | None = None
    days_left: int | None = None  # from `today`; negative once past


def credential_standing(auth: str | None, token_expiry: str | None,
                        today: date | None = None) -> Standing:
    """Which credentials (a profile's `auth` or a report's `target.auth`) and when they stop:
    for a classic token the earlier of AFAS's tokenExpiry and the end of classic tokens
    (1 May 2027; for one made after that, 31 August 2027). Under OAuth AFAS's tokenExpiry has
    no settled meaning (reference/afas-oauth.md 5): no date. Usable without a check (the
    wizard's welcome page reads the saved validation's `token_expiry`)."""
    today = today or date.today()
    if auth is None:
        return Standing(None)
    if auth != "classic_token":
        return Standing("oauth")
    end = CLASSIC_TOKENS_EXPIRE if today <= CLASSIC_TOKENS_EXPIRE else CLASSIC_TOKENS_END
    own = _day(token_expiry)
    # A day in the past on a token AFAS accepted is a placeholder (0001-01-01), not a date.
    expiry = own if own is not None and today <= own < end else end
    return Standing("classic_token", expiry, (expiry - today).days)


def _day(text: str | None) -> date | None:
    if not text or not text.strip() or text.strip() == "0":
        return None
    try:
        when = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return (when if when.tzinfo else when.replace(tzinfo=UTC)).date()
