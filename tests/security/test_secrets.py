"""The token never shows: not in exception texts, tracebacks, reprs or logs, whatever fails."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable

import pytest

from payt_onboarding.afas import errors
from payt_onboarding.afas.client import _AfasTokenAuth
from payt_onboarding.afas.credentials import Credentials
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.simulator.config import DEMO_TOKEN_DATA, Fault
from payt_onboarding.simulator.demo import demo_credentials
from payt_onboarding.simulator.scenarios import SCENARIOS, HandsOver, build_config
from payt_onboarding.simulator.server import SimulatorServer
from tests.support.afas import make_client, run
from tests.support.leaks import SECRETS, RecordAll, leaked, register_secret

Start = Callable[..., SimulatorServer]


def test_the_rejected_scenario_token_is_guarded_too() -> None:
    data = build_config("token_rejected").app.token_data
    register_secret(data)
    assert data in SECRETS


def test_the_guard_detects_a_leak() -> None:
    handler = RecordAll()
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "header %s", (
        AfasToken.from_data(DEMO_TOKEN_DATA).authorization_header(),), None)
    handler.emit(record)
    assert leaked(handler.texts[0])


async def _every_operation(server: SimulatorServer,
                           credentials: Credentials | None = None) -> list[BaseException]:
    caught: list[BaseException] = []
    hands_over = SCENARIOS[server.config.scenario].hands_over
    async with make_client(server, token=credentials or demo_credentials(hands_over)) as client:
        calls = [
            client.metainfo(),
            client.connector_metadata("Payt_sales_entries_v12"),
            client.rows("Payt_sales_invoices_for_cp_ordermanagement_v11", take=2,
                        order_by=["invoice_number"]),
            client.rows("Payt_Verkoopfactuurregels", order_by=["no_such_field"]),
            client.subject_attachment(10001, "0" * 32),
        ]
        for coro in calls:
            try:
                await coro
            except errors.AfasError as exc:
                caught.append(exc)
        caught.append(RuntimeError(repr(client)))
        caught.append(RuntimeError(repr(client._http.auth)))
    return caught


@pytest.mark.parametrize("scenario", sorted(set(SCENARIOS) - {"slow"}))
def test_no_exception_of_any_scenario_contains_the_token(simulator: Start, scenario: str) -> None:
    server = simulator(scenario)
    caught = run(_every_operation(server))
    assert caught, "each scenario produces at least the reprs"
    for exc in caught:
        text = "".join(traceback.format_exception(exc)) + repr(exc) + str(exc)
        assert not leaked(text), f"{type(exc).__name__} leaks the token"


@pytest.mark.parametrize("kind", ["unavailable", "server_timeout", "reset", "drop", "html",
                                  "edge_400", "echo_auth"])
def test_no_fault_error_contains_the_token(simulator: Start, kind: str) -> None:
    server = simulator("healthy")
    server.config.add_fault(Fault(kind, retry_after=0.01))  # type: ignore[arg-type]
    caught = run(_every_operation(server))
    afas_errors = [e for e in caught if isinstance(e, errors.AfasError)]
    assert len(afas_errors) == 5
    for exc in caught:
        assert not leaked("".join(traceback.format_exception(exc)))


def test_a_server_quoting_the_token_back_is_blanked_out(simulator: Start) -> None:
    server = simulator("healthy")
    server.config.add_fault(Fault("echo_auth"))
    caught = [e for e in run(_every_operation(server)) if isinstance(e, errors.AfasError)]
    assert caught
    for error in caught:
        texts = [error.message, error.reason or "", error.body.external_message or ""]
        assert not any(leaked(t) for t in texts)
        assert "Invalid header Authorization: [token] ([token])" in texts[2]


@pytest.mark.parametrize("hands_over", ["client_secret", "private_key"])
def test_a_server_quoting_the_bearer_token_back_is_blanked_out(
        simulator: Start, hands_over: HandsOver) -> None:
    server = simulator("oauth_healthy")
    server.config.add_fault(Fault("echo_auth", match="/connectors"))
    caught = [e for e in run(_every_operation(server, demo_credentials(hands_over)))
              if isinstance(e, errors.AfasError)]
    quoted = [e for e in caught if "Invalid header" in (e.body.external_message or "")]
    assert quoted
    for error in quoted:
        texts = [error.message, error.reason or "", error.body.external_message or ""]
        assert not any(leaked(t) for t in texts)
        assert "Invalid header Authorization: Bearer [token]" in texts[2]


def test_oauth_errors_never_hold_the_secret(simulator: Start) -> None:
    server = simulator("oauth_secret_expired")
    caught = run(_every_operation(server))
    assert any(isinstance(e, errors.OAuthClientRejected) for e in caught)
    for exc in caught:
        assert not leaked("".join(traceback.format_exception(exc)) + repr(exc))


def test_auth_repr_is_masked() -> None:
    auth = _AfasTokenAuth(AfasToken.from_data(DEMO_TOKEN_DATA))
    assert not leaked(repr(auth))
    assert DEMO_TOKEN_DATA[-4:] in repr(auth)
