"""The check: connection and token, then every connector concurrently, then cross-checks.

`run_check` never raises for anything AFAS does: every failure becomes a finding. It stops at
`time_limit` or when `cancel` is set, cancelling requests in flight, and still returns what it
learned, marked cancelled.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from payt_onboarding import __version__
from payt_onboarding.afas.client import AfasClient
from payt_onboarding.afas.errors import AfasError
from payt_onboarding.afas.models import SessionInfo
from payt_onboarding.checks.attachments import check_attachments
from payt_onboarding.checks.catalog import make_finding
from payt_onboarding.checks.connector import ConnectorOutcome, check_connector
from payt_onboarding.checks.failures import finding_for_error
from payt_onboarding.checks.progress import Cancellation, ProgressCallback, ProgressEvent
from payt_onboarding.checks.resolve import Resolution, resolve_all
from payt_onboarding.checks.rules import RoleData, apply_rules
from payt_onboarding.codes import Code
from payt_onboarding.report.model import (
    SEVERITY_ORDER,
    ConnectorResult,
    ConnectorStatus,
    Finding,
    Language,
    Report,
    Target,
    Tool,
    verdict_of,
)
from payt_onboarding.requirements.model import AttachmentRule, Requirements

DEFAULT_SAMPLE_SIZE = 200
EXPIRY_WARNING_DAYS = 30


@dataclass(frozen=True)
class CheckOptions:
    sample_size: int | None = DEFAULT_SAMPLE_SIZE  # None: read every row
    language: Language = "nl"
    time_limit: float = 120.0  # seconds for the whole check
    slow_ms: float = 1000.0
    connectors: Mapping[str, str] = field(default_factory=dict)  # role -> chosen connector id
    mappings: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # role -> payt->afas


def _ignore(event: ProgressEvent) -> None:
    pass


@dataclass
class _Run:
    client: AfasClient
    requirements: Requirements
    options: CheckOptions
    progress: ProgressCallback
    info: SessionInfo | None = None
    findings: list[Finding] = field(default_factory=list)
    resolutions: dict[str, Resolution] = field(default_factory=dict)
    outcomes: dict[str, ConnectorOutcome] = field(default_factory=dict)
    done: int = 0

    @property
    def url(self) -> str:
        return self.client.environment.base_url

    async def check(self) -> None:
        lang = self.options.language
        try:
            meta = await self.client.metainfo()
        except AfasError as error:
            self.findings.append(finding_for_error(error, language=lang, url=self.url))
            return
        self.info = meta.info
        self.findings += _expiry_findings(meta.info.token_expiry, lang)
        self.resolutions = resolve_all(self.requirements.connectors, meta.get_connectors,
                                       self.options.connectors)
        for req in self.requirements.connectors:
            res = self.resolutions[req.role]
            if res.connector_id is not None:
                self.outcomes[req.role] = ConnectorOutcome(req, res.connector_id)
            elif res.outdated is not None:
                self.findings.append(make_finding(
                    Code.CONNECTOR_OUTDATED_VERSION, language=lang,
                    severity="error" if req.required else "info", role=req.role,
                    connector_id=res.outdated, connector=res.outdated, expected=req.connector,
                    title=req.title_in(lang)))
            else:
                missing = self.options.connectors.get(req.role) or req.connector
                self.findings.append(make_finding(
                    Code.CONNECTOR_MISSING, language=lang,
                    severity="error" if req.required else "info", role=req.role,
                    connector_id=missing, connector=missing, title=req.title_in(lang)))
        async with asyncio.TaskGroup() as group:
            tasks = {role: group.create_task(self._connector(outcome))
                     for role, outcome in self.outcomes.items()}
            rule = self.requirements.rules.attachments
            if rule is not None:
                # The PDF fetch needs only its own connectors: it overlaps the slower ones.
                needed = [tasks[r] for r in (*rule.roles, rule.target_role) if r in tasks]
                group.create_task(self._attachments(rule, needed))
        self.findings += apply_rules(self.requirements.rules, self.finished_data(), lang)

    async def _attachments(self, rule: AttachmentRule, needed: list[asyncio.Task[None]]) -> None:
        if needed:
            await asyncio.wait(needed)
        self.findings += await check_attachments(self.client, rule, self.outcomes,
                                                 language=self.options.language)

    async def _connector(self, outcome: ConnectorOutcome) -> None:
        role = outcome.requirement.role
        self.progress(ProgressEvent("connector_started", role=role,
                                    connector_id=outcome.connector_id, done=self.done,
                                    total=len(self.outcomes)))
        # Tables that other rows refer to are read whole: a sample could not prove "unknown".
        targets = {r.target_role for r in self.requirements.rules.references}
        sample = None if role in targets else self.options.sample_size
        try:
            await check_connector(
                self.client, outcome, mapping=self.options.mappings.get(role, {}),
                sample_size=sample, slow_ms=self.options.slow_ms,
                language=self.options.language, progress=self.progress)
        except AfasError as error:
            outcome.findings.append(finding_for_error(
                error, language=self.options.language, url=self.url, role=role,
                connector_id=outcome.connector_id))
        self.done += 1
        self.progress(ProgressEvent("connector_finished", role=role,
                                    connector_id=outcome.connector_id,
                                    rows=outcome.rows_sampled,
                                    status=_status(outcome.findings, outcome.finished),
                                    done=self.done, total=len(self.outcomes)))

    def finished_data(self) -> dict[str, RoleData]:
        return {role: o.data for role, o in self.outcomes.items() if o.data is not None}

    def connector_results(self) -> tuple[ConnectorResult, ...]:
        results = []
        for req in self.requirements.connectors:
            outcome = self.outcomes.get(req.role)
            common: dict[str, Any] = {
                "role": req.role, "required": req.required, "expected_connector": req.connector,
                "title": req.title_in(self.options.language)}
            if outcome is None:
                status: ConnectorStatus = "missing" if self.info else "skipped"
                results.append(ConnectorResult(connector_id=None, status=status, **common))
                continue
            results.append(ConnectorResult(
                connector_id=outcome.connector_id,
                status=_status(self._role_findings(req.role), outcome.finished),
                rows_sampled=outcome.rows_sampled, duration_ms=outcome.duration_ms,
                fields=tuple(outcome.fields), afas_fields=tuple(outcome.afas_fields),
                **common))
        return tuple(results)

    def _role_findings(self, role: str) -> list[Finding]:
        return [f for f in self.all_findings() if f.role == role]

    def all_findings(self) -> list[Finding]:
        found = list(self.findings)
        for outcome in self.outcomes.values():
            found += outcome.findings
        return found


def _status(findings: list[Finding], finished: bool) -> ConnectorStatus:
    severities = {f.severity for f in findings}
    if "error" in severities:
        return "error"
    if not finished:
        return "skipped"
    return "warning" if "warning" in severities else "ok"


def _expiry_findings(expiry: str | None, language: Language) -> list[Finding]:
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


async def run_check(
    client: AfasClient,
    requirements: Requirements,
    *,
    environment_name: str,
    options: CheckOptions | None = None,
    progress: ProgressCallback | None = None,
    cancel: Cancellation | None = None,
) -> Report:
    options = options or CheckOptions()
    run = _Run(client, requirements, options, progress or _ignore)
    run.progress(ProgressEvent("check_started", total=len(requirements.connectors)))
    started = time.perf_counter()
    checked_at = datetime.now().astimezone().isoformat(timespec="seconds")
    work = asyncio.create_task(run.check())
    stop = asyncio.create_task((cancel or Cancellation()).wait())
    done, _ = await asyncio.wait({work, stop}, timeout=options.time_limit,
                                 return_when=asyncio.FIRST_COMPLETED)
    stop.cancel()
    if work not in done:
        work.cancel()
        await asyncio.gather(work, return_exceptions=True)
        # What the finished connectors show still counts: a nameless debtor is one either way.
        run.findings += apply_rules(requirements.rules, run.finished_data(), options.language)
    elif work.exception() is not None:
        raise work.exception()  # type: ignore[misc]  # a bug, not an AFAS failure
    findings = run.all_findings()
    cancelled = work not in done
    if cancelled:
        findings.append(
            make_finding(Code.CHECK_CANCELLED, language=options.language) if stop in done
            else make_finding(Code.CHECK_TIMED_OUT, language=options.language,
                              seconds=round(options.time_limit)))
    info = run.info
    env = client.environment
    report = Report(
        tool=Tool(version=__version__),
        checked_at=checked_at,
        target=Target(
            uid=env.uid, environment=environment_name, base_url=env.base_url,
            envid=info.envid if info else None, app_name=info.app_name if info else None,
            user_group=info.group if info else None,
            token_expiry=info.token_expiry if info else None,
        ),
        verdict=verdict_of(findings),
        connectors=run.connector_results(),
        findings=tuple(_ordered(findings, [c.role for c in requirements.connectors])),
        language=options.language,
        cancelled=cancelled,
        duration_ms=round((time.perf_counter() - started) * 1000, 1),
        sample_size=options.sample_size,
        requirements=requirements.origin,
    )
    run.progress(ProgressEvent("check_finished", status=report.verdict,
                               done=run.done, total=len(run.outcomes)))
    return report


def _ordered(findings: list[Finding], roles: list[str]) -> list[Finding]:
    """Errors first; within a severity, findings about the whole environment, then per
    connector in requirements order (stable otherwise)."""
    place = {role: i for i, role in enumerate(roles)}
    return sorted(findings, key=lambda f: (SEVERITY_ORDER.index(f.severity),
                                           place.get(f.role or "", -1)))
