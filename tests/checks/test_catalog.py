"""Findings from the catalog: every code, both languages, its severity, filled templates."""

from __future__ import annotations

from typing import Any

import pytest

from payt_onboarding.checks import findings
from payt_onboarding.checks.findings import EXAMPLE_LENGTH, VARIANTS, make_finding, message_id
from payt_onboarding.messages import MessageId, placeholders, template
from payt_onboarding.messages.format import FORMATTER, fields
from payt_onboarding.report.model import MAX_EXAMPLES
from payt_onboarding.vocabulary import Code, Language

LANGUAGES: tuple[Language, ...] = ("nl", "en")
FINDING_CODES = [c for c in Code if c is not Code.INPUT_INVALID]
# DESIGN.md section 5, plus the codes added since.
SEVERITY = {
    **dict.fromkeys([
        "connection.unreachable", "connection.tls_failed", "connection.timeout",
        "connection.unexpected_response", "connection.unavailable", "token.malformed",
        "token.rejected", "appconnector.ip_restricted", "connector.missing",
        "connector.outdated_version", "connector.not_authorized", "connector.blocked",
        "connector.error", "connector.timeout", "field.missing", "field.type_mismatch",
        "debtor.name_missing", "reference.duplicate_invoice_number",
        "attachments.subject_connector_missing", "attachments.not_authorized",
        "check.cancelled", "check.timed_out", "token.classic_refused", "oauth.client_rejected",
        "oauth.request_rejected", "oauth.token_rejected"], "error"),
    **dict.fromkeys([
        "token.expires_soon", "token.classic_phase_out", "connector.empty", "connector.slow",
        "field.empty",
        "field.too_long", "value.invalid_date", "value.invalid_country_code",
        "value.invalid_currency_code", "value.invalid_email", "value.due_before_invoice_date",
        "debtor.no_email", "reference.unknown_payment_condition",
        "reference.unknown_administration", "attachments.not_pdf"], "warning"),
    **dict.fromkeys(["field.optional_missing", "attachments.none_linked"], "info"),
}
SAMPLE: dict[str, Any] = {
    "url": "https://12345.rest.afas.online/profitrestservices", "detail": "Connection refused",
    "expiry": "2026-12-01", "days": 6, "connector": "Payt_sales_entries_v12",
    "title": "Verkoopboekingen", "expected": "Payt_sales_entries_v12", "log_ref": "3A4C",
    "ms": 1450, "field": "invoice_due_date", "payt_type": "date", "afas_field": "DuDa",
    "afas_type": "string", "count": 3, "rows": 200, "max": 255, "fields": "debtor_lastname",
    "target": "Payt_payment_conditions", "filename": "Factuur.docx",
    "mimetype": "application/msword", "seconds": 120,
    "end": "2027-08-31", "client_id": "payt-client", "causes": "a typo in the client id",
    "candidates": " Mogelijk geschikt, van een passend type en nog niet gebruikt: VervalDatum.",
}


# Every finding's message id: the code itself, and the variants at another severity.
MESSAGE_IDS: list[MessageId] = [*FINDING_CODES, *VARIANTS.values()]


def test_every_finding_code_has_a_severity() -> None:
    assert set(findings.SEVERITY) == set(FINDING_CODES)
    assert Code.INPUT_INVALID not in findings.SEVERITY  # a usage error, not a finding


@pytest.mark.parametrize("code", FINDING_CODES, ids=str)
def test_default_severity(code: Code) -> None:
    assert findings.SEVERITY[code] == SEVERITY[code]


@pytest.mark.parametrize("message_id", MESSAGE_IDS, ids=str)
def test_templates_fill_with_exactly_their_own_params(message_id: MessageId) -> None:
    params = placeholders(message_id)
    for lang in LANGUAGES:
        message, hint = template(message_id, lang, "message"), template(message_id, lang, "hint")
        assert message.strip() and hint.strip(), (message_id, lang)
        assert fields(message) | fields(hint) == params, (message_id, lang)
        # The params the texts name are enough, and the result has no braces left.
        values = {p: SAMPLE[p] for p in params}
        for text in (FORMATTER.format(message, **values), FORMATTER.format(hint, **values)):
            assert "{" not in text and "}" not in text
    assert template(message_id, "nl", "message") != template(message_id, "en", "message")


def test_messages_read_differently_per_language() -> None:
    nl = make_finding(Code.DEBTOR_NO_EMAIL, connector="X", count=2)
    en = make_finding(Code.DEBTOR_NO_EMAIL, language="en", connector="X", count=2)
    assert "alleen brieven" in nl.hint and "letters only" in en.hint
    assert nl.message != en.message


def test_make_finding_fills_message_hint_and_fields() -> None:
    finding = make_finding(
        Code.FIELD_EMPTY, role="sales_entries", connector_id="Payt_sales_entries_v12",
        field="invoice_due_date", count=4, examples=["2026000101"],
        connector="Payt_sales_entries_v12", rows=150,
    )
    assert finding.code == "field.empty" and finding.severity == "warning"
    assert (finding.role, finding.connector_id, finding.field, finding.count) == (
        "sales_entries", "Payt_sales_entries_v12", "invoice_due_date", 4)
    assert "invoice_due_date" in finding.message and "4 van de 150" in finding.message
    assert finding.examples == ("2026000101",)


def test_plural_forms() -> None:
    one = make_finding(Code.VALUE_DUE_BEFORE_INVOICE_DATE, connector="X", count=1)
    many = make_finding(Code.VALUE_DUE_BEFORE_INVOICE_DATE, connector="X", count=7)
    assert "1 factuur " in one.message and "7 facturen " in many.message
    en = make_finding(Code.TOKEN_EXPIRES_SOON, language="en", expiry="2026-12-01", days=1)
    assert "in 1 day." in en.message


def test_examples_are_capped_stringified_and_truncated() -> None:
    long = "x" * 500
    finding = make_finding(Code.REFERENCE_DUPLICATE_INVOICE_NUMBER, connector="X", count=9,
                           examples=iter([long, 2, 3.5, None, "e", "f", "g"]))
    assert len(finding.examples) == MAX_EXAMPLES == 5
    assert finding.examples[1:] == ("2", "3.5", "None", "e")
    assert len(finding.examples[0]) == EXAMPLE_LENGTH and finding.examples[0].endswith("…")
    short = "y" * EXAMPLE_LENGTH
    assert make_finding(Code.REFERENCE_DUPLICATE_INVOICE_NUMBER, connector="X",
                        examples=[short]).examples == (short,)


def test_severity_override() -> None:
    finding = make_finding(Code.CONNECTOR_SLOW, severity="error", connector="X", ms=5000)
    assert finding.severity == "error"
    assert finding.message == make_finding(Code.CONNECTOR_SLOW, connector="X", ms=5000).message


def test_optional_connector_missing_is_info_with_its_own_text() -> None:
    params: dict[str, Any] = {"connector": "Payt_verstrekking", "title": "Verstrekking (optioneel)"}
    required = make_finding(Code.CONNECTOR_MISSING, **params)
    optional = make_finding(Code.CONNECTOR_MISSING, severity="info", **params)
    assert required.severity == "error" and optional.severity == "info"
    assert "optionele" in optional.message and "Niet nodig" in optional.hint
    assert optional.message != required.message
    assert message_id(Code.CONNECTOR_MISSING, "warning") is Code.CONNECTOR_MISSING


def test_a_missing_param_fails_loudly() -> None:
    with pytest.raises(KeyError, match="connector"):
        make_finding(Code.CONNECTOR_EMPTY)
    with pytest.raises(KeyError, match="field"):
        make_finding(Code.FIELD_OPTIONAL_MISSING, connector="X")  # no field= given


def test_an_unused_extra_param_is_fine() -> None:
    finding = make_finding(Code.TOKEN_REJECTED, url="https://x", detail="d", log_ref="—")
    assert finding.message == "AFAS weigert het token."


@pytest.mark.parametrize(("code", "words"), [
    (Code.REFERENCE_UNKNOWN_ADMINISTRATION, "Alle administraties"),
    (Code.ATTACHMENTS_NOT_AUTHORIZED, "Alle dossieritems"),
    (Code.ATTACHMENTS_SUBJECT_CONNECTOR_MISSING, "Connectoren → Nieuw → AppConnectorSubject"),
    (Code.CONNECTOR_MISSING, "(rechtermuisklik) Acties → Importeren"),
    (Code.CONNECTOR_MISSING, "GetConnectors → Nieuw"),
    (Code.TOKEN_REJECTED, "Onderhoud door klant → Gebruikerstokens"),
    (Code.REFERENCE_UNKNOWN_PAYMENT_CONDITION, "vervolgflow"),
    (Code.CONNECTOR_TIMEOUT, "filter"),
    (Code.DEBTOR_NO_EMAIL, "alleen brieven"),
])
def test_hints_say_what_to_do_in_afas(code: Code, words: str) -> None:
    assert words in template(code, "nl", "hint")


def test_english_hints_use_the_english_menu_paths() -> None:
    assert "All administrations" in template(Code.REFERENCE_UNKNOWN_ADMINISTRATION, "en", "hint")
    assert "All dossier items" in template(Code.ATTACHMENTS_NOT_AUTHORIZED, "en", "hint")
    assert "General → Management → AppConnector" in template(Code.TOKEN_REJECTED, "en", "hint")
    assert all("Algemeen" not in template(i, "en", "hint") for i in MESSAGE_IDS)
    assert all("General →" not in template(i, "nl", "hint") for i in MESSAGE_IDS)
