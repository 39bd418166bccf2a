"""The engine's behaviour beyond verdicts: progress, cancel, time limit, profile choices, JSON."""

from __future__ import annotations

import json
import threading
import time
from importlib.resources import files
from typing import Any

import jsonschema
import pytest

from payt_onboarding.checks.engine import CheckOptions, run_session
from payt_onboarding.checks.progress import Cancellation, ProgressEvent
from payt_onboarding.report.model import Report
from payt_onboarding.report.render_json import render_json
from payt_onboarding.requirements.load import load_requirements
from payt_onboarding.simulator.dataset import INVOICE_LINES, SALES_ENTRIES
from payt_onboarding.simulator.scenarios import _rename_connector, build_config
from payt_onboarding.simulator.server import SimulatorServer
from tests.support.afas import make_client, run
from tests.support.scenarios import EXPECTED, PHASE_OUT, check, patient_retry

REQUIREMENTS = load_requirements()
SCHEMA = json.loads(files("payt_onboarding.resources").joinpath("report.schema.json").read_text())


@pytest.mark.parametrize("scenario", sorted(EXPECTED))
def test_every_scenario_report_matches_the_json_schema(simulator: Any, scenario: str) -> None:
    report = check(simulator(scenario), retry=patient_retry(scenario))
    document = json.loads(render_json(report))
    jsonschema.validate(document, SCHEMA)
    assert document["verdict"] == EXPECTED[scenario][0]


def test_progress_follows_every_connector_in_order(simulator: Any) -> None:
    events: list[ProgressEvent] = []
    report = check(simulator("healthy"), events=events)
    kinds = [e.kind for e in events]
    assert kinds[0] == "check_started" and kinds[-1] == "check_finished"
    assert events[-1].status == report.verdict == "ready_with_warnings"  # classic token
    started = {e.role for e in events if e.kind == "connector_started"}
    finished = [e for e in events if e.kind == "connector_finished"]
    checked = {c.role for c in report.connectors if c.connector_id}
    assert started == {e.role for e in finished} == checked
    assert [e.done for e in finished] == list(range(1, len(checked) + 1))
    for role in checked:  # each connector's rows only ever grow, up to what the report says
        rows = [e.rows for e in events if e.kind == "rows_read" and e.role == role]
        assert rows == sorted(rows)
        result = next(c for c in report.connectors if c.role == role)
        assert rows and rows[-1] == result.rows_sampled


def test_cancel_stops_new_requests_and_returns_a_partial_report(simulator: Any) -> None:
    server = simulator("healthy", latency=0.3)
    cancel = Cancellation()
    cancelled_at: list[float] = []

    def cancel_soon() -> None:
        cancelled_at.append(time.monotonic())
        cancel.cancel()

    timer = threading.Timer(0.8, cancel_soon)  # from another thread, as the GUI would
    timer.start()
    try:
        report = check(server, cancel=cancel)
    finally:
        timer.cancel()
    assert report.cancelled
    assert "check.cancelled" in report.codes("error")
    assert report.verdict == "not_ready"
    assert report.duration_ms < 1500  # cancelled at 0.8 s; the whole check takes over 2 s
    assert any(c.status == "skipped" for c in report.connectors)
    time.sleep(0.5)  # anything still queued would reach the server now
    late = [r.path for r in server.requests if r.started > cancelled_at[0] + 0.05]
    assert late == []


def test_a_check_right_after_a_stopped_one_stays_within_afas_limit(simulator: Any) -> None:
    # AFAS goes on with the stopped check's requests (reference 5) and counts them against the
    # token's 8 parallel calls; the simulator answers a ninth with its catch-all 500.
    server = simulator("healthy", latency=0.4)
    cancel = Cancellation()

    def cancel_at_the_limit() -> None:
        deadline = time.monotonic() + 10
        while server.in_flight < 8 and time.monotonic() < deadline:
            time.sleep(0.002)
        cancel.cancel()

    threading.Thread(target=cancel_at_the_limit, daemon=True).start()
    stopped = check(server, cancel=cancel)
    assert stopped.cancelled
    first = len(server.requests)  # the server logs a request once answered
    again = check(server)
    assert not again.cancelled
    assert [r.status for r in server.requests[first:] if r.status >= 500] == []
    assert again.verdict == "ready_with_warnings"  # as any check of "healthy"


def test_time_limit_returns_a_partial_report_marked_timed_out(simulator: Any) -> None:
    report = check(simulator("healthy", latency=0.4), time_limit=1.0)
    assert report.cancelled
    assert "check.timed_out" in report.codes("error")
    timed_out = next(f for f in report.findings if f.code == "check.timed_out")
    assert "stopte na 1 seconden" in timed_out.message
    assert report.duration_ms < 2000
    assert report.target.envid  # what was learned before the limit is kept


def test_a_cancel_before_the_start_sends_nothing_beyond_the_first_answer(simulator: Any) -> None:
    server = simulator("healthy")
    cancel = Cancellation()
    cancel.cancel()
    report = check(server, cancel=cancel)
    assert report.cancelled and "check.cancelled" in report.codes("error")
    assert len(server.requests) <= 1


def test_profile_mappings_close_renamed_fields(simulator: Any) -> None:
    server = simulator("fields_missing")
    before = check(server)
    missing = {f.field for f in before.findings if f.code == "field.missing"}
    assert {"invoice_due_date", "debtor_post_country_code", "administration_origin_id"} <= missing

    mapping = {"invoice_due_date": "VervalDatum", "debtor_post_country_code": "LandCode"}
    after = check(server, mappings={"sales_entries": mapping})
    still = {f.field for f in after.findings if f.code == "field.missing"}
    assert still == missing - set(mapping)
    entries = next(c for c in after.connectors if c.role == "sales_entries")
    by_name = {f.payt_field: f for f in entries.fields}
    assert by_name["invoice_due_date"].status == "mapped"
    assert by_name["invoice_due_date"].afas_field == "VervalDatum"
    assert by_name["invoice_due_date"].fill_rate == pytest.approx(1.0)


def test_a_connector_chosen_in_the_profile_is_tested_under_its_own_name() -> None:
    config = build_config("healthy")
    _rename_connector(config, INVOICE_LINES, "Klant_factuurregels")
    with SimulatorServer(config) as server:
        unguided = check(server)
        assert "connector.missing" in unguided.codes("error")
        guided = check(server, connectors={"invoice_lines": "Klant_factuurregels"})
    assert guided.codes("error") == set(), [f.message for f in guided.findings]
    assert guided.codes("warning") == {PHASE_OUT}
    lines = next(c for c in guided.connectors if c.role == "invoice_lines")
    assert lines.connector_id == "Klant_factuurregels" and lines.rows_sampled > 0


def test_full_scan_reads_every_row_and_a_sample_reads_no_more_than_asked(simulator: Any) -> None:
    server = simulator("healthy", entries=450)
    total = len(server.config.dataset.connectors[SALES_ENTRIES].rows)
    sampled = check(server, sample_size=100)
    full = check(server, sample_size=None)

    def rows(report: Report) -> int:
        return next(c.rows_sampled for c in report.connectors if c.role == "sales_entries")

    assert rows(sampled) == 100
    assert rows(full) == total == 450
    assert full.sample_size is None


def test_english_report_speaks_english(simulator: Any) -> None:
    report = check(simulator("connector_missing"), language="en")
    finding = next(f for f in report.findings if f.code == "connector.missing")
    assert report.language == "en"
    assert "Payt_Verkoopfactuurregels" in finding.message
    assert "ontbreekt" not in finding.message.lower()


def test_the_engine_reports_what_a_dead_address_means() -> None:
    # A port that was just free: nothing listens, so the connection is refused.
    server = SimulatorServer(build_config("healthy")).start()
    server.stop()

    async def go() -> Report:
        async with make_client(server) as client:
            session = await run_session(client, REQUIREMENTS, environment_name="production",
                                        options=CheckOptions())
            return session.report()

    report = run(go())
    assert report.verdict == "not_ready"
    [finding] = report.findings
    assert finding.code == "connection.unreachable"
    assert finding.message.endswith(": connection refused.")  # the cause, not httpx's summary
    assert "Check" not in finding.message  # no English advice inside the Dutch sentence
    assert "omgevingsnummer" in finding.hint


def test_english_report_names_the_connectors_in_english(simulator: Any) -> None:
    report = check(simulator("healthy"), language="en")
    titles = {c.role: c.title for c in report.connectors}
    assert titles["sales_entries"] == "Sales entries"
    assert titles["invoice_lines"] == "Sales invoice lines"


def test_waiting_for_a_free_slot_is_not_slowness(simulator: Any) -> None:
    # One request at a time: each connector's rows wait behind the other seven connectors'
    # requests (about 1.2 s here), but AFAS itself answers each in 150 ms.
    server = simulator("healthy", latency=0.15)
    report = check(server, max_in_flight=1, slow_ms=500)
    assert server.max_in_flight == 1
    assert "connector.slow" not in report.codes("warning")
    durations = [c.duration_ms for c in report.connectors if c.connector_id]
    assert all(150 <= ms < 500 for ms in durations), durations


def test_a_slow_answer_is_still_slow(simulator: Any) -> None:
    report = check(simulator("healthy", latency=0.15), slow_ms=100)
    slow = {f.connector_id for f in report.findings if f.code == "connector.slow"}
    assert slow == {c.connector_id for c in report.connectors if c.connector_id}


def test_a_missing_field_names_the_renamed_afas_field_that_could_carry_it(simulator: Any) -> None:
    report = check(simulator("fields_missing"))
    hints = {f.field: f.hint for f in report.findings if f.code == "field.missing"}
    assert "VervalDatum (Vervaldatum)" in hints["invoice_due_date"]
    assert "LandCode (Land)" in hints["debtor_post_country_code"]
    assert "Mogelijk geschikt" not in hints["administration_origin_id"]  # nothing fits there


def test_the_terminal_progress_line_follows_the_events_and_clears_itself(simulator: Any) -> None:
    import io

    from payt_onboarding.cli.progress_line import TerminalProgress

    stream = io.StringIO()
    display = TerminalProgress(stream, "en")
    events: list[ProgressEvent] = []
    report = check(simulator("healthy"), events=events)
    for event in events:
        display(event)
    frames = stream.getvalue().split("\r")
    total = len([c for c in report.connectors if c.connector_id])
    assert any(f"[{total}/{total}]" in frame for frame in frames)
    assert any("Payt_sales_entries_v12 200 rows" in frame for frame in frames)
    assert all(len(frame) <= 78 for frame in frames)  # never wraps an 80-column terminal
    display.clear()
    assert stream.getvalue().endswith("\r" + " " * 78 + "\r")


@pytest.mark.parametrize(("offset", "words"), [
    (0, "vandaag"), (1, "over 1 dag"), (12, "over 12 dagen"), (30, "over 30 dagen"),
    (31, None), (-3, None),
])
def test_token_expiry_in_calendar_days(offset: int, words: str | None) -> None:
    from datetime import UTC, datetime, timedelta

    from payt_onboarding.checks.engine import expiry_findings

    day = datetime.now(UTC).date() + timedelta(days=offset)  # a naive expiry is taken as UTC
    found = expiry_findings(f"{day.isoformat()}T00:00:00", "nl")
    if words is None:
        assert found == []
    else:
        [finding] = found
        assert finding.message == f"Het token verloopt op {day:%d-%m-%Y}, {words}."


def test_token_expiry_placeholders_are_no_warning() -> None:
    from payt_onboarding.checks.engine import expiry_findings

    assert expiry_findings("0", "nl") == []
    assert expiry_findings("0001-01-01T00:00:00", "nl") == []


def test_a_partial_report_keeps_what_the_finished_connectors_show() -> None:
    config = build_config("data_quality")
    config.connector_latency[INVOICE_LINES] = 5.0  # never finishes within the limit
    with SimulatorServer(config) as server:
        report = check(server, time_limit=1.5)
    assert "check.timed_out" in report.codes("error")
    assert {"debtor.name_missing", "reference.duplicate_invoice_number"} <= report.codes("error")
    lines = next(c for c in report.connectors if c.role == "invoice_lines")
    entries = next(c for c in report.connectors if c.role == "sales_entries")
    assert (lines.status, entries.status) == ("skipped", "error")


def test_the_sample_takes_the_newest_invoices_of_every_administration() -> None:
    # Sorted by administration, 200 of 300 rows held administration 01 only: an administration
    # hidden from the user group (03 here) went unnoticed.
    from payt_onboarding.simulator.dataset import ADMINISTRATIONS

    config = build_config("healthy", entries=300)
    table = config.dataset.connectors[ADMINISTRATIONS]
    table.rows = [r for r in table.rows if r["administration_code"] != "03"]
    with SimulatorServer(config) as server:
        report = check(server)
        queries = [r.query for r in server.requests if r.path.endswith("payt_sales_entries_v12")]
    assert "reference.unknown_administration" in report.codes("warning")
    assert any("orderbyfieldids=-invoice_date%2Cadministration_code%2Cinvoice_number" in q
               for q in queries), queries


def test_a_large_sample_is_read_in_pages_afas_can_carry(simulator: Any) -> None:
    server = simulator("healthy", entries=2600)
    report = check(server, sample_size=2500)
    takes = sorted(int(part.removeprefix("take="))
                   for r in server.requests if r.path.endswith("payt_sales_entries_v12")
                   for part in r.query.split("&") if part.startswith("take="))
    assert takes == [500, 1000, 1000]
    entries = next(c for c in report.connectors if c.role == "sales_entries")
    assert entries.rows_sampled == 2500


def test_a_cancel_while_metainfo_is_asked_stops_the_prefetched_fields_too(
        simulator: Any) -> None:
    """The fields asked alongside /metainfo stop with the check: none is left to fail later on
    the closed client (asyncio's "Task exception was never retrieved", seen on Check all's
    Stop)."""
    import asyncio
    import gc

    server = simulator("healthy", latency=0.5)
    cancel = Cancellation()
    unretrieved: list[str] = []

    async def go() -> Report:
        asyncio.get_running_loop().set_exception_handler(
            lambda loop, context: unretrieved.append(str(context.get("message"))))
        threading.Timer(0.1, cancel.cancel).start()  # while /metainfo is on its way
        async with make_client(server) as client:
            session = await run_session(client, REQUIREMENTS, environment_name="production",
                                        options=CheckOptions(), cancel=cancel)
        await asyncio.sleep(0.8)  # a prefetch still running would fail now, client closed
        gc.collect()
        return session.report()

    report = run(go())
    assert report.cancelled
    assert unretrieved == []
