"""Large inputs: judging rows is linear, and folding them page by page judges them as a whole.

The large test takes about a second; with a quadratic step anywhere it would take hours (no
timing asserts: the size is the test).
"""

from __future__ import annotations

from typing import Any

from payt_onboarding.afas.models import ConnectorMetadata, FieldInfo
from payt_onboarding.checks.fields import plan_fields
from payt_onboarding.checks.fold import RoleFold, fold_rows
from payt_onboarding.checks.rules import LOOKUP, apply_rules
from payt_onboarding.requirements.load import load_requirements
from payt_onboarding.requirements.model import ConnectorRequirement

REQUIREMENTS = load_requirements()
MANY = 100_000
AFAS_TYPES = {"text": "string", "integer": "int", "decimal": "decimal", "boolean": "boolean",
              "date": "date", "country_code": "string", "currency_code": "string",
              "email": "string"}


def _requirement(role: str) -> ConnectorRequirement:
    return next(c for c in REQUIREMENTS.connectors if c.role == role)


def _fold(role: str, rows: list[dict[str, Any]], page: int) -> RoleFold:
    requirement = _requirement(role)
    metadata = ConnectorMetadata(name=requirement.connector, fields=tuple(
        FieldInfo(id=f.name, dataType=AFAS_TYPES[f.type]) for f in requirement.fields))
    fold = RoleFold(requirement, requirement.connector, plan_fields(requirement, metadata),
                    REQUIREMENTS.rules)
    for start in range(0, len(rows), page):
        fold.add(rows[start:start + page])
    return fold


def _invoice(n: int) -> dict[str, Any]:
    """Every invoice its own number, debtor and dossier item; a few are flawed."""
    return {
        "administration_code": "01" if n % 2 else "02", "invoice_number": f"F{n:07d}",
        "invoice_date": f"2026-{n % 12 + 1:02d}-01T00:00:00Z",
        "invoice_due_date": "2026-01-01T00:00:00Z" if n % 1000 == 999 else "2026-12-31",
        "invoice_total_amount_inc_vat": n, "invoice_open_amount_inc_vat": n,
        "invoice_currency_code": "EUR" if n % 5000 else "EURO",
        "invoice_payment_condition": f"PC{n % 7}",
        "invoice_dossier_item_extra": n if n % 3 else None,
        "debtor_code": f"D{n}", "debtor_company_name": None if n % 10_000 == 1 else f"Firma {n}",
        "debtor_email": f"debiteur{n}@example.nl" if n % 4 else None,
        "debtor_post_street_1": "Straat 1", "debtor_post_postalcode": "1234 AB",
        "debtor_post_city": "Plaats", "debtor_post_country_code": "NL",
    }


def test_a_hundred_thousand_distinct_invoices_are_judged_in_one_pass() -> None:
    rows = [_invoice(n) for n in range(MANY)]
    rows.append(_invoice(5))  # one invoice number twice, at the very end
    fold = _fold("sales_invoices", rows, 1000)
    assert fold.rows == MANY + 1
    assert fold.stats["invoice_currency_code"].invalid.count == MANY // 5000
    assert fold.stats["invoice_dossier_item_extra"].empty.count == 33_334  # 0, 3, ... 99999
    assert fold.stats["debtor_email"].filled == 75_001  # three in four, and invoice 5 again
    assert list(fold.links) == ["1", "2", "4", "5", "7", "8", "10", "11", "13", "14"]
    assert len(fold.links) == LOOKUP

    found = {f.code: f for f in apply_rules(REQUIREMENTS.rules, {
        "sales_invoices": fold.data(complete=True)}, "en")}
    duplicate = found["reference.duplicate_invoice_number"]
    assert (duplicate.count, duplicate.examples) == (1, ("01/F0000005",))
    due = found["value.due_before_invoice_date"]
    assert due.count == MANY // 1000
    assert due.examples[0] == "F0000999"
    nameless = found["debtor.name_missing"]
    assert nameless.count == MANY // 10_000
    assert nameless.examples[:2] == ("F0000001", "F0010001")


def test_pages_of_any_size_judge_the_rows_as_one_list() -> None:
    rows = [_invoice(n) for n in range(3000)]
    rows += [{**_invoice(n), "debtor_company_name": " ", "invoice_date": "gisteren",
              "debtor_post_country_code": None} for n in range(40)]  # flaws and repeats late
    role = "sales_entries"
    whole = _fold(role, rows, len(rows))
    for page in (1, 7, 1000):
        folded = _fold(role, rows, page)
        assert {name: vars(s) | {"empty": vars_(s.empty), "too_long": vars_(s.too_long),
                                 "invalid": vars_(s.invalid)}
                for name, s in folded.stats.items()} == {
            name: vars(s) | {"empty": vars_(s.empty), "too_long": vars_(s.too_long),
                             "invalid": vars_(s.invalid)}
            for name, s in whole.stats.items()}
        assert apply_rules(REQUIREMENTS.rules, {role: folded.data(True)}, "nl") == apply_rules(
            REQUIREMENTS.rules, {role: whole.data(True)}, "nl")
    assert apply_rules(REQUIREMENTS.rules, {role: whole.data(True)}, "nl")


def vars_(tally: Any) -> tuple[int, list[str]]:
    return tally.count, tally.examples


def test_folding_no_rows_finds_nothing() -> None:
    fold = fold_rows(_requirement("sales_entries"), "Payt_sales_entries_v12", [],
                     REQUIREMENTS.rules, [])
    assert fold.rows == 0 and fold.stats == {}
    assert apply_rules(REQUIREMENTS.rules, {"sales_entries": fold.data(True)}, "nl") == []
