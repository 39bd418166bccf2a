"""AFAS's end of classic tokens (reference/afas-oauth.md 1) as a finding on every classic check.

The dates are AFAS's announcement, kept here as data; `today` is passed in, so tests move the
clock instead of waiting for 2027.
"""

from __future__ import annotations

from datetime import date

from payt_onboarding.checks.findings import make_finding
from payt_onboarding.report.model import Finding
from payt_onboarding.vocabulary import Code, Language

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
