"""Findings from their code: the severity per code here, message and hint from the catalog.

The texts live in payt_onboarding.messages (resources/messages/<language>.toml) under the
finding code; a code may read differently at another severity (`VARIANTS`). The values a finding
needs follow from its texts: `make_finding` raises KeyError naming the code when one is missing.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from payt_onboarding.checks.values import shown
from payt_onboarding.messages import FindingVariantId, MessageId, render
from payt_onboarding.report.model import MAX_EXAMPLES, Finding
from payt_onboarding.vocabulary import Code, Language, Severity

EXAMPLE_LENGTH = 120


def _all(severity: Severity, *codes: Code) -> dict[Code, Severity]:
    return dict.fromkeys(codes, severity)


# The default severity of every finding code (DESIGN.md section 5); a check may pass another.
SEVERITY: Mapping[Code, Severity] = MappingProxyType({
    **_all("error", Code.CONNECTION_UNREACHABLE, Code.CONNECTION_TLS_FAILED,
           Code.CONNECTION_TIMEOUT, Code.CONNECTION_UNEXPECTED_RESPONSE,
           Code.CONNECTION_UNAVAILABLE, Code.TOKEN_MALFORMED, Code.TOKEN_REJECTED,
           Code.TOKEN_CLASSIC_REFUSED, Code.OAUTH_CLIENT_REJECTED, Code.OAUTH_REQUEST_REJECTED,
           Code.OAUTH_TOKEN_REJECTED,
           Code.APPCONNECTOR_IP_RESTRICTED, Code.CONNECTOR_MISSING,
           Code.CONNECTOR_OUTDATED_VERSION, Code.CONNECTOR_NOT_AUTHORIZED, Code.CONNECTOR_BLOCKED,
           Code.CONNECTOR_ERROR, Code.CONNECTOR_TIMEOUT, Code.FIELD_MISSING,
           Code.FIELD_TYPE_MISMATCH, Code.DEBTOR_NAME_MISSING,
           Code.REFERENCE_DUPLICATE_INVOICE_NUMBER, Code.ATTACHMENTS_SUBJECT_CONNECTOR_MISSING,
           Code.ATTACHMENTS_NOT_AUTHORIZED, Code.CHECK_CANCELLED, Code.CHECK_TIMED_OUT),
    # token.classic_phase_out is an error after the last day classic tokens work (deadlines).
    **_all("warning", Code.TOKEN_EXPIRES_SOON, Code.TOKEN_CLASSIC_PHASE_OUT,
           Code.CONNECTOR_EMPTY, Code.CONNECTOR_SLOW,
           Code.FIELD_EMPTY, Code.FIELD_TOO_LONG, Code.VALUE_INVALID_DATE,
           Code.VALUE_INVALID_COUNTRY_CODE, Code.VALUE_INVALID_CURRENCY_CODE,
           Code.VALUE_INVALID_EMAIL, Code.VALUE_DUE_BEFORE_INVOICE_DATE, Code.DEBTOR_NO_EMAIL,
           Code.REFERENCE_UNKNOWN_PAYMENT_CONDITION, Code.REFERENCE_UNKNOWN_ADMINISTRATION,
           Code.ATTACHMENTS_NOT_PDF),
    **_all("info", Code.FIELD_OPTIONAL_MISSING, Code.ATTACHMENTS_NONE_LINKED),
})

# A code that reads differently at another severity: (code, severity) -> its own message id.
VARIANTS: Mapping[tuple[Code, Severity], FindingVariantId] = MappingProxyType({
    (Code.CONNECTOR_MISSING, "info"): "connector.missing.optional",
    (Code.TOKEN_CLASSIC_PHASE_OUT, "error"): "token.classic_phase_out.ended",
})


def message_id(code: Code, severity: Severity | None = None) -> MessageId:
    """The id of the texts of `code`: its variant at `severity` when it has one, else the code."""
    if severity is not None and (code, severity) in VARIANTS:
        return VARIANTS[(code, severity)]
    return code


def no_files_detail(language: Language, count: int, connector: str) -> str:
    """The `detail` of attachments.not_authorized when the linked items list no files."""
    return render("fragment.no_files", language, count=count, connector=connector)


def candidates_sentence(language: Language, fields: Iterable[str]) -> str:
    """The `candidates` parameter of field.missing: AFAS fields that could be mapped, or ""."""
    names = ", ".join(fields)
    return render("fragment.candidates", language, fields=names) if names else ""


def make_finding(
    code: Code,
    *,
    language: Language = "nl",
    severity: Severity | None = None,
    role: str | None = None,
    connector_id: str | None = None,
    field: str | None = None,
    count: int = 1,
    examples: Iterable[object] = (),
    **params: object,
) -> Finding:
    """A finding with its message and hint in `language`; `count` and `field` also fill the
    templates. A parameter the templates need and nobody passed raises KeyError."""
    texts = message_id(code, severity)
    values: dict[str, object] = {**params, "count": count}
    if field is not None:
        values["field"] = field
    kept = [shown(example, EXAMPLE_LENGTH)
            for example in itertools.islice(examples, MAX_EXAMPLES)]
    return Finding(
        code=str(code),
        severity=severity or SEVERITY[code],
        role=role,
        connector_id=connector_id,
        field=field,
        message=render(texts, language, "message", **values),
        hint=render(texts, language, "hint", **values),
        count=count,
        examples=tuple(kept),
    )
