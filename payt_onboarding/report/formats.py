"""The report in the format a user asked for (vocabulary.REPORT_FORMATS), by name or by a
file's extension. Each renderer is imported when it is used."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from payt_onboarding.report.model import Report


_BY_SUFFIX = {"": "text", "txt": "text", "text": "text", "htm": "html", "html": "html",
              "json": "json", "pdf": "pdf"}


def format_from(path: str | Path | None) -> str | None:
    """The format a file name asks for (no extension: text); None for an extension that names
    none of them, which must not get plain text under its name."""
    suffix = Path(path).suffix.lower().lstrip(".") if path else ""
    return _BY_SUFFIX.get(suffix)


def render(report: Report, fmt: str, *, color: bool = False) -> str:
    """text, json or html (pdf is bytes, from gui.report_pdf). `color` (ANSI) applies to text
    only, for a terminal."""
    if fmt == "json":
        from payt_onboarding.report.render_json import render_json

        return render_json(report)
    if fmt == "html":
        from payt_onboarding.report.render_html import render_html

        return render_html(report)
    from payt_onboarding.report.render_text import render_text

    return render_text(report, color=color)
