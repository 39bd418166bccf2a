"""The report as plain text for a terminal, in the report's language.

Every value in a report can come from AFAS (names, ids, sampled values, AFAS error texts), so
everything printed is cleaned first: an AFAS value must not be able to move the cursor, retitle
the window or recolour the screen. Only the renderer's own colour codes reach the terminal.
Symbols are ASCII, so a Windows console with a legacy code page prints them too.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Iterable

from payt_onboarding.report.labels import (
    Labels,
    counted,
    duration,
    expiry,
    labels_for,
    origin,
    rows_text,
    tested_with,
    when,
)
from payt_onboarding.report.model import ConnectorResult, Finding, Report
from payt_onboarding.vocabulary import SEVERITY_ORDER

# ESC sequences: CSI, OSC (ended by BEL or ST), DCS/SOS/PM/APC strings, nF and two-byte escapes;
# a lone ESC as well. Then C0 and C1 controls (C1 0x9b is a one-byte CSI on some terminals) and
# bidi overrides, which can make a value read differently from what it is.
_ESCAPE = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[PX^_][^\x1b]*(?:\x1b\\)?"
    r"|[ -/]+[0-~]|[0-~])?"
)
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")

_RESET = "\x1b[0m"
_COLOURS = {
    "ready": "\x1b[1;32m",
    "ready_with_warnings": "\x1b[1;33m",
    "not_ready": "\x1b[1;31m",
    "error": "\x1b[1;31m",
    "warning": "\x1b[1;33m",
    "info": "\x1b[1;36m",
}
_SYMBOLS = {"ok": "[+]", "warning": "[!]", "error": "[x]", "missing": "[x]", "skipped": "[-]"}
_MIN_WIDTH = 40

Paint = Callable[[str, str], str]


def clean(text: str) -> str:
    """`text` without escape sequences and control characters; newline and tab are kept."""
    return CONTROL.sub("", _ESCAPE.sub("", text))


def render_text(report: Report, *, color: bool = False, width: int = 100) -> str:
    labels = labels_for(report.language)
    width = max(width, _MIN_WIDTH)

    def paint(word: str, key: str) -> str:
        return f"{_COLOURS[key]}{word}{_RESET}" if color else word

    verdict = labels.verdicts[report.verdict].upper()
    lines = _lead(verdict, labels.title, width, len(verdict) + 2, paint, report.verdict)
    if report.cancelled:
        lines += _wrap(labels.cancelled, width, "!! ")
    lines += since_lines(report, labels, width)
    lines += ["", *_target(report, labels, width), "", labels.connectors]
    lines += _connectors(report.connectors, labels, width) or [f"  {labels.no_connectors}"]
    lines += ["", labels.findings]
    lines += _findings(report, labels, width, paint) or [f"  {labels.no_findings}"]
    return "\n".join([*lines, "", *_wrap(_footer(report, labels), width)]) + "\n"


def _wrap(text: str, width: int, first: str = "", rest: str | None = None) -> list[str]:
    """Wrap each paragraph of cleaned `text`; `first` starts the first line, `rest` the others."""
    rest = " " * len(first) if rest is None else rest
    out: list[str] = []
    for paragraph in clean(text).split("\n"):
        indent = first if not out else rest
        out += textwrap.wrap(
            paragraph, width, initial_indent=indent, subsequent_indent=rest,
            break_on_hyphens=False,
        ) or [indent.rstrip()]
    return out


def _lead(word: str, text: str, width: int, pad: int, paint: Paint, key: str) -> list[str]:
    """`word` (painted in the colour of `key`) in a column of `pad`, then `text` beside it.

    Wrapping happens on the plain word, so colour codes never count towards the width.
    """
    margin = len(word) - len(word.lstrip())
    first, *more = _wrap(text, width, word.ljust(pad), " " * pad)
    return [word[:margin] + paint(word.strip(), key) + first[len(word):], *more]


def _one_line(text: str) -> str:
    return " ".join(clean(text).split())


def _target(report: Report, labels: Labels, width: int) -> list[str]:
    target, names = report.target, labels.target
    environment = labels.environments.get(target.environment, target.environment)
    details = [
        f"{names['user_group'].lower()}: {target.user_group}" if target.user_group else "",
        f"{names['envid'].lower()}: {target.envid}" if target.envid else "",
    ]
    app = target.app_name or labels.unknown
    if any(details):
        app += f" ({', '.join(d for d in details if d)})"
    sample = (
        labels.all_rows if report.sample_size is None
        else labels.sample_per_connector.format(rows_text(labels, report.sample_size))
    )
    took = names["duration"].lower()
    pairs = [
        (names["uid"], f"{target.uid} ({environment})"),
        (names["base_url"], target.base_url),
        (names["app_name"], app),
        (names["auth"], tested_with(labels, target.auth, target.client_auth,
                                    target.access_token_lifetime)),
        *([(names["token_expiry"], expiry(labels, target.token_expiry))]
          if target.shows_token_expiry else []),
        (names["checked_at"], when(labels, report.checked_at)),
        (names["sample"], f"{sample}, {took} {duration(labels, report.duration_ms)}"),
    ]
    if report.requirements:
        pairs.append((names["requirements"], origin(labels, report.requirements)))
    pad = max(len(name) for name, _ in pairs) + 2
    return [line for name, value in pairs for line in _wrap(value, width, name.ljust(pad))]


def since_lines(report: Report, labels: Labels, width: int = 100) -> list[str]:
    """What changed since the profile's last validation, after a blank line; nothing when the
    check was not of a profile with one."""
    since = report.since_last_validation
    if since is None:
        return []
    out = ["", labels.since_heading.format(when(labels, since.validated_at))]
    if not since.changes:
        return [*out, *_wrap(labels.nothing_changed, width, "  ")]
    out += _wrap(labels.since_verdict.format(labels.verdicts[since.verdict]), width, "  ")
    for change in since.changes:
        out += _wrap(change.message, width, "  - ", "    ")
    return out


def _connectors(connectors: Iterable[ConnectorResult], labels: Labels, width: int) -> list[str]:
    rows = []
    for c in connectors:
        # Without an id, the id Payt expects in parentheses: the status word says it is absent.
        expected = f"({c.expected_connector})" if c.expected_connector else "-"
        ran = c.status not in ("missing", "skipped")
        rows.append((
            _SYMBOLS.get(c.status, "[?]"),
            _one_line(c.title or c.role),
            _one_line(c.connector_id or expected),
            labels.statuses.get(c.status, c.status),
            _rows(c, labels) if ran else "",
            duration(labels, c.duration_ms) if ran else "",
        ))
    if not rows:
        return []
    widths = [max(len(row[i]) for row in rows) for i in range(6)]
    out = []
    for symbol, title, cid, status, n, ms in rows:
        line = (
            f"  {symbol} {title.ljust(widths[1])}  {cid.ljust(widths[2])}  "
            f"{status.ljust(widths[3])}  {n.rjust(widths[4])}  {ms.rjust(widths[5])}"
        ).rstrip()
        out += _wrap(line, width, rest=" " * 6) if len(line) > width else [line]
    return out


def _rows(c: ConnectorResult, labels: Labels) -> str:
    read = rows_text(labels, c.rows_sampled)
    if c.judged_rows is None:
        return read
    return f"{read} ({labels.judged_on.format(rows_text(labels, c.judged_rows))})"


def _context(finding: Finding, titles: dict[str, str]) -> str:
    where = [titles.get(finding.role or "", finding.role or ""), finding.connector_id or ""]
    return " / ".join(part for part in [*where, finding.field or ""] if part)


def _findings(report: Report, labels: Labels, width: int, paint: Paint) -> list[str]:
    titles = {c.role: c.title for c in report.connectors if c.title}
    out: list[str] = []
    for finding in sorted(report.findings, key=lambda f: SEVERITY_ORDER.index(f.severity)):
        out += finding_lines(finding, labels, titles, width, paint)
        out.append("")
    return out[:-1]


def finding_lines(finding: Finding, labels: Labels, titles: dict[str, str], width: int = 100,
                  paint: Paint = lambda text, _key: text) -> list[str]:
    """One finding as the text report prints it; also what the wizard copies of it.
    `titles`: the connector title per role, for the line that says where."""
    pad = max(len(word) for word in labels.severities.values()) + 4
    indent = " " * pad
    word = "  " + labels.severities[finding.severity].upper()
    head = f"{finding.code}  {_context(finding, titles)}"
    out = _lead(word, head, width, pad, paint, finding.severity)
    out += _wrap(finding.message, width, indent)
    if finding.hint:
        out += _wrap(finding.hint, width, f"{indent}{labels.hint}: ", indent + "  ")
    if finding.count != 1 or finding.examples:
        examples = f". {labels.examples}:" if finding.examples else ""
        out.append(f"{indent}{labels.count}: {finding.count}{examples}")
    for example in finding.examples:
        out += _wrap(_one_line(example), width, f"{indent}- ", indent + "  ")
    return out


def _footer(report: Report, labels: Labels) -> str:
    tool = report.tool
    return f"{_counts(report, labels)}. {labels.made_with} {tool.name} {tool.version}."


def summary_line(report: Report) -> str:
    """The verdict and the counts on one line: what a terminal shows when the report went to a
    file."""
    labels = labels_for(report.language)
    return f"{labels.verdicts[report.verdict]}: {_counts(report, labels)}"


def _counts(report: Report, labels: Labels) -> str:
    return ", ".join(
        counted(labels, severity, sum(f.severity == severity for f in report.findings))
        for severity in SEVERITY_ORDER
    )
