"""Which unused AFAS fields are offered for a missing Payt field."""

from __future__ import annotations

from payt_onboarding.afas.models import ConnectorMetadata, FieldInfo
from payt_onboarding.checks.fields import candidates, plan_fields
from payt_onboarding.requirements.model import ConnectorRequirement, FieldRequirement, PaytType


def _requirement(*fields: tuple[str, PaytType]) -> ConnectorRequirement:
    return ConnectorRequirement(
        role="sales_entries", title="Verkoopboekingen", connector="Payt_sales_entries_v12",
        match="Payt_sales_entries", source="guide",
        fields=tuple(FieldRequirement(name=n, type=t, mandatory=True, source="guide")
                     for n, t in fields))


def _metadata(*fields: tuple[str, str, str]) -> ConnectorMetadata:
    return ConnectorMetadata(name="Payt_sales_entries_v12", fields=tuple(
        FieldInfo(id=i, dataType=t, label=label) for i, t, label in fields))


def _offer(requirement: ConnectorRequirement, metadata: ConnectorMetadata, name: str) -> list[str]:
    planned = plan_fields(requirement, metadata)
    want = next(f for f in requirement.fields if f.name == name)
    return [f.id for f in candidates(want, metadata, planned)]


def test_the_type_decides_for_a_date_and_used_fields_are_never_offered() -> None:
    req = _requirement(("invoice_date", "date"), ("invoice_due_date", "date"))
    meta = _metadata(("invoice_date", "date", "Factuurdatum"), ("Vervaldatum", "date", ""),
                     ("Omschrijving", "string", ""), ("Bedrag", "decimal", ""))
    assert _offer(req, meta, "invoice_due_date") == ["Vervaldatum"]


def test_text_needs_a_look_alike_name_when_many_fields_are_free() -> None:
    req = _requirement(("debtor_post_country_code", "country_code"))
    meta = _metadata(("Omschrijving", "string", "Omschrijving"), ("Plaats", "string", "Plaats"),
                     ("Straat", "string", "Straat"), ("Huisnummer", "string", "Huisnummer"),
                     ("LandCode", "string", "Land"))
    assert _offer(req, meta, "debtor_post_country_code") == ["LandCode"]


def test_at_most_three_and_the_most_alike_first() -> None:
    req = _requirement(("invoice_total_amount_inc_vat", "decimal"))
    meta = _metadata(("Korting", "decimal", ""), ("Btw", "decimal", ""),
                     ("TotaalBedrag", "decimal", "Totaal amount incl vat"),
                     ("Marge", "decimal", ""), ("Naam", "string", ""))
    offer = _offer(req, meta, "invoice_total_amount_inc_vat")
    assert len(offer) == 3 and offer[0] == "TotaalBedrag"
    assert "Naam" not in offer


def test_a_field_id_differing_only_in_case_is_not_the_field_payt_reads() -> None:
    req = _requirement(("invoice_number", "text"))
    meta = _metadata(("Invoice_Number", "string", "Factuurnummer"))
    [plan] = plan_fields(req, meta)
    assert plan.status == "missing"
    assert _offer(req, meta, "invoice_number") == ["Invoice_Number"]  # offered as the fix
    [mapped] = plan_fields(req, meta, {"invoice_number": "invoice_NUMBER"})
    assert (mapped.status, mapped.afas and mapped.afas.id) == ("mapped", "Invoice_Number")


def test_an_afas_memo_field_carries_text_and_email() -> None:
    req = _requirement(("invoice_description", "text"), ("debtor_email", "email"))
    meta = _metadata(("invoice_description", "blob", "Omschrijving"),
                     ("debtor_email", "blob", "E-mail"))
    assert [p.status for p in plan_fields(req, meta)] == ["ok", "ok"]
