"""The check: connection and token, then every connector concurrently, then cross-checks.

`run_check` never raises for anything AFAS does: every failure becomes a finding. It stops at
`time_limit` or when `cancel` is set, cancelling requests in flight, and still returns what it
learned, marked cancelled.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime

from payt_onboarding.afas.client import AfasClient
from payt_onboarding.afas.credentials import AuthKind
from payt_onboarding.afas.errors import AfasError
from payt_onboarding.checks.attachments import check_attachments
from payt_onboarding.checks.connector import ConnectorOutcome, check_connector
from payt_onboarding.checks.deadlines import classic_phase_out
from payt_onboarding.checks.failures import finding_for_error
from payt_onboarding.checks.findings import make_finding
from payt_onboarding.checks.progress import Cancellation, ProgressCallback, ProgressEvent
from payt_onboarding.checks.resolve import resolve_all
from payt_onboarding.checks.session import (
    DEFAULT_SAMPLE_SIZE,
    CheckOptions,
    CheckSession,
    status_of,
)
from payt_onboarding.report.model import Finding, verdict_of
from payt_onboarding.requirements.model import AttachmentRule, Requirements
from payt_onboarding.vocabulary import Code, Language

__all__ = [
    "DEFAULT_SAMPLE_SIZE", "CheckOptions", "CheckSession", "credential_findings",
    "expiry_findings",
    "run_session",
]

EXPIRY_WARNING_DAYS = 30


def _ignore(event: ProgressEvent) -> None:
    pass


@dataclass
class _Run:
    client: AfasClient
    session: CheckSession
    progress: ProgressCallback
    done: int = 0

    @property
    def url(self) -> str:
        return self.client.environment.base_url

    async def check(self) -> None:
        session, options = self.session, self.session.options
        lang, wanted = options.language, options.roles
        try:
            meta = await self.client.metainfo()
        except AfasError as error:
            session.findings.append(finding_for_error(error, language=lang, url=self.url))
            return
        session.info = meta.info
        session.findings += credential_findings(self.client.auth_kind, meta.info.token_expiry,
                                                lang, options.today)
        requirements = [c for c in session.requirements.connectors
                        if wanted is None or c.role in wanted]
        resolutions = resolve_all(requirements, meta.get_connectors, options.connectors)
        for req in requirements:
            res = resolutions[req.role]
            if res.connector_id is not None:
                session.outcomes[req.role] = ConnectorOutcome(req, res.connector_id)
            elif res.outdated is not None:
                session.findings.append(make_finding(
                    Code.CONNECTOR_OUTDATED_VERSION, language=lang,
                    severity="error" if req.required else "info", role=req.role,
                    connector_id=res.outdated, connector=res.outdated, expected=req.connector,
                    title=req.title_in(lang)))
            else:
                missing = options.connectors.get(req.role) or req.connector
                session.findings.append(make_finding(
                    Code.CONNECTOR_MISSING, language=lang,
                    severity="error" if req.required else "info", role=req.role,
                    connector_id=missing, connector=missing, title=req.title_in(lang)))
        async with asyncio.TaskGroup() as group:
            tasks = {role: group.create_task(self._connector(outcome))
                     for role, outcome in session.outcomes.items()}
            rule = session.requirements.rules.attachments
            if rule is not None and wanted is None:
                # The PDF fetch needs only its own connectors: it overlaps the slower ones.
                needed = [tasks[r] for r in (*rule.roles, rule.target_role) if r in tasks]
                group.create_task(self._attachments(rule, needed))

    async def _attachments(self, rule: AttachmentRule, needed: list[asyncio.Task[None]]) -> None:
        if needed:
            await asyncio.wait(needed)
        self.session.attachment_findings += await check_attachments(
            self.client, rule, self.session.outcomes, language=self.session.language)

    async def _connector(self, outcome: ConnectorOutcome) -> None:
        session, role = self.session, outcome.requirement.role
        total = len(session.outcomes)
        self.progress(ProgressEvent("connector_started", role=role,
                                    connector_id=outcome.connector_id, done=self.done,
                                    total=total))
        # Tables that other rows refer to are read whole: a sample could not prove "unknown".
        targets = {r.target_role for r in session.requirements.rules.references}
        sample = None if role in targets else session.options.sample_size
        try:
            await check_connector(
                self.client, outcome, mapping=session.options.mappings.get(role, {}),
                sample_size=sample, slow_ms=session.options.slow_ms,
                language=session.language, progress=self.progress)
        except AfasError as error:
            outcome.read_findings.append(finding_for_error(
                error, language=session.language, url=self.url, role=role,
                connector_id=outcome.connector_id))
        self.done += 1
        self.progress(ProgressEvent("connector_finished", role=role,
                                    connector_id=outcome.connector_id,
                                    rows=outcome.rows_sampled,
                                    status=status_of(outcome.findings, outcome.finished),
                                    done=self.done, total=total))


def credential_findings(kind: AuthKind, expiry: str | None, language: Language,
                        today: date | None = None) -> list[Finding]:
    """For a classic token its expiry and AFAS's end of classic tokens. Under OAuth nothing:
    what /metainfo's tokenExpiry means there is not settled (reference/afas-oauth.md 5)."""
    if kind != "classic_token":
        return []
    return [*expiry_findings(expiry, language), classic_phase_out(language, today)]


def expiry_findings(expiry: str | None, language: Language) -> list[Finding]:
    if not expiry:
        return []
    try:
        when = datetime.fromisoformat(expiry.strip().replace("Z", "+00:00"))
    except ValueError:
        return []  # the format is not settled (reference §3); better silent than wrong
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    # Calendar days: a token ending on the 7th expires "in 12 days" all of the 25th.
    days = (when.date() - datetime.now(when.tzinfo).date()).days
    if not 0 <= days <= EXPIRY_WARNING_DAYS:
        # In the past, yet AFAS just accepted it: a placeholder such as 0001-01-01, not a date.
        return []
    shown = when.strftime("%d-%m-%Y") if language == "nl" else when.date().isoformat()
    return [make_finding(Code.TOKEN_EXPIRES_SOON, language=language, expiry=shown, days=days)]


async def run_session(
    client: AfasClient,
    requirements: Requirements,
    *,
    environment_name: str,
    options: CheckOptions | None = None,
    progress: ProgressCallback | None = None,
    cancel: Cancellation | None = None,
) -> CheckSession:
    """The check, kept as a session: its report, and the report under another mapping."""
    options = options or CheckOptions()
    env = client.environment
    session = CheckSession(
        requirements, options, uid=env.uid, environment_name=environment_name,
        base_url=env.base_url,
        checked_at=datetime.now().astimezone().isoformat(timespec="seconds"),
        auth=client.auth_kind)
    run = _Run(client, session, progress or _ignore)
    run.progress(ProgressEvent("check_started", total=len(requirements.connectors)))
    started = time.perf_counter()
    work = asyncio.create_task(run.check())
    stop = asyncio.create_task((cancel or Cancellation()).wait())
    done, _ = await asyncio.wait({work, stop}, timeout=options.time_limit,
                                 return_when=asyncio.FIRST_COMPLETED)
    stop.cancel()
    if work not in done:
        work.cancel()
        await asyncio.gather(work, return_exceptions=True)
        # What the finished connectors show still counts: a nameless debtor is one either way.
        session.stop_findings.append(
            make_finding(Code.CHECK_CANCELLED, language=options.language) if stop in done
            else make_finding(Code.CHECK_TIMED_OUT, language=options.language,
                              seconds=round(options.time_limit)))
    elif work.exception() is not None:
        raise work.exception()  # type: ignore[misc]  # a bug, not an AFAS failure
    session.grant = client.grant
    session.apply_rules()
    session.duration_ms = round((time.perf_counter() - started) * 1000, 1)
    run.progress(ProgressEvent("check_finished", status=verdict_of(session.all_findings()),
                               done=run.done, total=len(session.outcomes)))
    return session

