"""The saved profiles as a plain-text table for the terminal (`payt-onboarding profiles`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from payt_onboarding.profile.store import ProfileSummary

__all__ = ["format_profiles"]

NO_PROFILES = (
    "No profiles saved yet. Save one with: "
    "payt-onboarding check --uid 12345 --save-profile NAME"
)
_HEADERS = ("Name", "UID", "Environment", "Last verdict", "When")
_VERDICTS = {
    "ready": "ready",
    "ready_with_warnings": "ready with warnings",
    "not_ready": "not ready",
}
_NAME_MAX = 40


def _when(checked_at: str | None) -> str:
    if not checked_at:
        return "never"
    try:
        return datetime.fromisoformat(checked_at).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return checked_at


def _cell(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _row(summary: ProfileSummary) -> tuple[str, ...]:
    name = _cell(summary.name, _NAME_MAX)
    if summary.error is not None:
        return (name, summary.uid or "?", summary.environment or "?", "cannot be read", "—")
    verdict = _VERDICTS.get(summary.verdict or "", summary.verdict or "—")
    return (name, summary.uid or "?", summary.environment or "?", verdict,
            _when(summary.checked_at))


def format_profiles(summaries: Sequence[ProfileSummary]) -> str:
    """A table with name, UID, environment, last verdict and when; the problems of unreadable
    files below it. A friendly line when there are no profiles."""
    if not summaries:
        return NO_PROFILES
    rows = [_HEADERS, *(_row(s) for s in summaries)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(_HEADERS))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
             for row in rows]
    problems = [s for s in summaries if s.error is not None]
    if problems:
        lines.append("")
        lines.extend(f"{s.path.name}: {s.error}" for s in problems)
    return "\n".join(lines)
