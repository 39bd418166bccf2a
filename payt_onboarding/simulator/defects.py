"""Known data-quality defects for the "data_quality" scenario, injected into a healthy dataset.

Each defect is placed a fixed number of times, on invoices that are in both the sales entries
and the sales invoices connector and among the first 150 entries by invoice number, so that a
checker sampling 200 rows of either connector meets every defect.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from payt_onboarding.simulator.dataset import (
    DISTRIBUTION_METHODS,
    SALES_ENTRIES,
    SALES_INVOICES,
    VERSTREKKING,
    Dataset,
    date_value,
)

Row = dict[str, object]
T = TypeVar("T")

SAMPLE_SIZE = 150
UNKNOWN_PAYMENT_CONDITION = "X99"
HOSTILE_COMPANY_NAME = "<script>alert(\"x\")</script> & \"Zonen\" 'BV'"
# Exactly 300 characters: longer than the 255 Payt accepts.
LONG_DESCRIPTION = (
    "Levering en montage van kantoormeubilair volgens offerte 2026-1187, inclusief transport "
    "naar de tweede verdieping, afvoer van verpakkingsmateriaal, het stellen van alle "
    "bureaus en kasten, aansluiten van de elektrische zit-sta-bureaus en een korte instructie "
    "aan de medewerkers over het gebruik ervan."
)
_EMAIL_FIELDS = ("debtor_email", "debtor_invoice_email", "debtor_reminder_email")
_NAME_FIELDS = ("debtor_company_name", "debtor_firstname", "debtor_lastname")
# A fixed seed: which rows are hit depends on the dataset only, never on the run.
_PICK_SEED = 150


@dataclass(frozen=True)
class DefectSummary:
    """Invoice numbers (in the sales entries) affected by each defect kind."""

    missing_email: tuple[str, ...]  # every invoice of the debtors below
    missing_email_debtors: tuple[str, ...]  # debtor codes
    missing_name: tuple[str, ...]
    unknown_payment_condition: tuple[str, ...]
    due_before_invoice: tuple[str, ...]
    duplicate_invoice_number: tuple[str, ...]  # the number now carried by two rows
    replaced_invoice_number: tuple[str, ...]  # the number the second row had before
    hostile_company_name: tuple[str, ...]  # every invoice of the debtor below
    hostile_debtor: str
    long_description: tuple[str, ...]


def inject_data_quality_defects(ds: Dataset) -> DefectSummary:
    """Break `ds` in place, in both sales connectors alike, and say where."""
    entries = ds.connectors[SALES_ENTRIES].rows
    twins = {str(r["invoice_number"]): r for r in ds.connectors[SALES_INVOICES].rows}
    pool = sorted(entries, key=lambda r: str(r["invoice_number"]))[:SAMPLE_SIZE]
    rng = random.Random(_PICK_SEED)

    def rows_of(debtor: str) -> list[Row]:
        return [r for r in pool if r["debtor_code"] == debtor]

    mute = rng.sample(_debtor_candidates(entries, pool, twins), 3)
    companies = [d for d in _debtor_candidates(entries, pool, twins)
                 if d not in mute and all(r["debtor_is_company"] for r in rows_of(d))]
    hostile = _need(companies, 1, "company debtors")[0]
    free = [r for r in pool if str(r["invoice_number"]) in twins
            and r["debtor_code"] not in (*mute, hostile)]
    picked = rng.sample(_need(free, 8, "invoices"), 8)
    nameless, unknown, early = picked[0:2], picked[2:4], picked[4:6]
    source, verbose = picked[6], picked[7]
    # Invoice numbers are unique per administration only: the twin must share source's.
    same = [r for r in free if r not in picked
            and r["administration_code"] == source["administration_code"]]
    target = rng.choice(_need(same, 1, "invoices in one administration"))

    muted_rows = [r for d in mute for r in rows_of(d)]
    hostile_rows = rows_of(hostile)
    summary = DefectSummary(
        missing_email=_numbers(muted_rows),
        missing_email_debtors=tuple(mute),
        missing_name=_numbers(nameless),
        unknown_payment_condition=_numbers(unknown),
        due_before_invoice=_numbers(early),
        duplicate_invoice_number=_numbers([source]),
        replaced_invoice_number=_numbers([target]),
        hostile_company_name=_numbers(hostile_rows),
        hostile_debtor=hostile,
        long_description=_numbers([verbose]),
    )
    for row in muted_rows:
        _change(row, twins, dict.fromkeys(_EMAIL_FIELDS))
    # Mute on the Digital tab too: a debtor with an address there does get e-mail.
    for connector in (DISTRIBUTION_METHODS, VERSTREKKING):
        for row in ds.connectors[connector].rows:
            if row["debtor_code"] in mute:
                row.update({f: None for f in _EMAIL_FIELDS if f in row})
    for row in nameless:
        _change(row, twins, dict.fromkeys(_NAME_FIELDS))
    for row in unknown:
        _change(row, twins, {"invoice_payment_condition": UNKNOWN_PAYMENT_CONDITION})
    for row in early:
        day = date.fromisoformat(str(row["invoice_date"])[:10]) - timedelta(days=10)
        _change(row, twins, {"invoice_due_date": date_value(day)})
    for row in hostile_rows:
        _change(row, twins, {"debtor_company_name": HOSTILE_COMPANY_NAME})
    _change(verbose, twins, {"invoice_description": LONG_DESCRIPTION})
    # Last: it changes the key by which `twins` finds the sales invoice.
    _change(target, twins, {"invoice_number": source["invoice_number"]})
    return summary


def _debtor_candidates(entries: list[Row], pool: list[Row], twins: dict[str, Row]) -> list[str]:
    """Debtors whose every entry lies in the pool and who have an order-management invoice.

    Whole debtors, so no e-mail-less debtor still shows an address on a later row.
    """
    total: dict[object, int] = {}
    for row in entries:
        total[row["debtor_code"]] = total.get(row["debtor_code"], 0) + 1
    in_pool: dict[object, int] = {}
    for row in pool:
        in_pool[row["debtor_code"]] = in_pool.get(row["debtor_code"], 0) + 1
    ordered = dict.fromkeys(
        str(r["debtor_code"]) for r in pool if str(r["invoice_number"]) in twins
    )
    return _need([d for d in ordered if in_pool[d] == total[d]], 4, "debtors")


def _need(items: list[T], count: int, what: str) -> list[T]:
    if len(items) < count:
        raise ValueError(f"the dataset is too small for the defects: {len(items)} {what} "
                         f"available, {count} needed")
    return items


def _change(row: Row, twins: dict[str, Row], values: dict[str, object]) -> None:
    twin = twins.get(str(row["invoice_number"]))
    row.update(values)
    if twin is not None:
        twin.update(values)


def _numbers(rows: Iterable[Row]) -> tuple[str, ...]:
    return tuple(str(r["invoice_number"]) for r in rows)
