"""The report as one standalone HTML file for a person: printed, or sent as PDF to the client.

Autoescaping is on for the whole template: every AFAS value (company names, sampled values,
AFAS error texts) is untrusted and must render as text, in element and attribute context alike.
"""

from __future__ import annotations

import functools
import re
from importlib.resources import files

import jinja2
from markupsafe import Markup, escape

from payt_onboarding.report.labels import (
    counted,
    duration,
    expiry,
    labels_for,
    origin,
    percent,
    rows_text,
    sample_text,
    tested_with,
    when,
)
from payt_onboarding.report.model import Change, Report
from payt_onboarding.report.render_text import CONTROL
from payt_onboarding.vocabulary import SEVERITY_ORDER

# The colour family of each verdict, status and severity. Colour only ever repeats a word that
# is printed beside it, so a black-and-white print loses nothing.
_TONE = {
    "ready": "good",
    "ok": "good",
    "mapped": "good",
    "ready_with_warnings": "warn",
    "warning": "warn",
    "empty": "warn",
    "not_ready": "bad",
    "error": "bad",
    "missing": "bad",
    "type_mismatch": "bad",
    "info": "info",
    "skipped": "muted",
}

# What changed since the last validation: better, only news, or worse (the rest).
_CHANGE_TONE = {"finding_resolved": "good", "connector_added": "good", "field_added": "info",
                "expiry_moved": "info", "auth_changed": "info"}


# Control characters (C0 but tab and newline, DEL, C1) and bidi overrides, which can make a value
# read as something else, are shown as Python-style escapes such as \x1b: a reader of the report
# should see that a value carries junk, in any font, rather than have it vanish.
def _show_control(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _visible(value: object) -> object:
    # Markup is already made safe (and visible) by the filter that produced it.
    if isinstance(value, str) and not isinstance(value, Markup):
        return CONTROL.sub(_show_control, value)
    return value


def _change_tone(report: Report, change: Change) -> str:
    """A new finding in the colour of its severity; the rest by what kind of news it is."""
    if change.kind == "finding_new":
        severity = next((f.severity for f in report.findings if (f.code, f.role, f.field) ==
                         (change.after, change.role, change.field)), "warning")
        return _TONE[severity]
    return _CHANGE_TONE.get(change.kind, "warn")


def _breakable(identifier: str) -> Markup:
    """An identifier that may wrap after each underscore: field and connector ids are long."""
    parts = CONTROL.sub(_show_control, identifier).split("_")
    return Markup("_<wbr>").join(escape(part) for part in parts)


@functools.cache
def _template() -> jinja2.Template:
    # Read through importlib.resources, so a frozen (PyInstaller) bundle finds the file too.
    source = (files("payt_onboarding") / "resources" / "report.html.j2").read_text("utf-8")
    env = jinja2.Environment(
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_visible,  # every {{ value }}, before it is escaped
    )
    env.filters["percent"] = percent
    env.filters["id"] = _breakable
    return env.from_string(source)


def render_html(report: Report) -> str:
    labels = labels_for(report.language)
    by_severity = {s: [f for f in report.findings if f.severity == s] for s in SEVERITY_ORDER}
    return _template().render(
        report=report,
        target=report.target,
        L=labels,
        groups=[(s, found) for s, found in by_severity.items() if found],
        summary=[(s, counted(labels, s, len(found))) for s, found in by_severity.items()],
        titles={c.role: c.title or c.role for c in report.connectors},  # link targets
        tone=lambda key: _TONE.get(key, "muted"),
        change_tone=functools.partial(_change_tone, report),
        when=functools.partial(when, labels),
        expiry=functools.partial(expiry, labels),
        tested_with=functools.partial(tested_with, labels),
        origin=functools.partial(origin, labels),
        duration=functools.partial(duration, labels),
        rows=functools.partial(rows_text, labels),
        sample=functools.partial(sample_text, labels),
    )
