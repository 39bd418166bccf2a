"""The check: connection and token, then every connector concurrently, then cross-checks.

`run_check` never raises for anything AFAS does: every failure becomes a finding. It stops at
`time_limit` or when `cancel` is set, cancelling requests in flight, and still returns what it
learned, marked cancelled.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from payt_onboarding.afas.client import AfasClient
from payt_onboarding.afas.credentials import AuthKind
from payt_onboarding.afas.errors import AfasError
from payt_onboarding.afas.models import ConnectorMetadata, MetaInfo
from payt_onboarding.afas.scheduler import priority, set_priority
from payt_onboarding.checks.attachments import check_attachments
from payt_onboarding.checks.connector import ConnectorOutcome, check_connector
from payt_onboarding.checks.deadlines import classic_phase_out
from payt_onboarding.checks.expiry import EXPIRY_WARNING_DAYS
from payt_onboarding.checks.failures import finding_for_error
from payt_onboarding.checks.findings import make_finding
from payt_onboarding.checks.progress import Cancellation, ProgressCallback, ProgressEvent
from payt_onboarding.checks.resolve import resolve_all
from payt_onboarding.checks.rules import LOOKUP
from payt_onboarding.checks.session import (
    DEFAULT_SAMPLE_SIZE,
    CheckOptions,
    CheckSession,
    status_of,
)
from payt_onboarding.report.model import Finding, verdict_of
from payt_onboarding.requirements.model import AttachmentRule, ConnectorRequirement, Requirements
from payt_onboarding.vocabulary import Code, Language

__all__ = [
    "DEFAULT_SAMPLE_SIZE", "CheckOptions", "CheckSession", "credential_findings",
    "expiry_findings",
    "run_session",
]

# The rows of a full scan kept per connector to judge a new field mapping on: the default
# sample, the same first rows in the same order, so the mapping page says after a full scan
# what it says after a default check; in memory 200 rows per connector at most.
KEPT_ROWS = DEFAULT_SAMPLE_SIZE


def _ignore(event: ProgressEvent) -> None:
    pass


# A request's place in the client's queue (afas/scheduler.py): the requests on the longest chain
# of requests, each waiting on the one before, go first. That chain is the invoice-PDF test's:
# /metainfo, the invoice and attachment connectors' fields, the invoices' first page, the
# attachment lookup, the PDF. Every other connector: its fields, then its first page. The rest
# of a full scan's pages come last, first come first served.
CHAIN, FIRST, REST = 2, 1, 0


@dataclass
class _Run:
    client: AfasClient
    session: CheckSession
    progress: ProgressCallback
    done: int = 0
    chain: frozenset[str] = frozenset()  # roles whose first answers the PDF test waits on
    ready: dict[str, asyncio.Event] = field(default_factory=dict)  # the PDF test may start

    @property
    def url(self) -> str:
        return self.client.environment.base_url

    async def check(self) -> None:
        session, options = self.session, self.session.options
        lang, wanted = options.language, options.roles
        requirements = [c for c in session.requirements.connectors
                        if wanted is None or c.role in wanted]
        rule = session.requirements.rules.attachments
        if rule is not None and wanted is None:
            self.chain = frozenset((*rule.roles, rule.target_role))
        # The expected connectors' fields are asked alongside /metainfo, not after it: kept
        # when /metainfo lists the same id, thrown away when it shows another.
        prefetched: dict[str, asyncio.Task[ConnectorMetadata]] = {}
        for req in requirements:
            cid = options.connectors.get(req.role) or req.connector
            with priority(CHAIN if req.role in self.chain else FIRST):
                prefetched.setdefault(cid, asyncio.create_task(
                    self.client.connector_metadata(cid)))
        try:  # stopped however the check ends: an error, a cancel mid-/metainfo, the end
            try:
                with priority(CHAIN):
                    meta = await self.client.metainfo()
            except AfasError as error:
                session.findings.append(finding_for_error(error, language=lang, url=self.url))
                return
            self._resolve(meta, requirements)
            await self._connectors(rule if wanted is None else None, prefetched)
        finally:
            await _discard(prefetched.values())

    def _resolve(self, meta: MetaInfo, requirements: list[ConnectorRequirement]) -> None:
        session, options, lang = self.session, self.session.options, self.session.language
        session.info = meta.info
        session.findings += credential_findings(self.client.auth_kind, meta.info.token_expiry,
                                                lang, options.today)
        resolutions = resolve_all(requirements, meta.get_connectors, options.connectors)
        for req in requirements:
            res = resolutions[req.role]
            if res.connector_id is not None:
                session.outcomes[req.role] = ConnectorOutcome(
                    req, res.connector_id, rules=session.requirements.rules)
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

    async def _connectors(self, rule: AttachmentRule | None,
                          prefetched: dict[str, asyncio.Task[ConnectorMetadata]]) -> None:
        outcomes = self.session.outcomes
        self.ready = {role: asyncio.Event() for role in outcomes}
        # The chain's connectors first, so their requests are also queued first.
        order = sorted(outcomes.values(), key=lambda o: o.requirement.role not in self.chain)
        async with asyncio.TaskGroup() as group:
            tasks = {o.requirement.role: group.create_task(
                self._connector(o, prefetched.get(o.connector_id))) for o in order}
            if rule is not None:
                # The PDF test needs the invoices' first links and the attachment connector's
                # fields, not their every row: it overlaps the rest of the reading.
                group.create_task(self._attachments(rule, tasks))

    async def _attachments(self, rule: AttachmentRule, tasks: dict[str, asyncio.Task[None]]
                           ) -> None:
        session, roles = self.session, [r for r in (*rule.roles, rule.target_role) if r in tasks]
        await asyncio.gather(*(self.ready[r].wait() for r in roles))
        with priority(CHAIN):
            found = await check_attachments(self.client, rule, session.outcomes,
                                            language=session.language)
        if roles:
            await asyncio.wait([tasks[r] for r in roles])
        if not all(session.outcomes[r].finished for r in roles):
            # A connector it read from failed later: judge from the finished ones alone, as
            # if it had waited for them.
            finished = {r: o for r, o in session.outcomes.items() if o.finished}
            with priority(CHAIN):
                found = await check_attachments(self.client, rule, finished,
                                                language=session.language)
        session.attachment_findings += found

    def _is_ready(self, outcome: ConnectorOutcome) -> None:
        """Called as a connector's reading goes: may the PDF test start, and the page after
        the first queue behind the first pages of others?"""
        role, fold = outcome.requirement.role, outcome.read
        rule = self.session.requirements.rules.attachments
        if fold is None or rule is None or role not in self.chain:
            pass
        elif role == rule.target_role or len(fold.links) >= LOOKUP:
            self.ready[role].set()
        if outcome.rows_sampled:
            set_priority(REST)

    async def _connector(self, outcome: ConnectorOutcome,
                         metadata: asyncio.Task[ConnectorMetadata] | None) -> None:
        session, role = self.session, outcome.requirement.role
        total = len(session.outcomes)
        self.progress(ProgressEvent("connector_started", role=role,
                                    connector_id=outcome.connector_id, done=self.done,
                                    total=total))
        # Tables that other rows refer to are read whole: a sample could not prove "unknown".
        targets = {r.target_role for r in session.requirements.rules.references}
        sample = None if role in targets else session.options.sample_size
        # What stays to judge a new mapping on: a sample whole, of a full scan its first rows.
        keep = KEPT_ROWS if sample is None and role not in targets else None
        set_priority(CHAIN if role in self.chain else FIRST)
        try:
            await check_connector(
                self.client, outcome, mapping=session.options.mappings.get(role, {}),
                sample_size=sample, keep=keep, slow_ms=session.options.slow_ms,
                language=session.language, progress=self.progress, asked=metadata,
                ready=lambda: self._is_ready(outcome))
        except AfasError as error:
            outcome.read_findings.append(finding_for_error(
                error, language=session.language, url=self.url, role=role,
                connector_id=outcome.connector_id))
        finally:
            self.ready[role].set()  # read or failed: nothing more to wait for
        self.done += 1
        self.progress(ProgressEvent("connector_finished", role=role,
                                    connector_id=outcome.connector_id,
                                    rows=outcome.rows_sampled,
                                    status=status_of(outcome.findings, outcome.finished),
                                    done=self.done, total=total))


async def _discard(tasks: Iterable[asyncio.Task[ConnectorMetadata]]) -> None:
    """Prefetched fields nobody used: stopped, and their failures (a 401, say) not reported:
    /metainfo's own answer says it. Awaited, so that a stopped request has left its slot
    (scheduler.py) before the client closes."""
    tasks = list(tasks)
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


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

