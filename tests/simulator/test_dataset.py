"""The simulator's dataset: deterministic, complete, consistent, and broken only on purpose."""

from __future__ import annotations

import json
import re
import time
from collections import Counter, defaultdict
from datetime import date, timedelta

import pytest

from payt_onboarding.simulator.dataset import (
    ADMINISTRATIONS,
    CONNECTOR_IDS,
    DISTRIBUTION_METHODS,
    INVOICE_LINES,
    PAYMENT_CONDITION_DAYS,
    PAYMENT_CONDITIONS,
    SALES_ENTRIES,
    SALES_INVOICES,
    SUBJECT_ATTACHMENTS,
    VERSTREKKING,
    ConnectorTable,
    Dataset,
    build_dataset,
)
from payt_onboarding.simulator.defects import (
    HOSTILE_COMPANY_NAME,
    LONG_DESCRIPTION,
    UNKNOWN_PAYMENT_CONDITION,
    inject_data_quality_defects,
)

Row = dict[str, object]
DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})T00:00:00Z$")
EMAIL = re.compile(r"^[a-z0-9.]+@([a-z0-9-]+\.)*example\.(nl|com|be|de|fr)$")
NL_POSTCODE = re.compile(r"^[1-9]\d{3} [A-Z]{2}$")
EMAIL_FIELDS = ("debtor_email", "debtor_invoice_email", "debtor_reminder_email")
NAME_FIELDS = ("debtor_company_name", "debtor_firstname", "debtor_lastname")
MANDATORY = (
    "administration_code", "invoice_number", "invoice_date", "invoice_due_date",
    "invoice_total_amount_inc_vat", "invoice_open_amount_inc_vat", "invoice_currency_code",
    "invoice_payment_condition", "debtor_code", "debtor_post_street_1",
    "debtor_post_postalcode", "debtor_post_city", "debtor_post_country_code",
)
REFERENCE = date(2026, 11, 25)


@pytest.fixture(scope="module")
def ds() -> Dataset:
    """The healthy default dataset; tests must not change it (use .copy())."""
    return build_dataset()


def rows(ds: Dataset, connector: str) -> list[Row]:
    return ds.connectors[connector].rows


def day(value: object) -> date:
    match = DATE.match(str(value))
    assert match, value
    return date.fromisoformat(match.group(1))


def cents(value: object) -> int:
    assert isinstance(value, float)
    return round(value * 100)


def as_json(ds: Dataset) -> str:
    return json.dumps(
        {k: {"fields": [vars(f) for f in t.fields], "rows": t.rows, "d": t.description}
         for k, t in ds.connectors.items()},
        ensure_ascii=False,
    )


def assert_valid_pdf(data: bytes) -> None:
    assert data.startswith(b"%PDF-1.4\n")
    assert data.endswith(b"%%EOF")
    assert 300 < len(data) < 8000
    xref_at = int(data.rsplit(b"startxref", 1)[1].split()[0])
    table = data[xref_at:].split(b"trailer")[0].split(b"\n")
    assert table[0] == b"xref"
    first, count = (int(x) for x in table[1].split())
    entries = table[2 : 2 + count]
    assert first == 0 and entries[0] == b"0000000000 65535 f "
    for number, entry in enumerate(entries[1:], start=1):
        assert len(entry) + 1 == 20  # every xref entry is exactly 20 bytes
        offset = int(entry[:10])
        assert data[offset:].startswith(b"%d 0 obj\n" % number)
    assert b"/Size %d " % count in data
    for match in re.finditer(rb"/Length (\d+) >>\nstream\n", data):
        end = match.end() + int(match.group(1))
        assert data[end:].startswith(b"\nendstream")


# -- determinism ----------------------------------------------------------------------------


def test_same_seed_gives_identical_data_and_files(ds: Dataset) -> None:
    again = build_dataset()
    assert again == ds
    assert as_json(again) == as_json(ds)
    first = rows(ds, SUBJECT_ATTACHMENTS)[0]
    subject, file_id = int(str(first["subject_id"])), str(first["file_id"])
    assert again.file(subject, file_id) == ds.file(subject, file_id)


def test_other_seed_gives_other_data(ds: Dataset) -> None:
    other = build_dataset(seed=1)
    assert as_json(other) != as_json(ds)
    assert len(rows(other, SALES_ENTRIES)) == 300


def test_dates_follow_the_reference_date_not_the_clock() -> None:
    reference = date(2020, 1, 15)
    entries = rows(build_dataset(entries=500, reference_date=reference), SALES_ENTRIES)
    dates = [day(r["invoice_date"]) for r in entries]
    assert max(dates) <= reference
    assert min(dates) >= date(2018, 7, 15)
    assert {d.year for d in dates} == {2018, 2019, 2020}
    assert all(str(r["invoice_number"])[:4] == str(day(r["invoice_date"]).year)
               for r in entries)


# -- structure ------------------------------------------------------------------------------


def test_connectors_and_descriptions(ds: Dataset) -> None:
    assert list(ds.connectors) == list(CONNECTOR_IDS)
    for key, table in ds.connectors.items():
        assert table.id == key
        expected = key
        if key == DISTRIBUTION_METHODS:
            expected = "Payt_distribution_methods - Extended v2.0 - Tab Digital"
        assert table.description == expected
    assert len(rows(ds, ADMINISTRATIONS)) == 3
    assert len(rows(ds, SALES_ENTRIES)) == 300
    assert 170 <= len(rows(ds, SALES_INVOICES)) <= 230  # about two thirds


@pytest.mark.parametrize("connector", CONNECTOR_IDS)
def test_every_row_has_exactly_the_field_ids(ds: Dataset, connector: str) -> None:
    table = ds.connectors[connector]
    ids = [f.id for f in table.fields]
    assert len(set(ids)) == len(ids)
    assert len({f.field_id for f in table.fields}) == len(ids)
    assert table.rows
    for row in table.rows:
        assert list(row) == ids


def test_sales_invoices_add_order_fields_to_the_sales_entry_fields(ds: Dataset) -> None:
    entry_fields = ds.connectors[SALES_ENTRIES].fields
    invoice_fields = ds.connectors[SALES_INVOICES].fields
    assert invoice_fields[: len(entry_fields)] == entry_fields
    assert [f.id for f in invoice_fields[len(entry_fields):]] == [
        "order_number", "invoice_dossier_item_extra"]


def _type_ok(value: object, data_type: str, decimals: int) -> bool:
    if value is None:
        return True
    if data_type == "string":
        return isinstance(value, str)
    if data_type == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if data_type == "decimal":
        return isinstance(value, float) and round(value, decimals) == value
    if data_type == "boolean":
        return isinstance(value, bool)
    return isinstance(value, str) and day(value) is not None


@pytest.mark.parametrize("connector", CONNECTOR_IDS)
def test_values_match_data_type_and_length(ds: Dataset, connector: str) -> None:
    table = ds.connectors[connector]
    for f in table.fields:
        assert f.data_type in {"string", "int", "decimal", "boolean", "date"}
        assert (f.length > 0) == (f.data_type == "string")
        assert f.decimals == (2 if f.data_type == "decimal" else 0)
        assert f.label
        for row in table.rows:
            value = row[f.id]
            assert _type_ok(value, f.data_type, f.decimals), (f.id, value)
            if f.data_type == "string" and isinstance(value, str):
                assert len(value) <= min(f.length, 255), (f.id, value)
                assert value == value.strip() and value, (f.id, value)


def test_json_ready(ds: Dataset) -> None:
    text = as_json(ds)
    assert "NaN" not in text and "Infinity" not in text


# -- keys and references --------------------------------------------------------------------


def test_unique_keys(ds: Dataset) -> None:
    for connector in (SALES_ENTRIES, SALES_INVOICES):
        numbers = [r["invoice_number"] for r in rows(ds, connector)]
        assert len(set(numbers)) == len(numbers)
    attachments = rows(ds, SUBJECT_ATTACHMENTS)
    file_ids = [str(a["file_id"]) for a in attachments]
    assert len(set(file_ids)) == len(file_ids)
    assert all(re.fullmatch(r"[0-9A-F]{32}", f) for f in file_ids)
    assert len({a["attachment_id"] for a in attachments}) == len(attachments)
    subjects = [r["invoice_dossier_item_extra"] for r in rows(ds, SALES_INVOICES)]
    assert len(set(subjects)) == len(subjects)
    assert min(int(str(s)) for s in subjects) == 10001
    origins = {r["debtor_code"]: r["debtor_origin_id"] for r in rows(ds, SALES_ENTRIES)}
    assert len(set(origins.values())) == len(origins)


def test_codes_reference_existing_rows(ds: Dataset) -> None:
    admins = {r["administration_code"] for r in rows(ds, ADMINISTRATIONS)}
    assert admins == {"01", "02", "03"}
    assert [r["administration_origin_id"] for r in rows(ds, ADMINISTRATIONS)] == ["1", "2", "3"]
    conditions = {r["payment_condition_code"] for r in rows(ds, PAYMENT_CONDITIONS)}
    assert conditions == set(PAYMENT_CONDITION_DAYS)
    for connector in (SALES_ENTRIES, SALES_INVOICES, DISTRIBUTION_METHODS, INVOICE_LINES,
                      VERSTREKKING):
        assert {r["administration_code"] for r in rows(ds, connector)} <= admins
    for connector in (SALES_ENTRIES, SALES_INVOICES):
        assert {r["invoice_payment_condition"] for r in rows(ds, connector)} <= conditions
    # Each administration is used.
    assert {r["administration_code"] for r in rows(ds, SALES_ENTRIES)} == admins


def test_sales_invoices_are_sales_entries_from_order_management(ds: Dataset) -> None:
    entries = {r["invoice_number"]: r for r in rows(ds, SALES_ENTRIES)}
    for invoice in rows(ds, SALES_INVOICES):
        entry = entries[invoice["invoice_number"]]
        assert {k: v for k, v in invoice.items() if k in entry} == entry
        assert re.fullmatch(r"VO\d{6}", str(invoice["order_number"]))


def test_debtor_data_is_the_same_on_every_invoice(ds: Dataset) -> None:
    seen: dict[object, dict[str, object]] = {}
    for row in rows(ds, SALES_ENTRIES):
        debtor = {k: v for k, v in row.items() if k.startswith("debtor_")}
        assert seen.setdefault(row["debtor_code"], debtor) == debtor


def test_distribution_methods_one_row_per_debtor(ds: Dataset) -> None:
    methods = rows(ds, DISTRIBUTION_METHODS)
    keys = [(r["administration_code"], r["debtor_code"]) for r in methods]
    assert len(set(keys)) == len(keys) >= 100  # entries // 3 debtors
    assert {r["distribution_method"] for r in methods} == {"E-mail", "Post", "E-mail en post"}
    by_debtor = {r["debtor_code"]: r for r in methods}
    for entry in rows(ds, SALES_ENTRIES):
        method = by_debtor[entry["debtor_code"]]
        assert method["administration_code"] == entry["administration_code"]
        assert method["debtor_invoice_email"] == entry["debtor_invoice_email"]


def test_verstrekking_covers_invoices_of_email_debtors(ds: Dataset) -> None:
    method = {r["debtor_code"]: r["distribution_method"] for r in rows(ds, DISTRIBUTION_METHODS)}
    expected = [r for r in rows(ds, SALES_INVOICES) if method[r["debtor_code"]] != "Post"]
    given = rows(ds, VERSTREKKING)
    assert [r["invoice_number"] for r in given] == [r["invoice_number"] for r in expected]
    for row, invoice in zip(given, expected, strict=True):
        assert row["debtor_code"] == invoice["debtor_code"]
        assert row["debtor_invoice_email"] in (invoice["debtor_invoice_email"],
                                               invoice["debtor_email"])
        assert row["debtor_invoice_email"]


# -- attachments ----------------------------------------------------------------------------


def test_every_dossier_item_holds_its_invoice_pdf(ds: Dataset) -> None:
    by_subject: dict[object, list[str]] = defaultdict(list)
    for a in rows(ds, SUBJECT_ATTACHMENTS):
        by_subject[a["subject_id"]].append(str(a["file_name"]))
    invoices = rows(ds, SALES_INVOICES)
    assert set(by_subject) == {r["invoice_dossier_item_extra"] for r in invoices}
    for invoice in invoices:
        names = by_subject[invoice["invoice_dossier_item_extra"]]
        assert names[0] == f"Factuur {invoice['invoice_number']}.pdf"
        assert 1 <= len(names) <= 2
    extra = [n for names in by_subject.values() for n in names[1:]]
    assert 5 <= len(extra) <= 45  # about 10 %
    names = [str(a["file_name"]) for a in rows(ds, SUBJECT_ATTACHMENTS)]
    assert len(set(names)) < len(names)  # file names repeat across dossier items


def test_every_attachment_is_a_valid_pdf(ds: Dataset) -> None:
    for a in rows(ds, SUBJECT_ATTACHMENTS):
        found = ds.file(int(str(a["subject_id"])), str(a["file_id"]))
        assert found is not None
        assert found.filename == a["file_name"]
        assert found.mimetype == "application/pdf"
        assert_valid_pdf(found.data)


def test_invoice_pdf_shows_number_debtor_and_amount(ds: Dataset) -> None:
    invoice = rows(ds, SALES_INVOICES)[0]
    attachment = next(a for a in rows(ds, SUBJECT_ATTACHMENTS)
                      if a["subject_id"] == invoice["invoice_dossier_item_extra"])
    found = ds.file(int(str(attachment["subject_id"])), str(attachment["file_id"]))
    assert found is not None
    text = found.data.decode("cp1252")
    assert f"(Factuur {invoice['invoice_number']})" in text
    name = invoice["debtor_company_name"] or invoice["debtor_lastname"]
    assert str(name).replace("(", "\\(").replace(")", "\\)") in text
    amount = float(str(invoice["invoice_total_amount_inc_vat"]))
    dutch = f"{abs(amount):,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    assert f"(Totaal incl. btw: {'-' if amount < 0 else ''}" in text
    assert f" {dutch})" in text.split("Totaal incl. btw")[1].split("\n")[0]


def test_unknown_files_are_none(ds: Dataset) -> None:
    a, b = rows(ds, SUBJECT_ATTACHMENTS)[:2]
    assert ds.file(int(str(a["subject_id"])), "0" * 32) is None
    assert ds.file(999_999, str(a["file_id"])) is None
    if a["subject_id"] != b["subject_id"]:
        assert ds.file(int(str(b["subject_id"])), str(a["file_id"])) is None


# -- amounts, dates, contact data -----------------------------------------------------------


def test_invoice_lines_add_up_to_the_invoice_total(ds: Dataset) -> None:
    lines: dict[tuple[object, object], list[Row]] = defaultdict(list)
    for line in rows(ds, INVOICE_LINES):
        lines[(line["administration_code"], line["invoice_number"])].append(line)
    invoices = rows(ds, SALES_INVOICES)
    assert set(lines) == {(r["administration_code"], r["invoice_number"]) for r in invoices}
    for invoice in invoices:
        own = lines[(invoice["administration_code"], invoice["invoice_number"])]
        assert [line["line_order"] for line in own] == list(range(1, len(own) + 1))
        assert 1 <= len(own) <= 4
        total = sum(cents(line["total_incl_tax_amount"]) for line in own)
        assert total == cents(invoice["invoice_total_amount_inc_vat"])
        for line in own:
            excl, vat = cents(line["total_excl_tax_amount"]), line["vat_percentage"]
            assert vat in (21.0, 9.0, 0.0)
            assert line["vat_rate_code"] == {21.0: "1", 9.0: "2", 0.0: "3"}[vat]
            assert abs(cents(line["total_incl_tax_amount"]) - excl * (1 + vat / 100)) <= 0.5
            quantity = float(str(line["product_quantity"]))
            assert abs(excl - quantity * cents(line["product_price"])) <= 0.5


def test_amounts_open_and_credit_notes(ds: Dataset) -> None:
    entries = rows(ds, SALES_ENTRIES)
    credits = partly = 0
    for row in entries:
        total, open_ = cents(row["invoice_total_amount_inc_vat"]), cents(
            row["invoice_open_amount_inc_vat"])
        assert total != 0
        if total < 0:
            credits += 1
            assert open_ == total
        else:
            assert 0 < open_ <= total
            partly += open_ < total
    assert 1 <= credits <= 30 and 10 <= partly <= 70


def test_dates_numbers_and_due_dates(ds: Dataset) -> None:
    entries = rows(ds, SALES_ENTRIES)
    numbers = [str(r["invoice_number"]) for r in entries]
    assert numbers == sorted(numbers)
    dates = [day(r["invoice_date"]) for r in entries]
    assert dates == sorted(dates)  # numbers ascend with the invoice date
    assert REFERENCE - timedelta(days=550) <= min(dates) and max(dates) <= REFERENCE
    for row in entries:
        assert re.fullmatch(r"20\d{2}\d{5}", str(row["invoice_number"]))
        due = day(row["invoice_due_date"]) - day(row["invoice_date"])
        assert due.days == PAYMENT_CONDITION_DAYS[str(row["invoice_payment_condition"])] >= 0


def test_healthy_data_is_complete(ds: Dataset) -> None:
    for connector in (SALES_ENTRIES, SALES_INVOICES):
        for row in rows(ds, connector):
            for key in MANDATORY:
                assert row[key] not in (None, ""), key
            assert any(row[k] for k in NAME_FIELDS)
            for key in EMAIL_FIELDS:
                assert row[key] is None or EMAIL.match(str(row[key])), row[key]
            assert row["debtor_email"]
            if row["debtor_is_company"]:
                assert row["debtor_company_name"]
            else:
                assert row["debtor_company_name"] is None
                assert row["debtor_firstname"] and row["debtor_lastname"]
            sms = row["debtor_sms_number"]
            assert sms is None or re.fullmatch(r"\+316\d{8}", str(sms))


def test_debtors_are_mostly_dutch_companies() -> None:
    entries = rows(build_dataset(entries=3000), SALES_ENTRIES)
    debtors = {r["debtor_code"]: r for r in entries}
    assert len(debtors) > 500
    companies = sum(bool(r["debtor_is_company"]) for r in debtors.values()) / len(debtors)
    assert 0.6 < companies < 0.8
    countries = Counter(r["debtor_post_country_code"] for r in debtors.values())
    assert set(countries) == {"NL", "BE", "DE", "FR", "GB"}
    assert 0.04 < 1 - countries["NL"] / len(debtors) < 0.13
    currencies = Counter(r["invoice_currency_code"] for r in entries)
    assert currencies["EUR"] > 0.95 * len(entries) and currencies["GBP"] > 0
    for row in debtors.values():
        country, language = row["debtor_post_country_code"], row["debtor_language_code"]
        if country == "NL":
            assert NL_POSTCODE.match(str(row["debtor_post_postalcode"]))
            assert language == "nl" and row["invoice_currency_code"] == "EUR"
        else:
            assert language in {"BE": {"nl", "fr"}, "DE": {"de"}, "FR": {"fr"}, "GB": {"en"}}[
                str(country)]
        if row["invoice_currency_code"] != "EUR":
            assert country == "GB"
    with_invoice_address = sum(bool(r["debtor_invoice_email"]) for r in debtors.values())
    assert 0.1 < with_invoice_address / len(debtors) < 0.7


def test_small_datasets_still_have_twenty_debtors() -> None:
    small = build_dataset(entries=10)
    assert len(rows(small, SALES_ENTRIES)) == 10
    assert len(rows(small, DISTRIBUTION_METHODS)) == 20
    assert rows(build_dataset(entries=0), SALES_ENTRIES) == []


# -- copy -----------------------------------------------------------------------------------


def test_copy_is_isolated(ds: Dataset) -> None:
    before = as_json(ds)
    copy = ds.copy()
    assert copy == ds
    table = copy.connectors[SALES_ENTRIES]
    table.rows[0]["invoice_number"] = "changed"
    table.rows.pop()
    table.fields.pop()
    table.id = "renamed"
    copy.connectors[PAYMENT_CONDITIONS].rows.append({"payment_condition_code": "N"})
    del copy.connectors[VERSTREKKING]
    copy.connectors["extra"] = ConnectorTable("extra", "extra", [], [])
    assert as_json(ds) == before
    assert ds.connectors[SALES_ENTRIES].id == SALES_ENTRIES
    a = rows(ds, SUBJECT_ATTACHMENTS)[0]
    assert copy.file(int(str(a["subject_id"])), str(a["file_id"])) == ds.file(
        int(str(a["subject_id"])), str(a["file_id"]))


# -- defects --------------------------------------------------------------------------------


def _no_email(row: Row) -> bool:
    return all(row[k] is None for k in EMAIL_FIELDS)


@pytest.mark.parametrize("entries", [150, 300])
def test_defects_exact_counts_in_both_connectors(entries: int) -> None:
    base = build_dataset(entries=entries)
    broken = base.copy()
    summary = inject_data_quality_defects(broken)
    first = sorted(str(r["invoice_number"]) for r in rows(base, SALES_ENTRIES))[:150]
    for connector in (SALES_ENTRIES, SALES_INVOICES):
        table = rows(broken, connector)
        mute = [r for r in table if _no_email(r)]
        assert len({r["debtor_code"] for r in mute}) == 3, connector
        assert sum(all(r[k] is None for k in NAME_FIELDS) for r in table) == 2
        assert sum(r["invoice_payment_condition"] == UNKNOWN_PAYMENT_CONDITION
                   for r in table) == 2
        assert sum(day(r["invoice_due_date"]) == day(r["invoice_date"]) - timedelta(days=10)
                   for r in table) == 2
        assert sum(day(r["invoice_due_date"]) < day(r["invoice_date"]) for r in table) == 2
        numbers = Counter(r["invoice_number"] for r in table)
        assert [n for n, c in numbers.items() if c > 1] == list(summary.duplicate_invoice_number)
        assert max(numbers.values()) == 2
        hostile = {r["debtor_code"] for r in table
                   if r["debtor_company_name"] == HOSTILE_COMPANY_NAME}
        assert hostile == {summary.hostile_debtor}
        assert sum(len(str(r["invoice_description"])) > 255 for r in table) == 1
    assert len(LONG_DESCRIPTION) == 300
    assert len(summary.missing_name) == len(summary.unknown_payment_condition) == 2
    assert len(summary.due_before_invoice) == 2 and len(summary.long_description) == 1
    assert len(summary.missing_email_debtors) == 3
    entries_rows = rows(broken, SALES_ENTRIES)
    assert {str(r["invoice_number"]) for r in entries_rows if _no_email(r)} == set(
        summary.missing_email)
    # Every defect sits among the first 150 entries, so a 200-row sample meets it.
    touched = {*summary.missing_email, *summary.missing_name, *summary.unknown_payment_condition,
               *summary.due_before_invoice, *summary.duplicate_invoice_number,
               *summary.replaced_invoice_number, *summary.hostile_company_name,
               *summary.long_description}
    assert touched <= set(first)
    changed = [i for i, (a, b) in enumerate(zip(rows(base, SALES_ENTRIES), entries_rows,
                                                strict=True)) if a != b]
    assert all(str(rows(base, SALES_ENTRIES)[i]["invoice_number"]) in first for i in changed)
    # The healthy base is untouched.
    assert not any(_no_email(r) for r in rows(base, SALES_ENTRIES))


def test_defects_are_deterministic() -> None:
    one, two = build_dataset().copy(), build_dataset().copy()
    assert inject_data_quality_defects(one) == inject_data_quality_defects(two)
    assert one == two


def test_defects_keep_the_connectors_consistent() -> None:
    broken = build_dataset().copy()
    inject_data_quality_defects(broken)
    invoices = rows(broken, SALES_INVOICES)
    entries = rows(broken, SALES_ENTRIES)
    for invoice, entry in ((i, e) for i in invoices for e in entries
                           if e["invoice_number"] == i["invoice_number"]
                           and e["invoice_date"] == i["invoice_date"]
                           and e["debtor_code"] == i["debtor_code"]):
        assert {k: v for k, v in invoice.items() if k in entry} == entry


def test_defects_refuse_a_too_small_dataset() -> None:
    with pytest.raises(ValueError, match="too small"):
        inject_data_quality_defects(build_dataset(entries=5).copy())


# -- scale ----------------------------------------------------------------------------------


@pytest.mark.slow
def test_two_hundred_thousand_entries_build_quickly() -> None:
    started = time.perf_counter()
    big = build_dataset(entries=200_000)
    elapsed = time.perf_counter() - started
    assert elapsed < 15, f"build took {elapsed:.1f} s"
    entries = rows(big, SALES_ENTRIES)
    assert len(entries) == 200_000
    assert len({r["invoice_number"] for r in entries}) == 200_000
    last = rows(big, SUBJECT_ATTACHMENTS)[-1]
    found = big.file(int(str(last["subject_id"])), str(last["file_id"]))
    assert found is not None
    assert_valid_pdf(found.data)
