"""Open an AFAS client for an environment, and test a connection by asking `/metainfo` only."""

from __future__ import annotations

from dataclasses import dataclass

from payt_onboarding.afas.client import AfasClient
from payt_onboarding.afas.credentials import Credentials
from payt_onboarding.afas.environment import Environment
from payt_onboarding.afas.errors import AfasError
from payt_onboarding.afas.models import SessionInfo
from payt_onboarding.afas.oauth import TokenGrant
from payt_onboarding.app.log_scrub import remember_credentials
from payt_onboarding.checks.engine import credential_findings
from payt_onboarding.checks.failures import finding_for_error
from payt_onboarding.report.model import Finding
from payt_onboarding.vocabulary import Language


@dataclass(frozen=True)
class Connection:
    info: SessionInfo | None  # None: AFAS did not accept (see findings)
    findings: tuple[Finding, ...] = ()
    grant: TokenGrant | None = None  # OAuth: the token request's result (type, lifetime)


def open_client(environment: Environment, credentials: Credentials,
                language: Language) -> AfasClient:
    """A client for one environment; AFAS answers its own texts in `language`. Every secret
    that reaches AFAS passes here: from now on the log file blanks it."""
    remember_credentials(credentials)
    return AfasClient(environment, credentials, language=language)


async def probe_connection(environment: Environment, credentials: Credentials,
                           language: Language) -> Connection:
    """AFAS's answer to `/metainfo` (after the token request, for an OAuth client): who the
    credentials belong to, or why they are refused (a finding, never an exception)."""
    async with open_client(environment, credentials, language) as client:
        try:
            meta = await client.metainfo()
        except AfasError as error:
            return Connection(None, (finding_for_error(error, language=language,
                                                       url=environment.base_url),),
                              client.grant)
    return Connection(meta.info, tuple(credential_findings(
        client.auth_kind, meta.info.token_expiry, language)), client.grant)
