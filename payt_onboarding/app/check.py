"""Run the whole check of one environment: as a session (the wizard keeps it to map fields and
test one connector again) or straight to its report (`check`, `demo --text`)."""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

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
    with _collector_for_checks():
        async with open_client(environment, credentials, options.language) as client:
            return await run_session(client, requirements,
                                     environment_name=environment.kind.value,
                                     options=options, progress=progress, cancel=cancel)


# Tracked objects allocated (net) before the cyclic collector's youngest pass: a page of 1,000
# rows is 1,000 acyclic dicts at once, and at Python's 700 the collector walked every page
# while the check folded it (5% of a full scan's time, for no garbage: rows free themselves).
# Ten pages' worth: peak memory at 200,000 entries the same as at 700 (102-109 MiB either way).
YOUNG_THRESHOLD = 10_000
_checks_lock = threading.Lock()
_checks_running = 0
_thresholds = gc.get_threshold()


@contextlib.contextmanager
def _collector_for_checks() -> Iterator[None]:
    """The cyclic collector as checks want it while one or more run (Check all runs many).

    What lives before (modules, schemas, the wizard's widgets, earlier sessions) is frozen out
    of its sight, so its full passes walk only what the checks make: they held the GIL for up
    to 100 ms, stalling the wizard that long. Unfrozen when the last check ends, or every check
    would make the garbage of the one before immortal; the thresholds are restored then too."""
    global _checks_running, _thresholds
    with _checks_lock:
        if _checks_running == 0:
            _thresholds = gc.get_threshold()
            gc.freeze()
            if _thresholds[0]:  # 0: someone turned the collector off; leave it so
                gc.set_threshold(max(_thresholds[0], YOUNG_THRESHOLD), *_thresholds[1:])
        _checks_running += 1
    try:
        yield
    finally:
        with _checks_lock:
            _checks_running -= 1
            if _checks_running == 0:
                gc.set_threshold(*_thresholds)
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
