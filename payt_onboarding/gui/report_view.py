"""The report as the wizard shows it: Qt rich text that reads like the HTML report (facts,
connectors, findings grouped by severity with what to do), not a terminal dump.

QTextBrowser knows a small subset of HTML and CSS, so this is its own plain markup rather than
the HTML report itself (whose layout relies on CSS that Qt's rich text does not support).
"""

from __future__ import annotations

import html

from PySide6.QtGui import QGuiApplication, QPalette

from payt_onboarding.gui.texts import report_labels
from payt_onboarding.report.labels import duration, expiry, when
from payt_onboarding.report.model import Finding, Report
from payt_onboarding.vocabulary import SEVERITY_ORDER

# The HTML report's colours on a light background; lighter ones where the palette is dark.
_INK = {"error": "#a3151a", "warning": "#7a4800", "info": "#1c4d86", "ok": "#1b6332"}
_INK_ON_DARK = {"error": "#ff8a80", "warning": "#ffcc66", "info": "#8ab4f8", "ok": "#7ddf8f"}


def _ink(status: str) -> str:
    base = QGuiApplication.palette().color(QPalette.ColorRole.Base)
    inks = _INK_ON_DARK if base.lightness() < 128 else _INK
    return inks.get("error" if status == "missing" else status, "")


def finding_html(finding: Finding) -> str:
    """One finding: the severity word, the message, what to do and the examples."""
    w = report_labels()
    ink = _ink(finding.severity)
    text = (f'<p><b style="color:{ink}">{_e(w.severities[finding.severity].capitalize())}:'
            f"</b> {_e(finding.message)}<br><b>{_e(w.hint)}:</b> {_e(finding.hint)}")
    if finding.examples:
        text += f"<br><b>{_e(w.examples)}:</b> " + _e(", ".join(finding.examples))
    return text + "</p>"


def report_html(report: Report) -> str:
    w = report_labels()
    t = report.target
    facts = [
        (w.target["uid"], f"{t.uid} ({w.environments.get(t.environment, t.environment)})"),
        (w.target["base_url"], t.base_url),
        (w.target["app_name"], t.app_name or w.unknown),
        (w.target["token_expiry"], expiry(w, t.token_expiry)),
        (w.target["checked_at"], when(w, report.checked_at)),
    ]
    out = ['<table cellspacing="0" cellpadding="2">']
    out += [f"<tr><td><b>{_e(k)}</b>&nbsp;&nbsp;</td><td>{_e(v)}</td></tr>" for k, v in facts]
    out.append(f"</table><h3>{_e(w.connectors)}</h3>")
    out.append('<table cellspacing="0" cellpadding="3" width="100%">')
    for c in report.connectors:
        ink = _ink(c.status)
        rows = str(c.rows_sampled) if c.connector_id else ""
        took = duration(w, c.duration_ms) if c.connector_id and c.duration_ms else ""
        out.append(f"<tr><td>{_e(c.title or c.role)}</td><td>{_e(c.connector_id or '—')}</td>"
                   f'<td style="color:{ink}"><b>{_e(w.statuses.get(c.status, c.status))}</b>'
                   f'</td><td align="right">{rows}</td><td align="right">{_e(took)}</td></tr>')
    out.append("</table>")
    for severity in SEVERITY_ORDER:
        found = [f for f in report.findings if f.severity == severity]
        if found:
            out.append(f"<h3>{_e(w.severity_headings[severity])} ({len(found)})</h3>")
            out += [finding_html(f) for f in found]
    if not report.findings:
        out.append(f"<p>{_e(w.no_findings)}</p>")
    return "".join(out)


def _e(text: str) -> str:
    return html.escape(text)
