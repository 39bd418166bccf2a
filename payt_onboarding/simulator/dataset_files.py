"""Dossier files (PDF attachments), rendered only when someone asks for one.

A dataset of 200,000 entries has well over 100,000 attachments; holding all PDFs would cost
hundreds of megabytes, so `FileStore` keeps references to the rows and renders on request.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from payt_onboarding.simulator.dataset_names import CONDITIONS_TERMS
from payt_onboarding.simulator.dataset_pdf import money, pdf_document

Row = dict[str, object]


class FileStore:
    """Finds and renders the attachment `(subject_id, file_id)` from the rows it was given.

    The rows are the original dataset's; copies share the store, so files reflect the data as
    built, whatever a scenario later does to a copy.
    """

    def __init__(
        self,
        attachments: Sequence[Row] = (),
        invoices: Sequence[Row] = (),
        lines: Sequence[Row] = (),
        admin_names: dict[str, str] | None = None,
    ) -> None:
        self._attachments = attachments
        self._invoices = invoices
        self._lines = lines
        self._admin_names = admin_names or {}
        self._lock = threading.Lock()
        self._by_file: dict[str, Row] | None = None
        self._by_subject: dict[int, Row] = {}
        self._lines_of: dict[tuple[object, object], list[Row]] = {}

    def get(self, subject_id: int, file_id: str) -> tuple[str, bytes] | None:
        """(file name, PDF bytes), or None when the dossier item holds no such file."""
        by_file = self._index()
        attachment = by_file.get(file_id)
        if attachment is None or attachment["subject_id"] != subject_id:
            return None
        invoice = self._by_subject.get(subject_id)
        if invoice is None:
            return None
        name = str(attachment["file_name"])
        return name, self._render(name, invoice)

    def _index(self) -> dict[str, Row]:
        # Built on the first request only; the simulator serves from several threads.
        with self._lock:
            if self._by_file is None:
                self._by_subject = {
                    int(str(r["invoice_dossier_item_extra"])): r for r in self._invoices
                }
                for line in self._lines:
                    key = (line["administration_code"], line["invoice_number"])
                    self._lines_of.setdefault(key, []).append(line)
                self._by_file = {str(a["file_id"]): a for a in self._attachments}
            return self._by_file

    def _render(self, name: str, invoice: Row) -> bytes:
        lines = self._lines_of.get((invoice["administration_code"], invoice["invoice_number"]), [])
        stem = name.removesuffix(".pdf")
        if stem.startswith("Factuur "):
            return pdf_document(stem, self._invoice_text(invoice, lines))
        if stem.startswith("Werkbon "):
            return pdf_document(stem, self._work_order_text(invoice, lines))
        if stem.startswith("Pakbon "):
            return pdf_document(stem, self._packing_slip_text(invoice, lines))
        return pdf_document(stem, [self._seller(invoice), "", *CONDITIONS_TERMS])

    def _seller(self, invoice: Row) -> str:
        return self._admin_names.get(str(invoice["administration_code"]), "")

    def _invoice_text(self, invoice: Row, lines: list[Row]) -> list[str]:
        currency = str(invoice["invoice_currency_code"])
        total = _amount(invoice["invoice_total_amount_inc_vat"])
        text = [self._seller(invoice), "", *_address_block(invoice), ""]
        if total < 0:
            text.append("CREDITNOTA")
        text += [
            f"Debiteurnummer: {invoice['debtor_code']}",
            f"Factuurdatum: {_dutch_date(invoice['invoice_date'])}",
            f"Vervaldatum: {_dutch_date(invoice['invoice_due_date'])}",
            f"Omschrijving: {invoice['invoice_description']}",
            "",
        ]
        for line in lines:
            text.append(
                f"{line['line_order']}. {line['line_description']}: "
                f"{_quantity(line['product_quantity'])} x "
                f"{money(_amount(line['product_price']), currency)}, "
                f"btw {_quantity(line['vat_percentage'])}%: "
                f"{money(_amount(line['total_incl_tax_amount']), currency)}"
            )
        text += ["", f"Totaal incl. btw: {money(total, currency)}",
                 f"Betalingsvoorwaarde: {invoice['invoice_payment_condition']}"]
        return text

    def _work_order_text(self, invoice: Row, lines: list[Row]) -> list[str]:
        return [
            self._seller(invoice),
            f"Klant: {_name(invoice)}",
            f"Bij factuur {invoice['invoice_number']}",
            "",
            "Uitgevoerde werkzaamheden:",
            *(f"- {line['line_description']}" for line in lines),
            "",
            "Handtekening klant: ______________________",
        ]

    def _packing_slip_text(self, invoice: Row, lines: list[Row]) -> list[str]:
        return [
            self._seller(invoice),
            "",
            *_address_block(invoice),
            "",
            f"Order {invoice['order_number']}",
            *(f"{_quantity(line['product_quantity'])} x {line['line_description']}"
              for line in lines),
        ]


def _name(row: Row) -> str:
    if row["debtor_company_name"]:
        return str(row["debtor_company_name"])
    return " ".join(str(row[k]) for k in ("debtor_firstname", "debtor_lastname") if row[k])


def _address_block(row: Row) -> list[str]:
    keys = ("debtor_post_street_1", "debtor_post_street_2")
    return [
        _name(row),
        *(str(row[k]) for k in keys if row[k]),
        f"{row['debtor_post_postalcode']} {row['debtor_post_city']}",
        str(row["debtor_post_country_code"]),
    ]


def _amount(value: object) -> float:
    return value if isinstance(value, float) else 0.0


def _quantity(value: object) -> str:
    number = _amount(value)
    return f"{number:g}".replace(".", ",")


def _dutch_date(value: object) -> str:
    text = str(value)  # "YYYY-MM-DDT00:00:00Z"
    return f"{text[8:10]}-{text[5:7]}-{text[0:4]}"
