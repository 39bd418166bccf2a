"""The report as JSON (DESIGN.md section 4): the machine contract, and what profiles fingerprint."""

from __future__ import annotations

import hashlib
import json

from payt_onboarding.report.model import Report


def render_json(report: Report) -> str:
    """Keys in model order, non-ASCII kept readable, one trailing newline (a POSIX text file)."""
    return json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def report_sha256(text: str) -> str:
    """Hex SHA-256 of the UTF-8 bytes of a rendered report, as a profile records it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
