"""A realistic Report to render and validate: a missing field, a mapped one, warnings with
examples, and AFAS values that are hostile to HTML and to terminals."""

from __future__ import annotations

from pathlib import Path

from payt_onboarding.report.model import (
    AfasField,
    ConnectorResult,
    FieldResult,
    Finding,
    Report,
    Target,
    Tool,
    verdict_of,
)

HOSTILE = """<script>alert("x")</script> & "Zonen" 'BV'"""
LONG = "Lange omschrijving " + "x" * 281  # 300 characters, over Payt's 255
# An AFAS value that would retitle the terminal, turn it red and rewrite the current line.
TERMINAL_ATTACK = "\x1b]0;pwned\x07D10050: \x1b[31mXX\x1b[0m\rNL\x9b2J"
EXPECTED = "Payt_sales_entries_v12"


def _field(name: str, status: str, **kw: object) -> FieldResult:
    afas = kw.pop("afas_field", name if status != "missing" else None)
    return FieldResult.model_validate(
        {"payt_field": name, "afas_field": afas, "mandatory": True, "status": status, **kw}
    )


def sample_report(*, language: str = "nl", cancelled: bool = False, **changes: object) -> Report:
    """A realistic check: a missing field, a mapped one, warnings with examples, hostile values."""
    entries = ConnectorResult(
        role="sales_entries", title="Verkoopboekingen", connector_id=EXPECTED,
        expected_connector=EXPECTED, required=True, status="error", rows_sampled=50,
        duration_ms=812.4,
        fields=(
            _field("administration_code", "ok", afas_type="string", payt_type="text",
                   fill_rate=1.0, source="guide", samples=("01", "02")),
            _field("debtor_company_name", "ok", afas_type="string", payt_type="text",
                   fill_rate=0.96, source="guide", samples=(HOSTILE, "Müller & Söhne GmbH")),
            _field("invoice_due_date", "mapped", afas_field="Vervaldatum", afas_type="date",
                   payt_type="date", fill_rate=1.0, source="reconstructed",
                   samples=("2025-06-30",)),
            _field("invoice_open_amount_inc_vat", "missing", payt_type="decimal",
                   source="reconstructed"),
            _field("debtor_email", "empty", afas_type="string", payt_type="email",
                   fill_rate=0.62, source="reconstructed", samples=("info@bakkerij.nl",)),
            _field("invoice_total_amount_inc_vat", "type_mismatch", afas_type="string",
                   payt_type="decimal", fill_rate=0.996, source="reconstructed",
                   samples=("1.210,00",)),
        ),
        afas_fields=(AfasField(id="Openstaand", type="decimal", label="Openstaand saldo"),
                     AfasField(id="Vervaldatum", type="date")),
    )
    connectors = (
        entries,
        ConnectorResult(role="payment_conditions", title="Betalingsvoorwaarden",
                        connector_id="Payt_payment_conditions", required=True, status="ok",
                        rows_sampled=12, duration_ms=95),
        ConnectorResult(role="administrations", title="Administraties",
                        connector_id="Payt_administrations", required=True, status="warning",
                        rows_sampled=3, duration_ms=1430),
        ConnectorResult(role="attachments", title="Factuur-pdf's (dossieritems)",
                        connector_id=None, expected_connector="AppConnectorSubject",
                        required=True, status="missing"),
        ConnectorResult(role="distribution", title="Verstrekkingswijzen", connector_id=None,
                        expected_connector="Payt_distribution_methods", required=False,
                        status="skipped"),
    )
    findings = (
        Finding(code="field.optional_missing", severity="info", role="sales_entries",
                connector_id=EXPECTED, field="invoice_dossier_item_extra",
                message="Het optionele Payt-veld invoice_dossier_item_extra ontbreekt.",
                hint="Alleen nodig als Payt extra dossieritems moet ophalen."),
        Finding(code="field.empty", severity="warning", role="sales_entries",
                connector_id=EXPECTED, field="debtor_email", count=19,
                message="debtor_email is leeg in 19 van de 50 bekeken rijen.",
                hint="Vul in AFAS het e-mailadres van deze debiteuren: CRM → Organisaties → "
                     "tabblad Contact. Zonder e-mailadres krijgen ze alleen brieven.",
                examples=("D10023", "D10031", "D10044", HOSTILE, TERMINAL_ATTACK)),
        Finding(code="field.too_long", severity="warning", role="sales_entries",
                connector_id=EXPECTED, field="invoice_description",
                message="Waarden langer dan 255 tekens: Payt weigert deze rijen.",
                hint="Kort de omschrijving in of koppel een korter veld.", examples=(LONG,)),
        Finding(code="connector.slow", severity="warning", role="administrations",
                connector_id="Payt_administrations",
                message="De connector antwoordde pas na 1430 ms.",
                hint="Controleer filters en berekende velden in de GetConnector."),
        Finding(code="field.missing", severity="error", role="sales_entries",
                connector_id=EXPECTED, field="invoice_open_amount_inc_vat",
                message="Het verplichte Payt-veld invoice_open_amount_inc_vat ontbreekt.",
                hint="Algemeen → Beheer → GetConnectors → Payt_sales_entries_v12 → Velden: "
                     "voeg het veld Openstaand toe."),
        Finding(code="attachments.subject_connector_missing", severity="error",
                role="attachments",
                message="AppConnectorSubject zit niet in de AppConnector: Payt kan geen "
                        "factuur-pdf's ophalen.",
                hint="Algemeen → Beheer → AppConnector → Payt REST API → Connectoren → "
                     "Nieuw → AppConnectorSubject."),
    )
    fields: dict[str, object] = {
        "tool": Tool(version="0.1.0"),
        "checked_at": "2025-06-12T14:03:27+02:00",
        "target": Target(uid="12345", environment="production",
                         base_url="https://12345.rest.afas.online/ProfitRestServices",
                         envid="O12345AA", app_name="Payt REST API",
                         user_group="Payt koppeling", token_expiry="2026-01-31T00:00:00Z"),
        "verdict": verdict_of(findings),
        "connectors": connectors,
        "findings": findings,
        "language": language,
        "cancelled": cancelled,
        "duration_ms": 2315.0,
        "sample_size": 50,
        "requirements": "ingebouwd (payt_requirements.toml)",
    }
    fields.update(changes)
    return Report.model_validate(fields)


def empty_report(language: str = "nl") -> Report:
    return sample_report(language=language, connectors=(), findings=(), verdict="ready")


def pdf_text(path: Path) -> str:
    """The text of every page of a PDF report, as a viewer extracts it; any run of white space
    (Qt's PDFs space words with tabs) as one space."""
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)
