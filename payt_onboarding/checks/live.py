"""The wizard's two calls to AFAS, Qt-free: test the connection (/metainfo only) and check
the environment as a session. Both turn every AFAS failure into a finding."""

from __future__ import annotations

from dataclasses import dataclass

from payt_onboarding.afas.client import AfasClient
from payt_onboarding.afas.environment import Environment
from payt_onboarding.afas.errors import AfasError
from payt_onboarding.afas.models import SessionInfo
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.checks.engine import CheckOptions, CheckSession, expiry_findings, run_session
from payt_onboarding.checks.failures import finding_for_error
from payt_onboarding.checks.progress import Cancellation, ProgressCallback
from payt_onboarding.report.model import Finding
from payt_onboarding.requirements.model import Requirements
from payt_onboarding.vocabulary import Language


@dataclass(frozen=True)
class Connection:
    info: SessionInfo | None  # None: AFAS did not accept (see findings)
    findings: tuple[Finding, ...] = ()


def _client(environment: Environment, token: AfasToken, language: Language) -> AfasClient:
    return AfasClient(environment, token, language=language)


async def test_connection(environment: Environment, token: AfasToken,
                          language: Language) -> Connection:
    async with _client(environment, token, language) as client:
        try:
            meta = await client.metainfo()
        except AfasError as error:
            return Connection(None, (finding_for_error(error, language=language,
                                                       url=environment.base_url),))
    return Connection(meta.info, tuple(expiry_findings(meta.info.token_expiry, language)))


async def check_live(
    environment: Environment,
    token: AfasToken,
    requirements: Requirements,
    options: CheckOptions,
    progress: ProgressCallback | None = None,
    cancel: Cancellation | None = None,
) -> CheckSession:
    async with _client(environment, token, options.language) as client:
        return await run_session(client, requirements, environment_name=environment.kind.value,
                                 options=options, progress=progress, cancel=cancel)
