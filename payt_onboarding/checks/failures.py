"""An AFAS failure as a finding: the client's exception already carries the finding code."""

from __future__ import annotations

from typing import Any

from payt_onboarding.afas.errors import AfasError, OAuthClientRejected
from payt_onboarding.checks.findings import make_finding
from payt_onboarding.messages import render
from payt_onboarding.report.model import Finding
from payt_onboarding.vocabulary import Code, Language

_NO_DETAIL = "—"


def finding_for_error(
    error: AfasError,
    *,
    language: Language,
    url: str,
    role: str | None = None,
    connector_id: str | None = None,
) -> Finding:
    code = error.code
    # AFAS's own words (in the requested language) say more than the bare cause; the client's
    # English sentences would not fit a Dutch message.
    detail = (error.body.external_message or error.reason or _NO_DETAIL).strip().rstrip(".")
    params: dict[str, Any] = {
        "url": url,
        "detail": detail,
        "connector": connector_id or _NO_DETAIL,
        "log_ref": error.profit_log_reference or _NO_DETAIL,
        **error.finding_values(),
    }
    if isinstance(error, OAuthClientRejected):
        params["causes"] = render("fragment.client_rejected_key" if error.with_key
                                  else "fragment.client_rejected_secret", language)
    # The refused request is the one example worth showing; a status is in the message already.
    examples = [error.path] if error.path and code in (
        Code.ATTACHMENTS_NOT_AUTHORIZED, Code.ATTACHMENTS_SUBJECT_CONNECTOR_MISSING) else []
    return make_finding(code, language=language, role=role, connector_id=connector_id,
                        examples=examples, **params)
