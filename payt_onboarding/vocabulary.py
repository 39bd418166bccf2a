"""The words every layer shares: finding codes, severities and the user's language.

DESIGN.md section 5 is the contract for `Code`: codes are only ever added, never renamed or
removed. This module imports nothing of the package, so anything may import it.
"""

from enum import StrEnum
from typing import Literal

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: tuple[Severity, ...] = ("error", "warning", "info")  # most serious first
# The language of every message, report and window; AFAS's own Accept-Language is derived
# from it (afas.client.accept_language).
Language = Literal["nl", "en"]
# The report formats a user can ask for by name (`check --format`); pdf is printed by Qt
# (gui.report_pdf), the others by report.formats.
REPORT_FORMATS: tuple[str, ...] = ("text", "json", "html", "pdf")


class Code(StrEnum):
    CONNECTION_UNREACHABLE = "connection.unreachable"
    CONNECTION_TLS_FAILED = "connection.tls_failed"
    CONNECTION_TIMEOUT = "connection.timeout"
    CONNECTION_UNEXPECTED_RESPONSE = "connection.unexpected_response"
    # Added: AFAS answered 503 (maintenance or outage) and kept doing so within the retry budget.
    CONNECTION_UNAVAILABLE = "connection.unavailable"
    TOKEN_MALFORMED = "token.malformed"
    TOKEN_REJECTED = "token.rejected"
    TOKEN_EXPIRES_SOON = "token.expires_soon"
    TOKEN_CLASSIC_PHASE_OUT = "token.classic_phase_out"
    TOKEN_CLASSIC_REFUSED = "token.classic_refused"
    OAUTH_CLIENT_REJECTED = "oauth.client_rejected"
    OAUTH_REQUEST_REJECTED = "oauth.request_rejected"
    OAUTH_TOKEN_REJECTED = "oauth.token_rejected"
    APPCONNECTOR_IP_RESTRICTED = "appconnector.ip_restricted"
    CONNECTOR_MISSING = "connector.missing"
    CONNECTOR_OUTDATED_VERSION = "connector.outdated_version"
    CONNECTOR_NOT_AUTHORIZED = "connector.not_authorized"
    CONNECTOR_BLOCKED = "connector.blocked"
    CONNECTOR_ERROR = "connector.error"
    # Added: AFAS stopped the request at its own time limit (HTTP 500 "Command timeout expired").
    CONNECTOR_TIMEOUT = "connector.timeout"
    CONNECTOR_EMPTY = "connector.empty"
    CONNECTOR_SLOW = "connector.slow"
    FIELD_MISSING = "field.missing"
    FIELD_OPTIONAL_MISSING = "field.optional_missing"
    FIELD_TYPE_MISMATCH = "field.type_mismatch"
    FIELD_EMPTY = "field.empty"
    FIELD_TOO_LONG = "field.too_long"
    VALUE_INVALID_DATE = "value.invalid_date"
    VALUE_INVALID_COUNTRY_CODE = "value.invalid_country_code"
    VALUE_INVALID_CURRENCY_CODE = "value.invalid_currency_code"
    VALUE_INVALID_EMAIL = "value.invalid_email"
    VALUE_DUE_BEFORE_INVOICE_DATE = "value.due_before_invoice_date"
    DEBTOR_NAME_MISSING = "debtor.name_missing"
    DEBTOR_NO_EMAIL = "debtor.no_email"
    REFERENCE_UNKNOWN_PAYMENT_CONDITION = "reference.unknown_payment_condition"
    REFERENCE_UNKNOWN_ADMINISTRATION = "reference.unknown_administration"
    REFERENCE_DUPLICATE_INVOICE_NUMBER = "reference.duplicate_invoice_number"
    ATTACHMENTS_SUBJECT_CONNECTOR_MISSING = "attachments.subject_connector_missing"
    ATTACHMENTS_NOT_AUTHORIZED = "attachments.not_authorized"
    ATTACHMENTS_NOT_PDF = "attachments.not_pdf"
    ATTACHMENTS_NONE_LINKED = "attachments.none_linked"
    # Added: the check did not finish: the user cancelled it, or it hit its overall time limit.
    # Both are errors, so a partial report can never read "ready".
    CHECK_CANCELLED = "check.cancelled"
    CHECK_TIMED_OUT = "check.timed_out"
    # Added: input the user typed (UID, base URL) that cannot be used; a usage error, not a finding.
    INPUT_INVALID = "input.invalid"
