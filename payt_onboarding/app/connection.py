"""Open an AFAS client for an environment, and test a connection by asking `/metainfo` only."""

from __future__ import annotations

from dataclasses import dataclass

from payt_onboarding.afas.client import AfasClient
from payt_onboarding.afas.environment import Environment
from payt_onboarding.afas.errors import AfasError
from payt_onboarding.afas.models import SessionInfo
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.app.log_scrub import remember_token
from payt_onboarding.checks.engine import expiry_findings
from payt_onboarding.checks.failures import finding_for_error
from payt_onboarding.report.model import Finding
from payt_onboarding.vocabulary import Language


@dataclass(frozen=True)
class Connection:
    info: SessionInfo | None  # None: AFAS did not accept (see findings)
    findings: tuple[Finding, ...] = ()


def open_client(environment: Environment, token: AfasToken, language: Language) -> AfasClient:
    """A client for one environment; AFAS answers its own texts in `language`. Every token
    that reaches AFAS passes here: from now on the log file blanks it."""
    remember_token(token)
    return AfasClient(environment, token, language=language)


async def probe_connection(environment: Environment, token: AfasToken,
                           language: Language) -> Connection:
    """AFAS's answer to `/metainfo`: who the token belongs to, or why it is refused (a finding,
    never an exception)."""
    async with open_client(environment, token, language) as client:
        try:
            meta = await client.metainfo()
        except AfasError as error:
            return Connection(None, (finding_for_error(error, language=language,
                                                       url=environment.base_url),))
    return Connection(meta.info, tuple(expiry_findings(meta.info.token_expiry, language)))
