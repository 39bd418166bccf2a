"""The saved profiles as a plain-text table for the terminal (`payt-onboarding profiles`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from payt_onboarding.messages import MessageId, render
from payt_onboarding.profile.store import ProfileSummary
from payt_onboarding.vocabulary import Language

__all__ = ["format_profiles"]

_HEADERS: tuple[MessageId, ...] = (
    "profiles.header.name", "profiles.header.uid", "profiles.header.environment",
    "profiles.header.verdict", "profiles.header.when")
_VERDICTS: dict[str, MessageId] = {
    "ready": "profiles.verdict.ready",
    "ready_with_warnings": "profiles.verdict.ready_with_warnings",
    "not_ready": "profiles.verdict.not_ready",
}
_NAME_MAX = 40


def _when(checked_at: str | None, language: Language) -> str:
    if not checked_at:
        return render("profiles.never", language)
    try:
        return datetime.fromisoformat(checked_at).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return checked_at


def _cell(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _row(summary: ProfileSummary, language: Language) -> tuple[str, ...]:
    name = _cell(summary.name, _NAME_MAX)
    if summary.error is not None:
        return (name, summary.uid or "?", summary.environment or "?",
                render("profiles.unreadable", language), "—")
    known = _VERDICTS.get(summary.verdict or "")
    verdict = render(known, language) if known else summary.verdict or "—"
    return (name, summary.uid or "?", summary.environment or "?", verdict,
            _when(summary.checked_at, language))


def format_profiles(summaries: Sequence[ProfileSummary], language: Language) -> str:
    """A table with name, UID, environment, last verdict and when, in `language`; the problems
    of unreadable files below it. A friendly line when there are no profiles."""
    if not summaries:
        return render("profiles.none", language)
    headers = tuple(render(header, language) for header in _HEADERS)
    rows = [headers, *(_row(s, language) for s in summaries)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(_HEADERS))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
             for row in rows]
    problems = [s for s in summaries if s.error is not None]
    if problems:
        lines.append("")
        lines.extend(f"{s.path.name}: {s.problem.render(language) if s.problem else s.error}"
                     for s in problems)
    return "\n".join(lines)
