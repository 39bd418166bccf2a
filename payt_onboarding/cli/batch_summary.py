"""The summary of `check --all-profiles`: one line per client, as text, JSON, HTML or CSV (by
the --output extension). Words from the message catalog and the report's labels; the JSON keeps
codes and ISO dates for programs."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2

from payt_onboarding import __version__
from payt_onboarding.app.batch import ClientRow, worst_verdict
from payt_onboarding.messages.catalog import render as say
from payt_onboarding.messages.ids import BatchTextId
from payt_onboarding.report.labels import labels_for, when
from payt_onboarding.vocabulary import Language

SUMMARY_FORMATS = ("text", "json", "html", "csv")
_BY_SUFFIX = {"": "text", "txt": "text", "text": "text", "json": "json", "htm": "html",
              "html": "html", "csv": "csv"}
_COLUMNS: tuple[BatchTextId, ...] = (
    "batch.column.profile", "batch.column.uid", "batch.column.verdict",
    "batch.column.credential", "batch.column.expiry", "batch.column.days_left",
    "batch.column.deadline", "batch.column.changes", "batch.column.note")
_TONE = {"ready": "good", "ready_with_warnings": "warn", "not_ready": "bad"}


def summary_format(path: str | None) -> str | None:
    """The format a summary file name asks for (none: text); None for an unknown extension."""
    suffix = Path(path).suffix.lower().lstrip(".") if path else ""
    return _BY_SUFFIX.get(suffix)


@dataclass(frozen=True)
class Summary:
    rows: Sequence[ClientRow]
    language: Language
    checked_at: str  # ISO 8601, when the run started
    reports: Mapping[str, str]  # profile name -> its report's file, relative to the summary


def totals(summary: Summary) -> str:
    counts = {"ready": 0, "ready_with_warnings": 0, "not_ready": 0}
    for row in summary.rows:
        if row.verdict is not None:
            counts[row.verdict] += 1
    return say("batch.summary.totals", summary.language, profiles=len(summary.rows),
               ready=counts["ready"], warnings=counts["ready_with_warnings"],
               not_ready=counts["not_ready"],
               not_checked=sum(1 for r in summary.rows if r.status != "checked"))


def render_summary(summary: Summary, fmt: str) -> str:
    if fmt == "json":
        return _json(summary)
    if fmt == "csv":
        return _csv(summary)
    if fmt == "html":
        return _html(summary)
    return _text(summary)


def _cells(row: ClientRow, language: Language) -> list[str]:
    """One row in words, in the order of _COLUMNS."""
    labels = labels_for(language)
    if row.status == "checked" and row.verdict is not None:
        verdict = labels.verdicts[row.verdict]
        if row.cancelled:
            verdict += f" ({say('batch.status.cancelled', language)})"
    else:
        verdict = say(f"batch.status.{row.status}", language)  # type: ignore[arg-type]
    expiry = ""
    if row.expiry is not None:
        expiry = row.expiry.strftime("%d-%m-%Y") if language == "nl" else row.expiry.isoformat()
    deadline = say(f"batch.deadline.{row.deadline.removeprefix('token.')}",  # type: ignore[arg-type]
                   language) if row.deadline else ""
    environment = labels.environments.get(row.environment or "", row.environment or "")
    return [
        row.profile,
        f"{row.uid} ({environment})" if row.uid else "",
        verdict,
        say(f"batch.credential.{row.credential}", language)  # type: ignore[arg-type]
        if row.credential else "",
        expiry,
        "" if row.days_left is None else str(row.days_left),
        deadline,
        "" if row.changes is None else str(row.changes),
        "; ".join(text for text in (row.reason, row.save_problem) if text),
    ]


def _headings(language: Language) -> list[str]:
    return [say(column, language) for column in _COLUMNS]


def _text(summary: Summary) -> str:
    language = summary.language
    table = [_headings(language)] + [_cells(r, language) for r in summary.rows]
    # The note runs on to the end of the line; the other columns are as wide as their longest.
    widths = [min(max(len(line[i]) for line in table), 40) for i in range(len(_COLUMNS) - 1)]
    lines = [say("batch.summary.title", language), ""]
    for line in table:
        cells = [cell[:width].ljust(width) for cell, width in zip(line, widths, strict=False)]
        lines.append("  ".join([*cells, line[-1]]).rstrip())
    lines += ["", totals(summary)]
    return "\n".join(lines) + "\n"


def _csv(summary: Summary) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_headings(summary.language))
    for row in summary.rows:
        writer.writerow([_spreadsheet_safe(c) for c in _cells(row, summary.language)])
    return out.getvalue()


def _spreadsheet_safe(cell: str) -> str:
    """A profile name or AFAS text starting with = + - @ would be a formula in a spreadsheet."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


def _json(summary: Summary) -> str:
    worst = worst_verdict(summary.rows)
    data = {
        "kind": "payt-onboarding/batch-summary",
        "schema_version": 1,
        "tool": {"name": "payt-onboarding", "version": __version__},
        "checked_at": summary.checked_at,
        "language": summary.language,
        "worst_verdict": worst,
        "rows": [{
            "profile": r.profile, "uid": r.uid, "environment": r.environment,
            "status": r.status, "reason_code": r.reason_code, "reason": r.reason or None,
            "verdict": r.verdict, "cancelled": r.cancelled, "credential": r.credential,
            "expiry": r.expiry.isoformat() if r.expiry else None, "days_left": r.days_left,
            "deadline": r.deadline, "deadline_severity": r.deadline_severity,
            "changes": r.changes, "saved": r.saved, "save_problem": r.save_problem or None,
            "report": summary.reports.get(r.profile),
        } for r in summary.rows],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


_HTML = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined).from_string("""\
<!DOCTYPE html>
<html lang="{{ lang }}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #1d2330; }
h1 { font-size: 1.5em; margin: 0 0 .2em; }
p.made { color: #5b6475; margin: 0 0 1.2em; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .35em .6em; border-bottom: 1px solid #dde1e8;
         vertical-align: top; }
th { background: #f3f5f8; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.nowrap { white-space: nowrap; }
td.changed { font-weight: 600; color: #8a5a00; }
.good { color: #17663a; } .warn { color: #8a5a00; } .bad { color: #b3261e; }
.muted { color: #5b6475; }
span.verdict { font-weight: 600; }
p.totals { margin: 0 0 1em; font-weight: 600; }
@media print { body { margin: 0; } a { color: inherit; text-decoration: none; } }
</style></head><body>
<h1>{{ title }}</h1>
<p class="made">{{ made }}</p>
<p class="totals">{{ totals }}</p>
<table>
<thead><tr>{% for h in headings %}<th>{{ h }}</th>{% endfor %}</tr></thead>
<tbody>
{% for r in rows %}<tr>
<td>{% if r.link %}<a href="{{ r.link }}">{{ r.cells[0] }}</a>
{%- else %}{{ r.cells[0] }}{% endif %}</td>
<td class="nowrap">{{ r.cells[1] }}</td>
<td><span class="verdict {{ r.tone }}">{{ r.cells[2] }}</span></td>
<td>{{ r.cells[3] }}</td><td class="nowrap">{{ r.cells[4] }}</td>
<td class="num {{ r.days_tone }}">{{ r.cells[5] }}</td>
<td class="{{ r.deadline_tone }}">{{ r.cells[6] }}</td>
<td class="num{% if r.changed %} changed{% endif %}">{{ r.cells[7] }}</td>
<td class="muted">{{ r.cells[8] }}</td>
</tr>
{% endfor %}</tbody></table>
</body></html>
""")


def _html(summary: Summary) -> str:
    language = summary.language
    rows = []
    for row in summary.rows:
        soon = row.days_left is not None and row.days_left <= 30
        rows.append({
            "cells": _cells(row, language),
            "link": summary.reports.get(row.profile),
            "tone": _TONE.get(row.verdict or "", "muted"),
            "days_tone": "bad" if soon else "",
            "changed": bool(row.changes),
            "deadline_tone": {"error": "bad", "warning": "warn"}.get(
                row.deadline_severity or "", ""),
        })
    return _HTML.render(
        lang=language, title=say("batch.summary.title", language),
        made=say("batch.summary.made", language, when=when(labels_for(language),
                                                           summary.checked_at),
                 version=__version__),
        headings=_headings(language), rows=rows, totals=totals(summary))
