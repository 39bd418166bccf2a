"""A check kept as a session: a mapping judged again from the rows read, one connector retested."""

from __future__ import annotations

from typing import Any

from payt_onboarding.checks.engine import KEPT_ROWS, CheckOptions, CheckSession, run_session
from payt_onboarding.report.model import Report
from payt_onboarding.report.render_json import render_json
from payt_onboarding.report.render_text import render_text
from payt_onboarding.requirements.load import load_requirements
from payt_onboarding.simulator.server import SimulatorServer
from tests.support.afas import make_client, run

REQUIREMENTS = load_requirements()
SALES = "sales_entries"


def session(server: SimulatorServer, **options: Any) -> CheckSession:
    async def go() -> CheckSession:
        async with make_client(server) as client:
            return await run_session(client, REQUIREMENTS, environment_name="production",
                                     options=CheckOptions(**options))
    return run(go())


def field(report: Report, role: str, name: str) -> Any:
    connector = next(c for c in report.connectors if c.role == role)
    return next(f for f in connector.fields if f.payt_field == name)


def missing(report: Report) -> set[tuple[str | None, str | None]]:
    return {(f.role, f.field) for f in report.findings if f.code == "field.missing"}


def comparable(report: Report) -> list[tuple[Any, ...]]:
    return sorted((f.code, f.severity, f.role, f.field, f.count, f.examples)
                  for f in report.findings)


def test_a_mapping_is_judged_from_the_rows_already_read(simulator: Any) -> None:
    server = simulator("fields_missing")
    checked = session(server)
    before = checked.report()
    assert field(before, SALES, "invoice_due_date").status == "missing"
    assert (SALES, "invoice_due_date") in missing(before)
    requests = len(server.paths())

    checked.remap(SALES, "invoice_due_date", "VervalDatum")
    checked.remap(SALES, "debtor_post_country_code", "LandCode")
    after = checked.report()

    assert len(server.paths()) == requests  # nothing asked of AFAS again
    due = field(after, SALES, "invoice_due_date")
    assert (due.status, due.afas_field) == ("mapped", "VervalDatum")
    assert due.fill_rate == 1.0 and due.samples
    assert missing(after) == {("administrations", "administration_origin_id")}
    # The same as a fresh check with these mappings on the command line.
    mapped = {SALES: {"invoice_due_date": "VervalDatum", "debtor_post_country_code": "LandCode"}}
    assert comparable(after) == comparable(session(server, mappings=mapped).report())
    assert checked.options.mappings == mapped


def test_a_wrong_mapping_shows_and_can_be_undone(simulator: Any) -> None:
    checked = session(simulator("fields_missing"))
    checked.remap(SALES, "invoice_due_date", "LandCode")  # a string where Payt needs a date
    assert field(checked.report(), SALES, "invoice_due_date").status == "type_mismatch"
    checked.remap(SALES, "invoice_due_date", None)
    assert field(checked.report(), SALES, "invoice_due_date").status == "missing"
    assert SALES not in checked.options.mappings


def test_choices_put_the_best_suggestion_first_and_skip_fields_in_use(simulator: Any) -> None:
    checked = session(simulator("fields_missing"))
    suggested, others = checked.mapping_choices(SALES, "invoice_due_date")
    assert [f.id for f in suggested] == ["VervalDatum"]  # the only unused date
    choices = [f.id for f in suggested + others]
    in_use = {f.afas_field for f in field_list(checked.report(), SALES) if f.afas_field}
    assert in_use and not in_use & set(choices)
    assert "LandCode" in choices  # any unused field may be chosen, suggested or not


def field_list(report: Report, role: str) -> tuple[Any, ...]:
    return next(c for c in report.connectors if c.role == role).fields


def test_one_connector_tested_again_replaces_only_its_result(simulator: Any) -> None:
    broken = simulator("connector_missing")
    healthy = simulator("healthy")
    checked = session(broken)
    gone = {f.role for f in checked.report().findings if f.code == "connector.missing"}
    assert len(gone) == 1
    role = gone.pop()
    assert role is not None
    again = session(healthy, roles=frozenset({role}))
    assert set(again.outcomes) == {role}

    checked.take_role(again, role)

    report = checked.report()
    assert "connector.missing" not in report.codes()
    assert next(c for c in report.connectors if c.role == role).status == "ok"
    assert report.verdict == session(healthy).report().verdict


def test_a_mapping_after_a_full_scan_is_judged_on_the_kept_rows_and_says_so(
        simulator: Any) -> None:
    server = simulator("fields_missing", entries=KEPT_ROWS + 100)
    checked = session(server, sample_size=None)
    full = checked.report()
    sales = next(c for c in full.connectors if c.role == SALES)
    assert (sales.rows_sampled, sales.judged_rows) == (KEPT_ROWS + 100, None)

    checked.remap(SALES, "invoice_due_date", "VervalDatum")
    remapped = checked.report()
    sales = next(c for c in remapped.connectors if c.role == SALES)
    assert (sales.rows_sampled, sales.judged_rows) == (KEPT_ROWS + 100, KEPT_ROWS)
    assert field(remapped, SALES, "invoice_due_date").status == "mapped"
    assert all(c.judged_rows is None for c in remapped.connectors if c.role != SALES)
    assert f'"judged_rows": {KEPT_ROWS}' in render_json(remapped)
    assert f"koppeling beoordeeld op de eerste {KEPT_ROWS} rijen" in render_text(remapped)

    checked.remap(SALES, "invoice_due_date", None)  # back to what was read: every row again
    assert comparable(checked.report()) == comparable(full)
    sales = next(c for c in checked.report().connectors if c.role == SALES)
    assert sales.judged_rows is None
