"""One finding code at a time: a healthy simulator with one planted defect, and the exact finding.

The per-scenario tests check which codes each named scenario gives; these plant a defect by hand
in a healthy configuration and check the finding it yields: code, severity, role, connector,
field, count and examples (the planted rows, in the order the sample reads them). Each test
also makes sure the healthy baseline does not already give that finding.

The datasets are small (ENTRIES sales entries), so every connector is read whole and every
planted row is in the sample.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest

from payt_onboarding.checks.engine import DEFAULT_SAMPLE_SIZE
from payt_onboarding.checks.findings import EXAMPLE_LENGTH
from payt_onboarding.report.model import MAX_EXAMPLES, ConnectorResult, Finding, Report
from payt_onboarding.simulator.config import SimulatorConfig
from payt_onboarding.simulator.dataset import (
    ADMINISTRATIONS,
    DISTRIBUTION_METHODS,
    INVOICE_LINES,
    SALES_ENTRIES,
    SALES_INVOICES,
    SUBJECT_ATTACHMENTS,
    VERSTREKKING,
    AttachmentFile,
    ConnectorTable,
    Dataset,
)
from payt_onboarding.simulator.scenarios import _rename_connector, build_config
from payt_onboarding.simulator.server import SimulatorServer
from tests.support.scenarios import PHASE_OUT, check

# The AFAS menu path the hints name for the administrations right (resources/messages [paths]).
ALL_ADMINISTRATIONS = {"nl": "Algemeen → Administratie → Filters → Alle administraties",
                       "en": "General → Administration → Filters → All administrations"}
ENTRIES = 60
SALES = (SALES_ENTRIES, SALES_INVOICES)
ROLE = {SALES_ENTRIES: "sales_entries", SALES_INVOICES: "sales_invoices",
        INVOICE_LINES: "invoice_lines", ADMINISTRATIONS: "administrations",
        DISTRIBUTION_METHODS: "distribution_methods", VERSTREKKING: "verstrekking",
        SUBJECT_ATTACHMENTS: "subject_attachments"}
Row = dict[str, object]


# -- helpers --------------------------------------------------------------------------------------

def healthy_config() -> SimulatorConfig:
    return build_config("healthy", entries=ENTRIES)


def run_check_on(config: SimulatorConfig, **options: Any) -> tuple[Report, SimulatorServer]:
    """The report of a check against `config`, and the (stopped) server with its request log."""
    with SimulatorServer(config) as server:
        report = check(server, **options)
    return report, server


def rows(config: SimulatorConfig, connector: str) -> list[Row]:
    return config.dataset.connectors[connector].rows


def found(report: Report, code: str, role: str | None = None,
          field: str | None = None) -> list[Finding]:
    return [f for f in report.findings if f.code == code
            and (role is None or f.role == role) and (field is None or f.field == field)]


def only(report: Report, code: str, role: str | None = None,
         field: str | None = None) -> Finding:
    hits = found(report, code, role, field)
    assert len(hits) == 1, [(f.code, f.role, f.field, f.message) for f in report.findings]
    return hits[0]


def connector_result(report: Report, role: str) -> ConnectorResult:
    return next(c for c in report.connectors if c.role == role)


def twin_invoices(config: SimulatorConfig, count: int) -> list[str]:
    """Invoice numbers in both sales connectors, spread over the dataset, in sample order."""
    entries = {str(r["invoice_number"]) for r in rows(config, SALES_ENTRIES)}
    twins = sorted(str(r["invoice_number"]) for r in rows(config, SALES_INVOICES)
                   if str(r["invoice_number"]) in entries)
    picked = set(twins[2::5][:count])
    assert len(picked) == count
    return [n for n in sample_order(config, SALES_ENTRIES) if n in picked]


def sample_order(config: SimulatorConfig, connector: str) -> list[str]:
    """Invoice numbers as the check reads them: newest first, then administration, number."""
    ordered = sorted(rows(config, connector),
                     key=lambda r: (str(r["administration_code"]), str(r["invoice_number"])))
    ordered.sort(key=lambda r: str(r["invoice_date"]), reverse=True)  # stable: ties keep order
    return [str(r["invoice_number"]) for r in ordered]


def plant(config: SimulatorConfig, values: dict[str, dict[str, object]]) -> None:
    """Set `values[invoice_number]` on that invoice's row in both sales connectors."""
    for connector in SALES:
        hit = 0
        for row in rows(config, connector):
            change = values.get(str(row["invoice_number"]))
            if change is not None:
                row.update(change)
                hit += 1
        assert hit == len(values), (connector, hit)


def set_type(config: SimulatorConfig, connector: str, field_id: str, data_type: Any) -> None:
    table = config.dataset.connectors[connector]
    assert any(f.id == field_id for f in table.fields)
    table.fields = [replace(f, data_type=data_type) if f.id == field_id else f
                    for f in table.fields]


def drop_field(config: SimulatorConfig, connector: str, field_id: str) -> None:
    table = config.dataset.connectors[connector]
    assert any(f.id == field_id for f in table.fields)
    table.fields = [f for f in table.fields if f.id != field_id]
    for row in table.rows:
        del row[field_id]


@pytest.fixture(scope="module")
def baseline() -> Report:
    """The healthy configuration's report: none of the findings below may be in it."""
    config = healthy_config()
    for table in config.dataset.connectors.values():  # every row is read, not a sample
        assert len(table.rows) < DEFAULT_SAMPLE_SIZE, table.id
    report, _ = run_check_on(config)
    # Ready but for the end of classic tokens, which every classic check warns of.
    assert report.verdict == "ready_with_warnings"
    assert report.codes("warning") == {PHASE_OUT} and report.codes("error") == set()
    return report


def not_in_baseline(baseline: Report, code: str, role: str | None = None,
                    field: str | None = None) -> None:
    assert found(baseline, code, role, field) == []


# -- values Payt rejects --------------------------------------------------------------------------

def test_afas_own_country_codes_are_invalid(baseline: Report) -> None:
    not_in_baseline(baseline, "value.invalid_country_code")
    config = healthy_config()
    belgium, germany, other_belgium = twin_invoices(config, 3)
    # AFAS's own country table uses "B" for Belgium and "D" for Germany, not the ISO codes.
    planted = {belgium: "B", germany: "D", other_belgium: "B"}
    plant(config, {n: {"debtor_post_country_code": c} for n, c in planted.items()})
    report, _ = run_check_on(config)

    for connector in SALES:
        finding = only(report, "value.invalid_country_code", ROLE[connector])
        assert finding.severity == "warning"
        assert finding.connector_id == connector
        assert finding.field == "debtor_post_country_code"
        assert finding.count == 3
        assert finding.examples == (f"{belgium}: B", f"{germany}: D", f"{other_belgium}: B")
        assert "3 ongeldige landcodes" in finding.message
    assert len(found(report, "value.invalid_country_code")) == 2
    assert report.verdict == "ready_with_warnings"


def test_a_currency_that_is_not_iso_4217_is_invalid(baseline: Report) -> None:
    not_in_baseline(baseline, "value.invalid_currency_code")
    config = healthy_config()
    euro, symbol = twin_invoices(config, 2)
    plant(config, {euro: {"invoice_currency_code": "EURO"},
                   symbol: {"invoice_currency_code": "€"}})
    report, _ = run_check_on(config)

    for connector in SALES:
        finding = only(report, "value.invalid_currency_code", ROLE[connector])
        assert finding.severity == "warning"
        assert finding.connector_id == connector
        assert finding.field == "invoice_currency_code"
        assert finding.count == 2
        assert finding.examples == (f"{euro}: EURO", f"{symbol}: €")


def test_invalid_email_addresses_are_reported_per_field_and_connector(baseline: Report) -> None:
    not_in_baseline(baseline, "value.invalid_email")
    config = healthy_config()
    no_tld, no_at, two = twin_invoices(config, 3)
    plant(config, {no_tld: {"debtor_email": "jan@example"},
                   no_at: {"debtor_email": "jan.example.nl"},
                   two: {"debtor_invoice_email": "a@example.nl; b@example.nl"}})
    # The Digital tab has its own addresses, one row per debtor (keyed by debtor code).
    debtor_row = rows(config, DISTRIBUTION_METHODS)[4]
    debtor_row["debtor_reminder_email"] = "aanmaningen@"
    report, _ = run_check_on(config)

    for connector in SALES:
        role = ROLE[connector]
        plain = only(report, "value.invalid_email", role, "debtor_email")
        assert (plain.severity, plain.connector_id, plain.count) == ("warning", connector, 2)
        assert plain.examples == (f"{no_tld}: jan@example", f"{no_at}: jan.example.nl")
        invoice = only(report, "value.invalid_email", role, "debtor_invoice_email")
        assert (invoice.connector_id, invoice.count) == (connector, 1)
        assert invoice.examples == (f"{two}: a@example.nl; b@example.nl",)
    digital = only(report, "value.invalid_email", "distribution_methods")
    assert digital.connector_id == DISTRIBUTION_METHODS
    assert (digital.field, digital.count) == ("debtor_reminder_email", 1)
    assert digital.examples == (f"{debtor_row['debtor_code']}: aanmaningen@",)
    assert len(found(report, "value.invalid_email")) == 5


def test_non_iso_and_out_of_range_dates_are_invalid(baseline: Report) -> None:
    not_in_baseline(baseline, "value.invalid_date")
    config = healthy_config()
    dutch, impossible, minimum = twin_invoices(config, 3)
    plant(config, {
        dutch: {"invoice_date": "25-11-2026"},  # a Dutch notation, not ISO 8601
        impossible: {"invoice_date": "2026-02-30T00:00:00Z"},
        # .NET's DateTime.MinValue: what an empty date can come out as.
        minimum: {"invoice_due_date": "0001-01-01T00:00:00Z"},
    })
    report, _ = run_check_on(config)

    for connector in SALES:
        role = ROLE[connector]
        invoice_date = only(report, "value.invalid_date", role, "invoice_date")
        assert (invoice_date.severity, invoice_date.connector_id) == ("warning", connector)
        assert invoice_date.count == 2
        assert invoice_date.examples == (f"{dutch}: 25-11-2026",
                                         f"{impossible}: 2026-02-30T00:00:00Z")
        due = only(report, "value.invalid_date", role, "invoice_due_date")
        assert (due.count, due.examples) == (1, (f"{minimum}: 0001-01-01T00:00:00Z",))
    # An invalid date is reported as such, not also as a due date before the invoice date.
    assert found(report, "value.due_before_invoice_date") == []


def test_a_due_date_without_a_time_zone_is_compared_not_a_crash(baseline: Report) -> None:
    not_in_baseline(baseline, "value.due_before_invoice_date")
    config = healthy_config()
    early, late = twin_invoices(config, 2)
    # A due date from a text field: valid ISO, but without the "Z" AFAS puts on its dates.
    for connector in SALES:
        set_type(config, connector, "invoice_due_date", "string")
    dates = {n: str(r["invoice_date"]) for r in rows(config, SALES_ENTRIES)
             if (n := str(r["invoice_number"])) in (early, late)}
    before = date.fromisoformat(dates[early][:10]) - timedelta(days=3)
    after = date.fromisoformat(dates[late][:10]) + timedelta(days=30)
    plant(config, {early: {"invoice_due_date": before.isoformat()},
                   late: {"invoice_due_date": after.isoformat()}})
    report, _ = run_check_on(config)

    for connector in SALES:
        finding = only(report, "value.due_before_invoice_date", ROLE[connector])
        assert (finding.severity, finding.connector_id) == ("warning", connector)
        assert (finding.field, finding.count, finding.examples) == ("invoice_due_date", 1,
                                                                   (early,))
    assert found(report, "value.invalid_date") == []


# -- fields ---------------------------------------------------------------------------------------

def test_a_mandatory_field_empty_in_some_rows(baseline: Report) -> None:
    not_in_baseline(baseline, "field.empty")
    config = healthy_config()
    planted = twin_invoices(config, 4)
    # None, "" and blanks all count as empty.
    plant(config, {n: {"debtor_post_city": v} for n, v in zip(planted, (None, "", "   ", None),
                                                               strict=True)})
    report, _ = run_check_on(config)

    for connector in SALES:
        total = len(rows(config, connector))
        finding = only(report, "field.empty", ROLE[connector])
        assert finding.severity == "warning"
        assert (finding.connector_id, finding.field) == (connector, "debtor_post_city")
        assert finding.count == 4
        assert finding.examples == tuple(planted)
        assert f"4 van de {total}" in finding.message
        result = connector_result(report, ROLE[connector])
        city = next(f for f in result.fields if f.payt_field == "debtor_post_city")
        assert city.status == "ok"
        assert city.fill_rate == pytest.approx(round((total - 4) / total, 4))
    assert len(found(report, "field.empty")) == 2


def test_a_mandatory_field_empty_everywhere_names_rows_by_their_administration(
    baseline: Report,
) -> None:
    not_in_baseline(baseline, "field.empty", "administrations")
    config = healthy_config()
    codes = sorted(str(r["administration_code"]) for r in rows(config, ADMINISTRATIONS))
    for row in rows(config, ADMINISTRATIONS):
        row["administration_origin_id"] = None
    report, _ = run_check_on(config)

    finding = only(report, "field.empty", "administrations")
    assert (finding.severity, finding.connector_id) == ("warning", ADMINISTRATIONS)
    assert (finding.field, finding.count) == ("administration_origin_id", len(codes))
    assert finding.examples == tuple(codes)
    result = connector_result(report, "administrations")
    origin = next(f for f in result.fields if f.payt_field == "administration_origin_id")
    assert (origin.status, origin.fill_rate) == ("empty", 0.0)


def test_a_field_of_the_wrong_afas_type(baseline: Report) -> None:
    not_in_baseline(baseline, "field.type_mismatch")
    config = healthy_config()
    for connector in SALES:  # the GetConnector takes the invoice date from a text field
        set_type(config, connector, "invoice_date", "string")
    report, _ = run_check_on(config)

    for connector in SALES:
        finding = only(report, "field.type_mismatch", ROLE[connector])
        assert finding.severity == "error"
        assert (finding.connector_id, finding.field) == (connector, "invoice_date")
        assert (finding.count, finding.examples) == (1, ())
        assert "AFAS-veld invoice_date van type string" in finding.message
        assert "Payt verwacht date" in finding.message
        result = connector_result(report, ROLE[connector])
        field = next(f for f in result.fields if f.payt_field == "invoice_date")
        assert (field.status, field.afas_type) == ("type_mismatch", "string")
    assert len(found(report, "field.type_mismatch")) == 2
    assert report.verdict == "not_ready"


def test_a_missing_mandatory_field_is_an_error_a_missing_optional_one_info(
    baseline: Report,
) -> None:
    not_in_baseline(baseline, "field.missing")
    not_in_baseline(baseline, "field.optional_missing", field="invoice_currency_code")
    config = healthy_config()
    drop_field(config, SALES_ENTRIES, "debtor_post_city")  # mandatory
    drop_field(config, SALES_ENTRIES, "invoice_currency_code")  # optional
    report, _ = run_check_on(config)

    mandatory = only(report, "field.missing", field="debtor_post_city")
    assert (mandatory.severity, mandatory.role) == ("error", "sales_entries")
    assert mandatory.connector_id == SALES_ENTRIES
    assert (mandatory.count, mandatory.examples) == (1, ())
    optional = only(report, "field.optional_missing", field="invoice_currency_code")
    assert (optional.severity, optional.role) == ("info", "sales_entries")
    assert optional.connector_id == SALES_ENTRIES
    assert (optional.count, optional.examples) == (1, ())
    # Only the connector that lost the fields; the sales invoices still have both.
    assert len(found(report, "field.missing")) == 1
    assert not any(f.field in ("debtor_post_city", "invoice_currency_code")
                   for f in found(report, "field.optional_missing", "sales_invoices"))
    # A missing field is not also reported as empty.
    assert found(report, "field.empty") == []
    fields = {f.payt_field: f for f in connector_result(report, "sales_entries").fields}
    assert fields["debtor_post_city"].status == "missing"
    assert fields["invoice_currency_code"].status == "missing"
    assert report.verdict == "not_ready"


# -- connectors -----------------------------------------------------------------------------------

def test_a_connector_without_rows(baseline: Report) -> None:
    not_in_baseline(baseline, "connector.empty")
    config = healthy_config()
    config.dataset.connectors[SALES_ENTRIES].rows = []
    report, _ = run_check_on(config)

    finding = only(report, "connector.empty")
    assert (finding.severity, finding.role) == ("warning", "sales_entries")
    assert (finding.connector_id, finding.field) == (SALES_ENTRIES, None)
    assert (finding.count, finding.examples) == (1, ())
    result = connector_result(report, "sales_entries")
    assert (result.rows_sampled, result.status) == (0, "warning")


def test_an_empty_optional_verstrekking_is_a_warning_not_an_error(baseline: Report) -> None:
    not_in_baseline(baseline, "connector.empty")
    config = healthy_config()
    config.dataset.connectors[VERSTREKKING].rows = []
    report, _ = run_check_on(config)

    finding = only(report, "connector.empty")
    assert (finding.severity, finding.role) == ("warning", "verstrekking")
    assert finding.connector_id == VERSTREKKING
    assert report.codes("error") == set()
    assert report.verdict == "ready_with_warnings"
    assert connector_result(report, "verstrekking").status == "warning"


def test_a_missing_optional_connector_is_info_only(baseline: Report) -> None:
    not_in_baseline(baseline, "connector.missing")
    config = healthy_config()
    config.app.get_connectors.remove(VERSTREKKING)
    report, _ = run_check_on(config)

    finding = only(report, "connector.missing")
    assert (finding.severity, finding.role) == ("info", "verstrekking")
    assert (finding.connector_id, finding.count, finding.examples) == (VERSTREKKING, 1, ())
    assert finding.message.startswith(f"De optionele GetConnector {VERSTREKKING}")
    assert report.verdict == "ready_with_warnings" and report.codes("warning") == {PHASE_OUT}
    result = connector_result(report, "verstrekking")
    assert (result.connector_id, result.status) == (None, "missing")


@pytest.mark.parametrize("keep_v12", [False, True], ids=["v13_only", "v13_beside_v12"])
def test_a_newer_connector_version_is_accepted(baseline: Report, keep_v12: bool) -> None:
    config = healthy_config()
    newer = "Payt_sales_entries_v13"
    if keep_v12:
        old = config.dataset.connectors[SALES_ENTRIES]
        config.dataset.connectors[newer] = ConnectorTable(
            newer, newer, list(old.fields), [dict(r) for r in old.rows])
        config.app.get_connectors.append(newer)
    else:
        _rename_connector(config, SALES_ENTRIES, newer)
    report, server = run_check_on(config)

    assert [f for f in report.findings if f.code.startswith("connector.")] == []
    assert report.codes("warning") == {PHASE_OUT}, [f.message for f in report.findings]
    assert report.verdict == "ready_with_warnings"
    result = connector_result(report, "sales_entries")
    assert (result.connector_id, result.rows_sampled) == (newer, ENTRIES)
    assert result.expected_connector == SALES_ENTRIES
    assert not any(p.startswith(f"/connectors/{SALES_ENTRIES.lower()}") for p in server.paths())


# -- references -----------------------------------------------------------------------------------

def test_an_administration_code_that_is_not_in_the_administrations(baseline: Report) -> None:
    not_in_baseline(baseline, "reference.unknown_administration")
    config = healthy_config()
    planted = twin_invoices(config, 2)
    plant(config, {n: {"administration_code": "99"} for n in planted})
    lines = [r for r in rows(config, INVOICE_LINES) if r["invoice_number"] in planted]
    for line in lines:
        line["administration_code"] = "99"
    report, _ = run_check_on(config)

    expected = {SALES_ENTRIES: 2, SALES_INVOICES: 2, INVOICE_LINES: len(lines)}
    assert expected[INVOICE_LINES] >= 2
    for connector, count in expected.items():
        finding = only(report, "reference.unknown_administration", ROLE[connector])
        assert finding.severity == "warning"
        assert (finding.connector_id, finding.field) == (connector, "administration_code")
        assert (finding.count, finding.examples) == (count, (f"99 ({count}×)",))  # noqa: RUF001
        assert ADMINISTRATIONS in finding.message
        # Usually the user group lacks the right on all administrations: the hint says so.
        assert ALL_ADMINISTRATIONS["nl"] in finding.hint
        assert "Alle administraties" in finding.hint
    assert len(found(report, "reference.unknown_administration")) == 3


def test_an_administration_hidden_from_the_user_group(baseline: Report) -> None:
    not_in_baseline(baseline, "reference.unknown_administration")
    config = healthy_config()
    # Without the right on all administrations, AFAS leaves one out of Payt_administrations.
    hidden = "02"
    admins = config.dataset.connectors[ADMINISTRATIONS]
    admins.rows = [r for r in admins.rows if r["administration_code"] != hidden]
    report, _ = run_check_on(config, language="en")

    for connector in (SALES_ENTRIES, SALES_INVOICES, INVOICE_LINES):
        count = sum(r["administration_code"] == hidden for r in rows(config, connector))
        assert count > 0
        finding = only(report, "reference.unknown_administration", ROLE[connector])
        assert (finding.severity, finding.connector_id) == ("warning", connector)
        assert (finding.count, finding.examples) == (count, (f"{hidden} ({count}×)",))  # noqa: RUF001
        assert ALL_ADMINISTRATIONS["en"] in finding.hint


# -- attachments ----------------------------------------------------------------------------------

def test_no_invoice_links_a_dossier_item(baseline: Report) -> None:
    not_in_baseline(baseline, "attachments.none_linked")
    config = healthy_config()
    for row in rows(config, SALES_INVOICES):
        row["invoice_dossier_item_extra"] = None
    report, server = run_check_on(config)

    finding = only(report, "attachments.none_linked")
    assert (finding.severity, finding.role) == ("info", "sales_invoices")
    assert (finding.connector_id, finding.field) == (SALES_INVOICES,
                                                     "invoice_dossier_item_extra")
    assert (finding.count, finding.examples) == (1, ())
    assert SUBJECT_ATTACHMENTS in finding.message
    assert [f.code for f in report.findings if f.code.startswith("attachments.")] == [
        "attachments.none_linked"]
    # Nothing to fetch: only the probe whether AppConnectorSubject is there.
    assert server.paths("/subjectconnector") == ["/subjectconnector/0/0"]


class _OneFileReplaced(Dataset):
    """A dataset whose dossier file `file_id` is `replacement` instead of the rendered PDF."""

    def __init__(self, base: Dataset, file_id: str, replacement: AttachmentFile) -> None:
        super().__init__(base.connectors, base._files)
        self.file_id = file_id
        self.replacement = replacement

    def file(self, subject_id: int, file_id: str) -> AttachmentFile | None:
        real = super().file(subject_id, file_id)
        return self.replacement if real is not None and file_id == self.file_id else real


DOCX = AttachmentFile(
    "Factuur.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    b"PK\x03\x04" + bytes(60))
FAKE_PDF = AttachmentFile("Factuur.pdf", "application/pdf", b"<html>Not found</html>")


def single_linked_invoice(config: SimulatorConfig) -> tuple[int, str]:
    """Leave one invoice linking a dossier item that holds one file: (subject, file id)."""
    per_subject: dict[object, list[Row]] = {}
    for row in rows(config, SUBJECT_ATTACHMENTS):
        per_subject.setdefault(row["subject_id"], []).append(row)
    invoices = rows(config, SALES_INVOICES)
    keep = next(r for r in invoices if len(per_subject[r["invoice_dossier_item_extra"]]) == 1)
    for row in invoices:
        if row is not keep:
            row["invoice_dossier_item_extra"] = None
    subject = keep["invoice_dossier_item_extra"]
    assert isinstance(subject, int)
    return subject, str(per_subject[subject][0]["file_id"])


@pytest.mark.parametrize("replacement", [DOCX, FAKE_PDF], ids=["docx", "pdf_label_html_body"])
def test_a_linked_file_that_is_not_a_pdf(baseline: Report, replacement: AttachmentFile) -> None:
    not_in_baseline(baseline, "attachments.not_pdf")
    config = healthy_config()
    subject, file_id = single_linked_invoice(config)
    # The simulator renders every dossier file as a PDF; this one is something else.
    config.dataset = _OneFileReplaced(config.dataset, file_id, replacement)
    report, server = run_check_on(config)

    finding = only(report, "attachments.not_pdf")
    assert (finding.severity, finding.role) == ("warning", "subject_attachments")
    assert (finding.connector_id, finding.field) == (SUBJECT_ATTACHMENTS, None)
    assert (finding.count, finding.examples) == (1, (f"{subject}/{file_id}",))
    # Both as AFAS sent them (a long MIME type is still readable whole).
    assert f"{replacement.filename} is geen pdf ({replacement.mimetype})" in finding.message
    assert server.paths("/subjectconnector") == [f"/subjectconnector/{subject}/{file_id.lower()}"]
    assert report.verdict == "ready_with_warnings"


def test_the_same_linked_file_as_a_pdf_gives_no_finding(baseline: Report) -> None:
    # The control for the test above: with the real file, the very same set-up is clean.
    config = healthy_config()
    subject, file_id = single_linked_invoice(config)
    report, server = run_check_on(config)
    assert not any(f.code.startswith("attachments.") for f in report.findings)
    assert server.paths("/subjectconnector") == [f"/subjectconnector/{subject}/{file_id.lower()}"]
    found_file = config.dataset.file(subject, file_id)
    assert found_file is not None and found_file.data.startswith(b"%PDF-")


def test_the_pdf_of_a_dossier_item_is_fetched_before_its_other_files(baseline: Report) -> None:
    # An invoice's dossier item often holds the UBL file too; only the PDF matters to Payt.
    config = healthy_config()
    per_subject: dict[object, list[Row]] = {}
    for row in rows(config, SUBJECT_ATTACHMENTS):
        per_subject.setdefault(row["subject_id"], []).append(row)
    invoices = rows(config, SALES_INVOICES)
    keep = next(r for r in invoices if len(per_subject[r["invoice_dossier_item_extra"]]) >= 2)
    for row in invoices:
        if row is not keep:
            row["invoice_dossier_item_extra"] = None
    subject = keep["invoice_dossier_item_extra"]
    first, second = sorted(per_subject[subject], key=lambda r: str(r["file_id"]))[:2]
    first["file_name"], second["file_name"] = "factuur.xml", "Factuur.PDF"
    ubl = AttachmentFile("factuur.xml", "application/xml", b"<Invoice/>")
    config.dataset = _OneFileReplaced(config.dataset, str(first["file_id"]), ubl)

    report, server = run_check_on(config)
    assert not any(f.code.startswith("attachments.") for f in report.findings)
    assert server.paths("/subjectconnector") == [
        f"/subjectconnector/{subject}/{str(second['file_id']).lower()}"]


def test_linked_dossier_items_without_files_are_refused_files(baseline: Report) -> None:
    # What a user group without rights on the dossier items sees: the items list no files.
    not_in_baseline(baseline, "attachments.not_authorized")
    config = healthy_config()
    for index, row in enumerate(rows(config, SALES_INVOICES)):
        row["invoice_dossier_item_extra"] = 999_990 + index if index < 2 else None
    report, server = run_check_on(config)
    finding = only(report, "attachments.not_authorized")
    assert finding.count == 2 and sorted(finding.examples) == ["999990", "999991"]
    assert "bij geen van de 2 gekoppelde dossieritems staat een bestand in " \
        "Payt_subject_attachments" in finding.message
    assert "Alle dossieritems" in finding.hint
    assert server.paths("/subjectconnector") == []


@pytest.mark.parametrize("digital_tab", [False, True])
def test_a_debtor_without_email_unless_the_digital_tab_has_one(
    baseline: Report, digital_tab: bool
) -> None:
    not_in_baseline(baseline, "debtor.no_email")
    config = healthy_config()
    entry = rows(config, SALES_ENTRIES)[0]
    admin, debtor = entry["administration_code"], entry["debtor_code"]
    email = ("debtor_email", "debtor_invoice_email", "debtor_reminder_email")
    for connector in (SALES_ENTRIES, SALES_INVOICES, "Payt_verstrekking"):
        for row in rows(config, connector):
            if (row["administration_code"], row["debtor_code"]) == (admin, debtor):
                row.update({f: None for f in email if f in row})
    tab = rows(config, "Payt_distribution_methods")
    for row in tab:
        if (row["administration_code"], row["debtor_code"]) == (admin, debtor):
            row.update(debtor_invoice_email="facturen@example.nl" if digital_tab else None,
                       debtor_reminder_email=None)
    if digital_tab and not any(r["debtor_code"] == debtor for r in tab):
        tab.append({"administration_code": admin, "debtor_code": debtor,
                    "distribution_method": "E-mail",
                    "debtor_invoice_email": "facturen@example.nl", "debtor_reminder_email": None})
    report, _ = run_check_on(config)
    if digital_tab:
        assert "debtor.no_email" not in report.codes("warning")
    else:
        finding = only(report, "debtor.no_email")
        assert (finding.count, finding.examples) == (1, (f"{admin}/{debtor}",))


# -- what examples look like ----------------------------------------------------------------------

LONG = ("lorem ipsum " * 1000)[:10_000]


def test_a_very_long_value_is_cut_short_in_examples(baseline: Report) -> None:
    not_in_baseline(baseline, "field.too_long")
    config = healthy_config()
    planted = twin_invoices(config, 7)
    plant(config, {n: {"debtor_email": LONG} for n in planted})
    # A 10,000-character invoice number: the row key itself must be cut short as well.
    long_number = "9" + "0" * 9_999
    entry = next(r for r in rows(config, SALES_ENTRIES)
                 if str(r["invoice_number"]) not in planted)
    entry["invoice_number"] = long_number
    entry["debtor_post_city"] = None
    report, _ = run_check_on(config)

    email = only(report, "value.invalid_email", "sales_entries", "debtor_email")
    assert email.count == 7
    assert len(email.examples) == MAX_EXAMPLES
    assert email.examples == tuple(f"{n}: {LONG[:59]}…" for n in planted[:MAX_EXAMPLES])
    too_long = only(report, "field.too_long", "sales_entries", "debtor_email")
    assert (too_long.severity, too_long.count) == ("warning", 7)
    assert too_long.examples == tuple(planted[:MAX_EXAMPLES])
    number = only(report, "field.too_long", "sales_entries", "invoice_number")
    assert number.count == 1
    assert number.examples == (long_number[:39] + "…",)
    empty = only(report, "field.empty", "sales_entries", "debtor_post_city")
    assert empty.examples == (long_number[:39] + "…",)
    for finding in report.findings:
        assert len(finding.examples) <= MAX_EXAMPLES
        assert all(len(e) <= EXAMPLE_LENGTH for e in finding.examples)
        assert len(finding.message) < 500 and len(finding.hint) < 1000
    for result in report.connectors:
        assert all(len(s) <= 60 for f in result.fields for s in f.samples)

