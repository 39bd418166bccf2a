"""The expected verdict and codes of every simulator scenario, and a check to run against one.

checks/test_scenarios.py holds the tests themselves; cli/test_check.py expects the same verdicts
from the command line.
"""

from __future__ import annotations

from typing import Any

from payt_onboarding.afas.client import DEFAULT_MAX_IN_FLIGHT, RetryPolicy
from payt_onboarding.afas.credentials import Credentials
from payt_onboarding.checks.engine import CheckOptions, run_session
from payt_onboarding.checks.progress import Cancellation, ProgressEvent
from payt_onboarding.report.model import Report
from payt_onboarding.requirements.load import load_requirements
from payt_onboarding.simulator.demo import demo_credentials
from payt_onboarding.simulator.scenarios import SCENARIOS
from payt_onboarding.simulator.server import SimulatorServer
from tests.support.afas import FAST_RETRY, make_client, run

REQUIREMENTS = load_requirements()

# scenario -> (verdict, error codes, warning codes)
# Every check with a classic token AFAS accepts warns that classic tokens end (1 May 2027):
# until then "healthy" with a classic token is ready_with_warnings, never ready.
PHASE_OUT = "token.classic_phase_out"
EXPECTED: dict[str, tuple[str, set[str], set[str]]] = {
    "healthy": ("ready_with_warnings", set(), {PHASE_OUT}),
    "token_rejected": ("not_ready", {"token.rejected"}, set()),
    "connector_missing": ("not_ready", {"connector.missing"}, {PHASE_OUT}),
    "outdated_version": ("not_ready", {"connector.outdated_version"}, {PHASE_OUT}),
    "fields_missing": ("not_ready", {"field.missing"}, {PHASE_OUT}),
    "no_subject_connector": ("not_ready", {"attachments.subject_connector_missing"},
                             {PHASE_OUT}),
    "no_dossier_rights": ("not_ready", {"attachments.not_authorized"}, {PHASE_OUT}),
    "blocked_connector": ("not_ready", {"connector.blocked"}, {PHASE_OUT}),
    "maintenance": ("ready_with_warnings", set(), {PHASE_OUT}),
    "slow": ("ready_with_warnings", set(), {"connector.slow", PHASE_OUT}),
    "data_quality": (
        "not_ready",
        {"debtor.name_missing", "reference.duplicate_invoice_number"},
        {"debtor.no_email", "reference.unknown_payment_condition",
         "value.due_before_invoice_date", "field.too_long", PHASE_OUT},
    ),
    "ip_restricted": ("not_ready", {"appconnector.ip_restricted"}, set()),
    "token_expires_soon": ("ready_with_warnings", set(), {"token.expires_soon", PHASE_OUT}),
    # With the credentials the scenario's `hands_over` names.
    "oauth_healthy": ("ready", set(), set()),
    "hybrid": ("ready", set(), set()),
    "oauth_only_classic_refused": ("not_ready", {"token.classic_refused"}, set()),
    "oauth_secret_expired": ("not_ready", {"oauth.client_rejected"}, set()),
    "oauth_short_lived": ("ready", set(), set()),
    "oauth_wrong_key": ("not_ready", {"oauth.client_rejected"}, set()),
}



def check(server: SimulatorServer, **kwargs: Any) -> Report:
    events: list[ProgressEvent] = kwargs.pop("events", [])
    retry: RetryPolicy = kwargs.pop("retry", FAST_RETRY)
    cancel: Cancellation | None = kwargs.pop("cancel", None)
    in_flight: int = kwargs.pop("max_in_flight", DEFAULT_MAX_IN_FLIGHT)
    credentials: Credentials = kwargs.pop("credentials", None) or demo_credentials(
        SCENARIOS[server.config.scenario].hands_over if server.config.scenario in SCENARIOS
        else "token")

    async def go() -> Report:
        async with make_client(server, retry=retry, max_in_flight=in_flight,
                               token=credentials) as client:
            session = await run_session(client, REQUIREMENTS, environment_name="production",
                                        options=CheckOptions(**kwargs), progress=events.append,
                                        cancel=cancel)
            return session.report()
    return run(go())


def patient_retry(scenario: str) -> RetryPolicy:
    """maintenance answers 503 with Retry-After: 1 three times; the check must wait it out."""
    if scenario != "maintenance":
        return FAST_RETRY
    return RetryPolicy(max_attempts=5, base_delay=0.05, max_delay=2, deadline=30)
