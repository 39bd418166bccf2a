"""Run the whole check of one environment: as a session (the wizard keeps it to map fields and
test one connector again) or straight to its report (`check`, `demo --text`)."""

from __future__ import annotations

import gc

from payt_onboarding.afas.environment import Environment
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.app.connection import open_client
from payt_onboarding.checks.engine import CheckOptions, CheckSession, run_session
from payt_onboarding.checks.progress import Cancellation, ProgressCallback
from payt_onboarding.report.model import Report
from payt_onboarding.requirements.model import Requirements


async def run_check_session(
    environment: Environment,
    token: AfasToken,
    requirements: Requirements,
    options: CheckOptions,
    progress: ProgressCallback | None = None,
    cancel: Cancellation | None = None,
) -> CheckSession:
    # What lives before a check (modules, schemas, the wizard's widgets, earlier sessions)
    # lives on: out of the cyclic collector's sight, its full passes during the check walk only
    # what the check makes. They held the GIL for up to 100 ms, stalling the wizard that long.
    gc.freeze()
    async with open_client(environment, token, options.language) as client:
        return await run_session(client, requirements, environment_name=environment.kind.value,
                                 options=options, progress=progress, cancel=cancel)


async def check_environment(
    environment: Environment,
    token: AfasToken,
    requirements: Requirements,
    options: CheckOptions,
    progress: ProgressCallback | None = None,
) -> Report:
    """The report of a whole check, in `options.language`."""
    session = await run_check_session(environment, token, requirements, options, progress)
    return session.report()
