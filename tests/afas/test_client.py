"""The AFAS client against the running simulator: every scenario and every fault."""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from payt_onboarding.afas import errors
from payt_onboarding.afas.client import DEFAULT_MAX_IN_FLIGHT, RetryPolicy
from payt_onboarding.afas.filters import Filter, Op
from payt_onboarding.afas.models import RowsPage
from payt_onboarding.simulator.config import Fault, Switches
from payt_onboarding.simulator.scenarios import (
    ALL_CONNECTORS,
    INVOICE_LINES,
    SALES_ENTRIES,
    SALES_INVOICES,
    SUBJECT_ATTACHMENTS,
)
from payt_onboarding.simulator.server import SimulatorServer
from payt_onboarding.simulator.tls import throwaway_tls as make_test_tls
from payt_onboarding.vocabulary import Code
from tests.support.afas import FAST_RETRY, make_client, run

Start = Callable[..., SimulatorServer]


async def _call(server: SimulatorServer, method: str, *args: object, **kwargs: object) -> object:
    client_kwargs = {k[7:]: kwargs.pop(k) for k in list(kwargs) if k.startswith("client_")}
    async with make_client(server, **client_kwargs) as client:
        return await getattr(client, method)(*args, **kwargs)


def call(server: SimulatorServer, method: str, *args: object, **kwargs: object) -> object:
    return run(_call(server, method, *args, **kwargs))


def failure(server: SimulatorServer, method: str, *args: object, **kwargs: object
            ) -> errors.AfasError:
    with pytest.raises(errors.AfasError) as caught:
        call(server, method, *args, **kwargs)
    return caught.value


# -- healthy ---------------------------------------------------------------------------------


def test_metainfo(simulator: Start) -> None:
    meta = call(simulator("healthy"), "metainfo")
    assert [c.id for c in meta.get_connectors] == ALL_CONNECTORS  # type: ignore[attr-defined]
    info = meta.info  # type: ignore[attr-defined]
    assert (info.envid, info.app_name, info.token_expiry) == ("O12345AA", "Payt REST API", "0")


def test_connector_metadata(simulator: Start) -> None:
    metadata = call(simulator("healthy"), "connector_metadata", SALES_ENTRIES)
    types = {f.id: f.data_type for f in metadata.fields}  # type: ignore[attr-defined]
    assert types["invoice_due_date"] == "date"
    assert types["debtor_is_company"] == "boolean"


def test_rows_page(simulator: Start) -> None:
    page = call(simulator("healthy"), "rows", SALES_ENTRIES, skip=10, take=25,
                order_by=["invoice_number"])
    assert isinstance(page, RowsPage)
    assert (page.skip, page.take, len(page.rows)) == (10, 25, 25)


def test_iter_rows_pages_with_a_stable_sort_and_stops_on_a_short_page(simulator: Start) -> None:
    server = simulator("healthy")

    async def collect() -> list[dict[str, object]]:
        async with make_client(server) as client:
            return [r async for r in client.iter_rows(
                SALES_ENTRIES, order_by=["invoice_number"], page_size=37)]

    rows = run(collect())
    numbers = [r["invoice_number"] for r in rows]
    assert len(numbers) == 300 == len(set(numbers))
    assert numbers == sorted(numbers)  # type: ignore[type-var]
    requests = server.paths("/connectors/")
    assert len(requests) == math.ceil(300 / 37)
    assert all("orderbyfieldids=invoice_number" in r.query for r in server.requests
               if r.path.startswith("/connectors/"))


def test_iter_rows_refuses_to_page_without_a_sort(simulator: Start) -> None:
    async def attempt() -> None:
        async with make_client(simulator("healthy")) as client:
            async for _ in client.iter_rows(SALES_ENTRIES, order_by=[]):
                pass

    with pytest.raises(ValueError, match="order_by"):
        run(attempt())


def test_filters_and_json_fallback(simulator: Start) -> None:
    server = simulator("healthy")
    page = call(server, "rows", "Payt_payment_conditions", take=50,
                order_by=["payment_condition_code"],
                filters=[[Filter("payment_condition_code", Op.EQUAL, "30")],
                         [Filter("payment_condition_code", Op.EQUAL, "14")]])
    assert sorted(r["payment_condition_code"] for r in page.rows) == ["14", "30"]  # type: ignore[attr-defined]
    # A comma in a value cannot go in the three-list form: the client sends filterjson.
    page = call(server, "rows", SALES_ENTRIES, take=50, order_by=["invoice_number"],
                filters=Filter("invoice_description", Op.CONTAINS, "a,b"))
    assert page.rows == ()  # type: ignore[attr-defined]
    assert "filterjson=" in server.requests[-1].query


def test_local_argument_errors_never_reach_afas(simulator: Start) -> None:
    server = simulator("healthy")
    with pytest.raises(ValueError, match="take"):
        call(server, "rows", SALES_ENTRIES, skip=2, take=-1)
    with pytest.raises(ValueError, match="2049"):
        call(server, "rows", SALES_ENTRIES, filters=Filter("invoice_number", Op.EQUAL, "9" * 2100))
    assert server.paths("/connectors/") == []


def test_subject_attachment_decodes_the_pdf(simulator: Start) -> None:
    server = simulator("healthy")
    row = call(server, "rows", SUBJECT_ATTACHMENTS, take=1, order_by=["attachment_id"]).rows[0]  # type: ignore[attr-defined]
    attachment = call(server, "subject_attachment", row["subject_id"], row["file_id"])
    assert attachment.filename == row["file_name"]  # type: ignore[attr-defined]
    assert attachment.mimetype == "application/pdf"  # type: ignore[attr-defined]
    assert attachment.data.startswith(b"%PDF-")  # type: ignore[attr-defined]
    assert "%PDF" not in repr(attachment)


def test_accept_language_selects_the_message_language(simulator: Start) -> None:
    server = simulator("blocked_connector")
    dutch = failure(server, "rows", SALES_INVOICES)
    english = failure(server, "rows", SALES_INVOICES, client_language="en")
    assert "geblokkeerd" in (dutch.body.external_message or "")
    assert english.body.external_message == "This GetConnector (definition) is blocked"


# -- scenarios -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scenario", "method", "args", "kind", "code"),
    [
        ("token_rejected", "metainfo", (), errors.TokenRejected, Code.TOKEN_REJECTED),
        ("connector_missing", "rows", (INVOICE_LINES,), errors.ConnectorNotAuthorized,
         Code.CONNECTOR_NOT_AUTHORIZED),
        ("outdated_version", "connector_metadata", (SALES_ENTRIES,),
         errors.ConnectorNotAuthorized, Code.CONNECTOR_NOT_AUTHORIZED),
        ("blocked_connector", "rows", (SALES_INVOICES,), errors.ConnectorBlocked,
         Code.CONNECTOR_BLOCKED),
        ("ip_restricted", "metainfo", (), errors.IpRestricted, Code.APPCONNECTOR_IP_RESTRICTED),
    ],
)
def test_scenario_failures_are_classified_and_not_retried(
    simulator: Start, scenario: str, method: str, args: tuple[str, ...],
    kind: type[errors.AfasError], code: Code,
) -> None:
    server = simulator(scenario)
    error = failure(server, method, *args)
    assert type(error) is kind
    assert error.code is code
    assert len(server.requests) == 1, "a refusal is final: no retry"


def test_functional_errors_carry_the_profit_log_reference(simulator: Start) -> None:
    error = failure(simulator("healthy"), "rows", SALES_ENTRIES, order_by=["no_such_field"])
    assert type(error) is errors.ConnectorError
    assert error.status == 500
    assert error.profit_log_reference is not None and len(error.profit_log_reference) == 32
    assert error.profit_log_reference in str(error)
    assert "no_such_field" in str(error)


@pytest.mark.parametrize("status", [500, 401])
def test_not_authorized_under_both_status_switches(simulator: Start, status: int) -> None:
    server = simulator("connector_missing")
    server.config.switches = Switches(not_authorized_status=status)  # type: ignore[arg-type]
    assert failure(server, "rows", INVOICE_LINES).code is Code.CONNECTOR_NOT_AUTHORIZED


@pytest.mark.parametrize("status", [500, 401])
def test_subject_connector_missing(simulator: Start, status: int) -> None:
    server = simulator("no_subject_connector")
    server.config.switches = Switches(not_authorized_status=status)  # type: ignore[arg-type]
    error = failure(server, "subject_attachment", 10001, "A" * 32)
    assert error.code is Code.ATTACHMENTS_SUBJECT_CONNECTOR_MISSING


def test_no_dossier_rights(simulator: Start) -> None:
    server = simulator("no_dossier_rights")
    row = call(server, "rows", SUBJECT_ATTACHMENTS, take=1, order_by=["attachment_id"]).rows[0]  # type: ignore[attr-defined]
    error = failure(server, "subject_attachment", row["subject_id"], row["file_id"])
    assert error.code is Code.ATTACHMENTS_NOT_AUTHORIZED


def test_maintenance_recovers_through_retries(simulator: Start) -> None:
    server = simulator("maintenance")
    policy = RetryPolicy(max_attempts=5, base_delay=0.01, max_retry_after=0.05, deadline=10)
    meta = call(server, "metainfo", client_retry=policy)
    assert meta.info.envid == "O12345AA"  # type: ignore[attr-defined]
    assert [r.status for r in server.requests] == [503, 503, 503, 200]


def test_slow_scenario_takes_its_time(simulator: Start) -> None:
    server = simulator("slow")
    started = time.perf_counter()
    call(server, "rows", INVOICE_LINES, take=5, order_by=["invoice_number"])
    assert time.perf_counter() - started >= 1.2


def test_token_expires_soon_carries_a_date(simulator: Start) -> None:
    meta = call(simulator("token_expires_soon"), "metainfo")
    assert meta.info.token_expiry[:2] == "20"  # type: ignore[attr-defined]


# -- faults ----------------------------------------------------------------------------------


def test_server_timeout_is_not_retried(simulator: Start) -> None:
    server = simulator("healthy")
    server.config.add_fault(Fault("server_timeout", match="/connectors/"))
    error = failure(server, "rows", SALES_ENTRIES)
    assert error.code is Code.CONNECTOR_TIMEOUT
    assert len(server.requests) == 1


def test_reset_mid_body_is_retried(simulator: Start) -> None:
    server = simulator("healthy")
    server.config.add_fault(Fault("reset", match="/connectors/", times=1))
    page = call(server, "rows", SALES_ENTRIES, take=3, order_by=["invoice_number"])
    assert len(page.rows) == 3  # type: ignore[attr-defined]
    assert len(server.paths("/connectors/")) == 2


@pytest.mark.parametrize("kind", ["reset", "drop"])
def test_persistent_connection_failures_give_up_after_max_attempts(
    simulator: Start, kind: str
) -> None:
    server = simulator("healthy")
    server.config.add_fault(Fault(kind, match="/metainfo"))  # type: ignore[arg-type]
    error = failure(server, "metainfo")
    assert error.code is Code.CONNECTION_UNREACHABLE
    assert len(server.requests) == FAST_RETRY.max_attempts


def test_html_page_is_an_unexpected_response(simulator: Start) -> None:
    server = simulator("healthy")
    server.config.add_fault(Fault("html"))
    error = failure(server, "metainfo")
    assert error.code is Code.CONNECTION_UNEXPECTED_RESPONSE
    assert "text/html" in str(error)
    assert len(server.requests) == 1


def test_edge_400_without_body(simulator: Start) -> None:
    server = simulator("healthy")
    server.config.add_fault(Fault("edge_400"))
    error = failure(server, "metainfo")
    assert error.code is Code.CONNECTION_UNEXPECTED_RESPONSE
    assert error.status == 400


def test_slow_answer_times_out_after_bounded_retries(simulator: Start) -> None:
    import httpx

    server = simulator("healthy")
    server.config.add_fault(Fault("slow", delay=0.5))
    started = time.perf_counter()
    error = failure(server, "metainfo", client_timeout=httpx.Timeout(0.1))
    assert error.code is Code.CONNECTION_TIMEOUT
    assert len(server.requests) <= FAST_RETRY.max_attempts
    assert time.perf_counter() - started < 3


def test_unreachable_port(simulator: Start) -> None:
    server = simulator("healthy")
    server.stop()
    error = failure(server, "metainfo")
    assert error.code is Code.CONNECTION_UNREACHABLE
    assert "127.0.0.1" in str(error)


# -- concurrency -----------------------------------------------------------------------------


def test_at_most_what_afas_allows_per_token_in_flight(simulator: Start) -> None:
    server = simulator("healthy", latency=0.05)

    async def many() -> None:
        async with make_client(server) as client:
            await asyncio.gather(*(client.rows(SALES_ENTRIES, skip=i, take=1,
                                               order_by=["invoice_number"]) for i in range(20)))

    run(many())
    assert server.max_in_flight == DEFAULT_MAX_IN_FLIGHT == 8


def test_max_in_flight_is_configurable(simulator: Start) -> None:
    server = simulator("healthy", latency=0.05)

    async def many() -> None:
        async with make_client(server, max_in_flight=2) as client:
            await asyncio.gather(*(client.metainfo() for _ in range(8)))

    run(many())
    assert server.max_in_flight == 2


def test_a_request_given_up_on_keeps_its_slot_while_afas_works_on_it(simulator: Start) -> None:
    # Reference 5: a client timeout does not stop AFAS, which counts the request against the
    # token's parallel calls until it is done (here at 1.0 s; given up on at 0.3 s).
    server = simulator("healthy", latency=0.05)
    server.config.add_fault(Fault("slow", match="/connectors/", times=2, delay=1.0))

    async def go() -> None:
        async with make_client(server, max_in_flight=2, timeout=httpx.Timeout(0.3),
                               retry=RetryPolicy(max_attempts=1)) as client:
            slow = (client.rows("Payt_administrations", take=1, order_by=["administration_code"])
                    for _ in range(2))
            for outcome in await asyncio.gather(*slow, return_exceptions=True):
                assert isinstance(outcome, errors.RequestTimeout)
            await asyncio.gather(*(client.metainfo() for _ in range(4)))

    run(go())
    assert server.max_in_flight == 2  # 4 if the metainfo requests had not waited


# -- TLS -------------------------------------------------------------------------------------


def test_tls_with_the_test_ca(simulator: Start, tmp_path: Path) -> None:
    context, ca_file = make_test_tls(tmp_path)
    server = simulator("healthy", tls=context)
    assert server.url.startswith("https://127.0.0.1:")
    meta = call(server, "metainfo", client_ca_file=ca_file)
    assert meta.info.envid == "O12345AA"  # type: ignore[attr-defined]


def test_tls_with_an_untrusted_certificate_fails_without_retry(
    simulator: Start, tmp_path: Path
) -> None:
    context, _ = make_test_tls(tmp_path)
    server = simulator("healthy", tls=context)
    error = failure(server, "metainfo")  # the OS trust store does not know the test CA
    assert error.code is Code.CONNECTION_TLS_FAILED
    assert "certificate" in str(error).lower()
    assert server.requests == []  # the handshake failed before any HTTP request


def test_client_repr_is_harmless(simulator: Start) -> None:
    client = make_client(simulator("healthy"))
    assert repr(client).startswith("AfasClient('http://127.0.0.1:")
    run(client.aclose())


def test_language_is_validated(simulator: Start) -> None:
    with pytest.raises(ValueError, match="nl or en"):
        make_client(simulator("healthy"), language="fr-fr")


def test_fields_missing_shows_in_the_metadata(simulator: Start) -> None:
    metadata = call(simulator("fields_missing"), "connector_metadata", SALES_ENTRIES)
    ids = {f.id for f in metadata.fields}  # type: ignore[attr-defined]
    assert {"VervalDatum", "LandCode"} <= ids
    assert not {"invoice_due_date", "debtor_post_country_code"} & ids


def test_data_quality_defects_reach_the_client(simulator: Start) -> None:
    server = simulator("data_quality")

    async def everything() -> list[dict[str, object]]:
        async with make_client(server) as client:
            return [r async for r in client.iter_rows(SALES_ENTRIES, order_by=["invoice_number"],
                                                      page_size=200)]

    rows = run(everything())
    assert len(rows) == 150
    assert sum(r["invoice_payment_condition"] == "X99" for r in rows) == 2
    numbers = [r["invoice_number"] for r in rows]
    assert len(numbers) - len(set(numbers)) == 1
    assert any("<script>" in str(r["debtor_company_name"]) for r in rows)
    assert sum(r["invoice_due_date"] < r["invoice_date"] for r in rows) == 2  # type: ignore[operator]
