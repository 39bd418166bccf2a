"""The report as Qt rich text that reads like the HTML report (verdict, facts, connectors,
findings grouped by severity with what to do): the summary page shows it and the PDF report
prints it.

Qt's rich text knows a small subset of HTML and CSS, so this is its own plain markup rather than
the HTML report itself (whose layout relies on CSS that Qt does not support).
"""

from __future__ import annotations

import html

from PySide6.QtGui import QGuiApplication, QPalette

from payt_onboarding.report.labels import (
    Labels,
    counted,
    duration,
    expiry,
    labels_for,
    percent,
    sample_text,
    tested_with,
    when,
)
from payt_onboarding.report.model import ConnectorResult, Finding, Report
from payt_onboarding.vocabulary import SEVERITY_ORDER

# The HTML report's colours on a light background; lighter ones where the palette is dark.
_INK = {"error": "#a3151a", "warning": "#7a4800", "info": "#1c4d86", "ok": "#1b6332"}
_INK_ON_DARK = {"error": "#ff8a80", "warning": "#ffcc66", "info": "#8ab4f8", "ok": "#7ddf8f"}
_TONE = {"missing": "error", "type_mismatch": "error", "empty": "warning", "mapped": "ok",
         "ready": "ok", "ready_with_warnings": "warning", "not_ready": "error"}


def on_dark_palette() -> bool:
    return QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128


class _Writer:
    def __init__(self, report: Report, dark: bool) -> None:
        self.labels: Labels = labels_for(report.language)
        self.inks = _INK_ON_DARK if dark else _INK

    def ink(self, status: str) -> str:
        return self.inks.get(_TONE.get(status, status), "")

    def finding(self, finding: Finding) -> str:
        w = self.labels
        text = (f'<p><b style="color:{self.ink(finding.severity)}">'
                f"{_e(w.severities[finding.severity].capitalize())}:</b> {_e(finding.message)}"
                f"<br><b>{_e(w.hint)}:</b> {_e(finding.hint)}")
        if finding.examples:
            text += f"<br><b>{_e(w.examples)}:</b> " + _e(", ".join(finding.examples))
        return text + "</p>"

    def fields(self, c: ConnectorResult) -> str:
        w, names = self.labels, self.labels.connector
        # Widths as the HTML report's colgroup: ids get the room, so they do not break.
        head = "".join(f'<th align=left width="{width}%">{_e(names[k])}</th>' for k, width in
                       (("payt_field", 24), ("afas_field", 22), ("status", 10), ("type", 8),
                        ("fill_rate", 8), ("samples", 28)))
        rows = [f'<table cellspacing="0" cellpadding="3" width="100%" border="1" '
                f'style="border-color:#d4d8dd; border-style:solid">'
                f"<tr>{head}</tr>"]
        for f in c.fields:
            samples = ", ".join(sample_text(w, s, f.payt_type) for s in f.samples)
            rows.append(
                f"<tr><td>{_e(f.payt_field)}</td><td>{_e(f.afas_field or '—')}</td>"
                f'<td style="color:{self.ink(f.status)}">{_e(w.statuses.get(f.status, f.status))}'
                f"</td><td>{_e(f.afas_type or '—')}</td><td>{_e(percent(f.fill_rate))}</td>"
                f"<td>{_e(samples)}</td></tr>")
        return "".join(rows) + "</table>"

    def since(self, report: Report) -> list[str]:
        """What changed since the profile's last validation; nothing for a first check."""
        since, w = report.since_last_validation, self.labels
        if since is None:
            return []
        out = [f"<h3>{_e(w.since_heading.format(when(w, since.validated_at)))}</h3>"]
        if not since.changes:
            return [*out, f"<p>{_e(w.nothing_changed)}</p>"]
        out.append(f"<p>{_e(w.since_verdict.format(w.verdicts[since.verdict]))}</p>"
                   "<ul>")
        severity = {(f.code, f.role, f.field): f.severity for f in report.findings}
        for c in since.changes:
            # Better news in green, a new finding in its severity's colour, the rest in ink.
            tone = ("ok" if c.kind in ("finding_resolved", "connector_added") else
                    severity.get((c.after or "", c.role, c.field), "warning")
                    if c.kind == "finding_new" else "")
            ink = self.ink(tone) if tone else ""
            out.append(f'<li style="color:{ink}">{_e(c.message)}</li>' if ink
                       else f"<li>{_e(c.message)}</li>")
        return [*out, "</ul><p></p>"]  # Qt ignores a list's margin: a line apart


def finding_html(finding: Finding, report: Report, *, dark: bool | None = None) -> str:
    """One finding: the severity word, the message, what to do and the examples."""
    return _Writer(report, on_dark_palette() if dark is None else dark).finding(finding)


def report_html(report: Report, *, dark: bool | None = None, whole: bool = False) -> str:
    """`whole`: also the verdict and every connector's field table, as the HTML report has
    them (the PDF); without, what the summary page shows under its own verdict banner."""
    out = _Writer(report, on_dark_palette() if dark is None else dark)
    w, t = out.labels, report.target
    parts: list[str] = []
    if whole:
        severities = [f.severity for f in report.findings]
        parts += [f"<p>{_e(w.product.upper())}</p><h1>{_e(w.title)}</h1>",
                  f'<h1 style="color:{out.ink(report.verdict)}">'
                  f"{_e(w.verdicts[report.verdict])}</h1>",
                  "<p>" + _e(", ".join(counted(w, s, severities.count(s))
                                       for s in SEVERITY_ORDER)) + "</p>"]
        if report.cancelled:
            parts.append(f'<p style="color:{out.ink("error")}"><b>{_e(w.cancelled)}</b></p>')
    parts += out.since(report)
    facts = [
        (w.target["uid"], f"{t.uid} ({w.environments.get(t.environment, t.environment)})"),
        (w.target["base_url"], t.base_url),
        (w.target["app_name"], t.app_name or w.unknown),
        (w.target["user_group"], t.user_group or w.unknown),
        (w.target["auth"], tested_with(w, t.auth, t.client_auth, t.access_token_lifetime)),
        *([(w.target["token_expiry"], expiry(w, t.token_expiry))]
          if t.shows_token_expiry else []),
        (w.target["checked_at"], when(w, report.checked_at)),
    ]
    parts.append('<table cellspacing="0" cellpadding="2">')
    parts += [f"<tr><td><b>{_e(k)}</b>&nbsp;&nbsp;</td><td>{_e(v)}</td></tr>" for k, v in facts]
    parts.append(f"</table><h3>{_e(w.connectors)}</h3>")
    parts.append('<table cellspacing="0" cellpadding="3" width="100%">')
    for c in report.connectors:
        rows = str(c.rows_sampled) if c.connector_id else ""
        took = duration(w, c.duration_ms) if c.connector_id and c.duration_ms else ""
        parts.append(
            f"<tr><td>{_e(c.title or c.role)}</td><td>{_e(c.connector_id or '—')}</td>"
            f'<td style="color:{out.ink(c.status)}"><b>{_e(w.statuses.get(c.status, c.status))}'
            f'</b></td><td align="right">{rows}</td><td align="right">{_e(took)}</td></tr>')
    parts.append("</table>")
    if whole:
        for c in report.connectors:
            if c.fields:
                parts.append(f"<h4>{_e(c.title or c.role)} ({_e(c.connector_id or '—')})</h4>")
                parts.append(out.fields(c))
    for severity in SEVERITY_ORDER:
        found = [f for f in report.findings if f.severity == severity]
        if found:
            parts.append(f"<h3>{_e(w.severity_headings[severity])} ({len(found)})</h3>")
            parts += [out.finding(f) for f in found]
    if not report.findings:
        parts.append(f"<p>{_e(w.no_findings)}</p>")
    return "".join(parts)


def _e(text: str) -> str:
    return html.escape(text)
