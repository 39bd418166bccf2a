"""The simulator's data: Payt's GetConnectors filled with a seeded, realistic Dutch dataset.

Healthy by design: every mandatory value is filled, codes reference existing rows and amounts
add up, so a checker finds nothing wrong. `defects.py` breaks it on purpose.
Deterministic: one `random.Random(seed)` draws everything, and dates are relative to
`reference_date`, never to today.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from payt_onboarding.simulator import dataset_fields as specs
from payt_onboarding.simulator.dataset_debtors import Debtor, FastRandom, make_debtors
from payt_onboarding.simulator.dataset_fields import DataType
from payt_onboarding.simulator.dataset_files import FileStore
from payt_onboarding.simulator.dataset_names import (
    CREDIT_DESCRIPTIONS,
    EXTRA_ATTACHMENTS,
    MONTHS,
    ORDER_DESCRIPTIONS,
    OTHER_DESCRIPTIONS,
    PRODUCTS,
)

__all__ = [
    "ADMINISTRATIONS", "CONNECTOR_IDS", "DISTRIBUTION_METHODS", "INVOICE_LINES",
    "PAYMENT_CONDITIONS", "PAYMENT_CONDITION_DAYS", "SALES_ENTRIES", "SALES_INVOICES",
    "SUBJECT_ATTACHMENTS", "VERSTREKKING", "AttachmentFile", "ConnectorTable", "DataType",
    "Dataset", "Field", "build_dataset", "date_value",
]

ADMINISTRATIONS = "Payt_administrations"
PAYMENT_CONDITIONS = "Payt_payment_conditions"
SALES_ENTRIES = "Payt_sales_entries_v12"
DISTRIBUTION_METHODS = "Payt_distribution_methods"
SALES_INVOICES = "Payt_sales_invoices_for_cp_ordermanagement_v11"
SUBJECT_ATTACHMENTS = "Payt_subject_attachments"
INVOICE_LINES = "Payt_Verkoopfactuurregels"
VERSTREKKING = "Payt_verstrekking"
CONNECTOR_IDS = (
    ADMINISTRATIONS, PAYMENT_CONDITIONS, SALES_ENTRIES, DISTRIBUTION_METHODS, SALES_INVOICES,
    SUBJECT_ATTACHMENTS, INVOICE_LINES, VERSTREKKING,
)

# code -> (description, days until due); "AI" (direct debit) is collected after 14 days.
_CONDITIONS = {
    "0": ("Contant", 0), "8": ("8 dagen netto", 8), "14": ("14 dagen netto", 14),
    "30": ("30 dagen netto", 30), "60": ("60 dagen netto", 60), "AI": ("Automatische incasso", 14),
}
PAYMENT_CONDITION_DAYS = {code: days for code, (_, days) in _CONDITIONS.items()}
_ADMINISTRATION_NAMES = (
    "Groothandel Van der Berg B.V.", "Installatiebedrijf De Vries B.V.",
    "Van Dijk Techniek Holding B.V.", "Bakker Logistiek B.V.", "Mulder & Zonen Bouw B.V.",
    "Hendriks Facilitair B.V.", "De Groot Kantoorinrichting B.V.",
)
_VAT_CODES = {21: "1", 9: "2", 0: "3"}  # high, low, zero (export / intra-community)
_LINE_COUNTS = (1, 1, 1, 1, 2, 2, 2, 3, 3, 4)  # drawn by index: cheaper than choices()
_FIRST_SUBJECT_ID = 10001


@dataclass(frozen=True)
class Field:
    id: str  # the name used in rows; here always the Payt field name
    data_type: DataType
    label: str  # Dutch UI label
    length: int  # max length for strings, 0 otherwise
    field_id: str  # AFAS-internal column code
    decimals: int = 0


@dataclass
class ConnectorTable:
    id: str
    description: str
    fields: list[Field]
    rows: list[dict[str, object]]


@dataclass(frozen=True)
class AttachmentFile:
    filename: str
    mimetype: str
    data: bytes


@dataclass
class Dataset:
    connectors: dict[str, ConnectorTable]
    _files: FileStore = field(default_factory=FileStore, repr=False, compare=False)

    def file(self, subject_id: int, file_id: str) -> AttachmentFile | None:
        """The dossier file, rendered now; None if the dossier item has no such file."""
        found = self._files.get(subject_id, file_id)
        if found is None:
            return None
        return AttachmentFile(found[0], "application/pdf", found[1])

    def copy(self) -> Dataset:
        """Tables, field lists and rows copied, so a scenario can change them; files shared."""
        tables = {
            key: ConnectorTable(t.id, t.description, list(t.fields), [dict(r) for r in t.rows])
            for key, t in self.connectors.items()
        }
        return Dataset(tables, self._files)


def date_value(day: date) -> str:
    """A date as AFAS REST sends it."""
    return f"{day.isoformat()}T00:00:00Z"


def build_dataset(
    seed: int = 20261125, entries: int = 300, reference_date: date = date(2026, 11, 25)
) -> Dataset:
    """`entries` sales entries, about 2/3 of them from order management, and all around them."""
    rng = FastRandom(seed)
    names = rng.sample(_ADMINISTRATION_NAMES, 3)
    admins = {f"{i:02d}": name for i, name in enumerate(names, start=1)}
    debtors = make_debtors(rng, max(20, entries // 3), list(admins))
    built = _Builder(rng, reference_date, debtors, entries)
    built.run()
    tables = [
        _table(ADMINISTRATIONS, specs.ADMINISTRATION, [
            {"administration_name": name, "administration_code": code,
             "administration_origin_id": str(int(code))}
            for code, name in admins.items()
        ]),
        _table(PAYMENT_CONDITIONS, specs.PAYMENT_CONDITION, [
            {"payment_condition_code": code, "payment_condition_description": text}
            for code, (text, _) in _CONDITIONS.items()
        ]),
        _table(SALES_ENTRIES, specs.SALES_ENTRY, built.entries),
        _table(DISTRIBUTION_METHODS, specs.DISTRIBUTION, _distribution_rows(debtors),
               "Payt_distribution_methods - Extended v2.0 - Tab Digital"),
        _table(SALES_INVOICES, specs.SALES_INVOICE, built.invoices),
        _table(SUBJECT_ATTACHMENTS, specs.ATTACHMENT, built.attachments),
        _table(INVOICE_LINES, specs.INVOICE_LINE, built.lines),
        _table(VERSTREKKING, specs.VERSTREKKING, built.verstrekking),
    ]
    files = FileStore(built.attachments, built.invoices, built.lines, admins)
    return Dataset({t.id: t for t in tables}, files)


def _table(
    connector: str, spec: tuple[specs.Spec, ...], rows: list[dict[str, object]],
    description: str | None = None,
) -> ConnectorTable:
    fields = [Field(i, kind, label, length, fid, dec) for i, kind, label, length, fid, dec in spec]
    return ConnectorTable(connector, description or connector, fields, rows)


def _distribution_rows(debtors: list[Debtor]) -> list[dict[str, object]]:
    return [
        {
            "administration_code": d.administration_code,
            "debtor_code": d.code,
            "distribution_method": d.distribution,
            "debtor_invoice_email": d.fields["debtor_invoice_email"],
            "debtor_reminder_email": d.fields["debtor_reminder_email"],
        }
        for d in debtors
    ]


def _months_back(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, 28))


# (description, quantity, price in cents, VAT %, excl. in cents, incl. in cents)
Line = tuple[str, float, int, int, int, int]


class _Builder:
    """Generates the invoice-level connectors in one pass over the entries."""

    def __init__(
        self, rng: random.Random, reference: date, debtors: list[Debtor], count: int
    ) -> None:
        self.rng = rng
        self.reference = reference
        self.debtors = debtors
        self.count = count
        self.entries: list[dict[str, object]] = []
        self.invoices: list[dict[str, object]] = []
        self.lines: list[dict[str, object]] = []
        self.attachments: list[dict[str, object]] = []
        self.verstrekking: list[dict[str, object]] = []
        self._days: dict[int, tuple[str, dict[str, object]]] = {}
        self._codes = list(_CONDITIONS)

    def run(self) -> None:
        for number, ordinal in self._numbered_dates():
            self._entry(number, ordinal)

    def _numbered_dates(self) -> list[tuple[str, int]]:
        """Invoice dates, oldest first, with invoice numbers that ascend with them."""
        end = self.reference.toordinal()
        span = end - _months_back(self.reference, 18).toordinal()
        # Skewed towards recent dates: older invoices are more often paid and gone.
        ordinals = sorted(end - int(span * self.rng.random() ** 1.6) for _ in range(self.count))
        first_offset = self.rng.randrange(1000, 4000)  # the oldest year started before our window
        width = max(5, len(str(self.count + 4000)))
        counters: dict[int, int] = {}
        numbered = []
        for ordinal in ordinals:
            year = date.fromordinal(ordinal).year
            seq = counters.get(year, first_offset if not counters else 0) + 1
            counters[year] = seq
            numbered.append((f"{year}{seq:0{width}d}", ordinal))
        return numbered

    def _day(self, ordinal: int) -> tuple[str, dict[str, object]]:
        """The AFAS date text and the description placeholders of a day, cached per day."""
        cached = self._days.get(ordinal)
        if cached is None:
            day = date.fromordinal(ordinal)
            parts: dict[str, object] = {
                "w": day.isocalendar().week, "m": MONTHS[day.month - 1],
                "q": (day.month - 1) // 3 + 1, "y": day.year,
            }
            cached = self._days[ordinal] = (date_value(day), parts)
        return cached

    def _entry(self, number: str, ordinal: int) -> None:
        rng = self.rng
        debtor = self.debtors[int(len(self.debtors) * rng.random() ** 1.2)]
        condition = debtor.payment_condition if rng.random() < 0.9 else rng.choice(self._codes)
        from_order = rng.random() < 2 / 3
        credit = rng.random() < 0.03
        lines = self._lines(debtor.vat_free, credit)
        total = sum(line[5] for line in lines)
        order = f"VO{250000 + len(self.invoices)}" if from_order else None
        row: dict[str, object] = {
            "administration_code": debtor.administration_code,
            "invoice_number": number,
            "invoice_date": self._day(ordinal)[0],
            "invoice_due_date": self._day(ordinal + PAYMENT_CONDITION_DAYS[condition])[0],
            "invoice_total_amount_inc_vat": total / 100,
            "invoice_open_amount_inc_vat": self._open(total, credit) / 100,
            "invoice_currency_code": debtor.currency,
            "invoice_description": self._description(ordinal, order, credit),
            "invoice_payment_condition": condition,
        }
        row.update(debtor.fields)
        self.entries.append(row)
        if order is not None:
            self._invoice(row, order, lines, debtor)

    def _open(self, total: int, credit: bool) -> int:
        if credit or self.rng.random() >= 0.12:
            return total
        paid = total * self.rng.randint(10, 90) // 100  # a partial payment
        return min(max(total - paid, 1), total)

    def _description(self, ordinal: int, order: str | None, credit: bool) -> str:
        pool = (CREDIT_DESCRIPTIONS if credit
                else ORDER_DESCRIPTIONS if order else OTHER_DESCRIPTIONS)
        template = pool[int(len(pool) * self.rng.random())]
        return template.format(o=order, **self._day(ordinal)[1])

    def _lines(self, vat_free: bool, credit: bool) -> list[Line]:
        rng = self.rng
        result = []
        for _ in range(_LINE_COUNTS[int(10 * rng.random())]):
            text, low, high, vat, quantities = PRODUCTS[int(len(PRODUCTS) * rng.random())]
            quantity = quantities[int(len(quantities) * rng.random())]
            price = rng.randint(low // 5, high // 5) * 5
            vat = 0 if vat_free else vat
            # Whole cents, rounded half up; quantities are multiples of 0.5.
            excl = (int(quantity * 2) * price + 1) // 2
            incl = excl + (excl * vat + 50) // 100
            sign = -1 if credit else 1
            result.append((text, sign * quantity, price, vat, sign * excl, sign * incl))
        return result

    def _invoice(self, entry: dict[str, object], order: str, lines: list[Line],
                 debtor: Debtor) -> None:
        subject = _FIRST_SUBJECT_ID + len(self.invoices)
        row = dict(entry)
        row["order_number"] = order
        row["invoice_dossier_item_extra"] = subject
        self.invoices.append(row)
        admin, number = entry["administration_code"], entry["invoice_number"]
        for index, (text, quantity, price, vat, excl, incl) in enumerate(lines, start=1):
            self.lines.append({
                "administration_code": admin, "invoice_number": number, "line_order": index,
                "line_description": text, "product_quantity": quantity,
                "product_price": price / 100, "vat_rate_code": _VAT_CODES[vat],
                "vat_percentage": float(vat), "total_excl_tax_amount": excl / 100,
                "total_incl_tax_amount": incl / 100,
            })
        self._attach(subject, f"Factuur {number}.pdf")
        if self.rng.random() < 0.1:
            self._attach(subject, self._extra_name(order))
        if debtor.distribution != "Post":
            self.verstrekking.append({
                "administration_code": admin, "debtor_code": debtor.code,
                "invoice_number": number,
                "debtor_invoice_email": (entry["debtor_invoice_email"]
                                         or entry["debtor_email"]),
                "debtor_reminder_email": entry["debtor_reminder_email"],
            })

    def _extra_name(self, order: str) -> str:
        kind = EXTRA_ATTACHMENTS[int(len(EXTRA_ATTACHMENTS) * self.rng.random())]
        if kind == "Werkbon":
            return f"Werkbon {7000 + len(self.attachments)}.pdf"
        if kind == "Pakbon":
            return f"Pakbon {order}.pdf"
        return f"{kind}.pdf"

    def _attach(self, subject: int, name: str) -> None:
        self.attachments.append({
            "attachment_id": len(self.attachments) + 1,
            "subject_id": subject,
            "file_id": f"{self.rng.getrandbits(128):032X}",
            "file_name": name,
        })
