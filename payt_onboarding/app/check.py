"""Run the whole check of one environment: as a session (the wizard keeps it to map fields and
test one connector again) or straight to its report (`check`, `demo --text`)."""

from __future__ import annotations

import gc

from payt_onboarding.afas.credentials import Credentials
from payt_onboarding.afas.environment import Environment
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.app.connection import open_client, probe_connection
from payt_onboarding.checks.engine import CheckOptions, CheckSession, run_session
from payt_onboarding.checks.progress import Cancellation, ProgressCallback
from payt_onboarding.report.model import Report, verdict_of
from payt_onboarding.requirements.model import Requirements


async def run_check_session(
    environment: Environment,
    credentials: Credentials,
    requirements: Requirements,
    options: CheckOptions,
    progress: ProgressCallback | None = None,
    cancel: Cancellation | None = None,
) -> CheckSession:
    # What lives before a check (modules, schemas, the wizard's widgets, earlier sessions)
    # is out of the cyclic collector's sight while the check runs, so its full passes walk only
    # what the check makes: they held the GIL for up to 100 ms, stalling the wizard that long.
    # Unfrozen afterwards, or every check would make the garbage of the one before immortal.
    gc.freeze()
    try:
        async with open_client(environment, credentials, options.language) as client:
            return await run_session(client, requirements,
                                     environment_name=environment.kind.value,
                                     options=options, progress=progress, cancel=cancel)
    finally:
        gc.unfreeze()


async def check_environment(
    environment: Environment,
    credentials: Credentials,
    requirements: Requirements,
    options: CheckOptions,
    progress: ProgressCallback | None = None,
    *,
    also: AfasToken | None = None,
    cancel: Cancellation | None = None,
) -> Report:
    """The report of a whole check, in `options.language`. `also`: a classic token given beside
    the OAuth client (a Hybrid app connector), tried on /metainfo; its findings join the
    report's and `target.classic_token_accepted` says whether AFAS took it."""
    session = await run_check_session(environment, credentials, requirements, options, progress,
                                      cancel)
    report = session.report()
    if also is None:
        return report
    probe = await probe_connection(environment, also, options.language)
    findings = (*report.findings, *probe.findings)
    target = report.target.model_copy(update={"classic_token_accepted": probe.info is not None})
    return report.model_copy(update={"findings": findings, "target": target,
                                     "verdict": verdict_of(findings)})
