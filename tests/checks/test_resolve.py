"""Which connector of the AppConnector plays each role."""

from __future__ import annotations

import pytest

from payt_onboarding.afas.models import ConnectorRef
from payt_onboarding.checks.resolve import Resolution, resolve
from payt_onboarding.requirements.load import load_requirements

REQUIREMENTS = {c.role: c for c in load_requirements().connectors}


def pick(role: str, *ids: str | tuple[str, str], chosen: str | None = None) -> Resolution:
    refs = [ConnectorRef(id=i) if isinstance(i, str) else ConnectorRef(id=i[0], description=i[1])
            for i in ids]
    return resolve(REQUIREMENTS[role], refs, chosen)


@pytest.mark.parametrize(("ids", "expected"), [
    (("Payt_administrations_test", "Payt_administrations"), "Payt_administrations"),
    (("PAYT_ADMINISTRATIONS",), "PAYT_ADMINISTRATIONS"),
    (("Payt_administrations_test",), "Payt_administrations_test"),  # nothing exact: a copy
    ((("Klant_admin", "Payt_administrations"),), "Klant_admin"),  # by description
])
def test_an_exact_name_wins_over_a_look_alike(ids: tuple[str, ...], expected: str) -> None:
    assert pick("administrations", *ids).connector_id == expected


def test_the_newest_version_wins_and_an_older_copy_does_not_count() -> None:
    role = "sales_entries"
    assert pick(role, "Payt_sales_entries_v12", "Payt_sales_entries_v13").connector_id == (
        "Payt_sales_entries_v13")
    assert pick(role, "Payt_sales_entries_v12", "Payt_sales_entries_v12_oud").connector_id == (
        "Payt_sales_entries_v12")


def test_an_older_version_beside_a_look_alike_is_reported_outdated() -> None:
    found = pick("sales_entries", "Payt_sales_entries_v11", "Payt_sales_entries_regels")
    assert (found.connector_id, found.outdated) == (None, "Payt_sales_entries_v11")


def test_a_chosen_connector_is_taken_as_is_or_missing() -> None:
    assert pick("invoice_lines", "Klant_regels", chosen="klant_REGELS").connector_id == (
        "Klant_regels")
    assert pick("invoice_lines", "Payt_Verkoopfactuurregels",
                chosen="Klant_regels").connector_id is None
