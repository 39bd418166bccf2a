"""What one check learned, kept after AFAS is gone: the report, and the report again under a new
field mapping or with one connector tested anew (the wizard's mapping and "test again")."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from payt_onboarding import __version__
from payt_onboarding.afas.credentials import AuthKind
from payt_onboarding.afas.models import SessionInfo
from payt_onboarding.afas.oauth import TokenGrant
from payt_onboarding.checks.connector import ConnectorOutcome, evaluate, mapping_choices
from payt_onboarding.checks.rules import RoleData, apply_rules
from payt_onboarding.report.model import (
    AfasField,
    ConnectorResult,
    ConnectorStatus,
    Finding,
    Report,
    Target,
    Tool,
    verdict_of,
)
from payt_onboarding.requirements.model import Requirements
from payt_onboarding.vocabulary import SEVERITY_ORDER, Language

DEFAULT_SAMPLE_SIZE = 200


@dataclass(frozen=True)
class CheckOptions:
    sample_size: int | None = DEFAULT_SAMPLE_SIZE  # None: read every row
    language: Language = "nl"
    time_limit: float = 120.0  # seconds for the whole check
    slow_ms: float = 1000.0
    connectors: Mapping[str, str] = field(default_factory=dict)  # role -> chosen connector id
    mappings: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # role -> payt->afas
    roles: frozenset[str] | None = None  # test only these connectors (None: all)
    today: date | None = None  # the day the classic-token deadline is measured from (tests)


@dataclass
class CheckSession:
    requirements: Requirements
    options: CheckOptions
    uid: str
    environment_name: str
    base_url: str
    checked_at: str
    info: SessionInfo | None = None
    auth: AuthKind = "classic_token"
    grant: TokenGrant | None = None  # the OAuth token request's result
    findings: list[Finding] = field(default_factory=list)  # the environment, and resolution
    outcomes: dict[str, ConnectorOutcome] = field(default_factory=dict)
    attachment_findings: list[Finding] = field(default_factory=list)
    rule_findings: list[Finding] = field(default_factory=list)
    stop_findings: list[Finding] = field(default_factory=list)  # cancelled or timed out
    duration_ms: float = 0.0

    @property
    def language(self) -> Language:
        return self.options.language

    def finished_data(self) -> dict[str, RoleData]:
        return {role: o.data for role, o in self.outcomes.items() if o.data is not None}

    def apply_rules(self) -> None:
        self.rule_findings = apply_rules(self.requirements.rules, self.finished_data(),
                                         self.language)

    def all_findings(self) -> list[Finding]:
        found = [*self.findings, *self.attachment_findings, *self.rule_findings,
                 *self.stop_findings]
        for outcome in self.outcomes.values():
            found += outcome.findings
        return found

    def report(self) -> Report:
        findings = self.all_findings()
        info = self.info
        roles = [c.role for c in self.requirements.connectors]
        return Report(
            tool=Tool(version=__version__),
            checked_at=self.checked_at,
            target=Target(
                uid=self.uid, environment=self.environment_name, base_url=self.base_url,
                envid=info.envid if info else None, app_name=info.app_name if info else None,
                user_group=info.group if info else None,
                token_expiry=info.token_expiry if info else None,
                auth=self.auth,
                client_auth=self.grant.method if self.grant else None,
                access_token_lifetime=self.grant.expires_in if self.grant else None,
            ),
            verdict=verdict_of(findings),
            connectors=self._connector_results(findings),
            findings=tuple(_ordered(findings, roles)),
            language=self.language,
            cancelled=bool(self.stop_findings),
            duration_ms=self.duration_ms,
            sample_size=self.options.sample_size,
            requirements=self.requirements.origin,
        )

    def remap(self, role: str, payt_field: str, afas_field: str | None) -> None:
        """Read `payt_field` from `afas_field` (None: by its own name again) and judge the
        connector and the cross-connector rules again from the rows already read. The invoice
        PDF findings stay as they were: they came from AFAS, not from the mapping."""
        mappings = {r: dict(m) for r, m in self.options.mappings.items()}
        own = mappings.setdefault(role, {})
        if afas_field is None:
            own.pop(payt_field, None)
        else:
            own[payt_field] = afas_field
        self.options = dataclasses.replace(self.options,
                                           mappings={r: m for r, m in mappings.items() if m})
        outcome = self.outcomes.get(role)
        if outcome is not None:
            evaluate(outcome, self.options.mappings.get(role, {}), self.language)
        self.apply_rules()

    def mapping_choices(
        self, role: str, payt_field: str
    ) -> tuple[list[AfasField], list[AfasField]]:
        """(suggested, every other unused field) for `payt_field`."""
        outcome = self.outcomes.get(role)
        return mapping_choices(outcome, payt_field) if outcome else ([], [])

    def take_role(self, other: CheckSession, role: str) -> None:
        """One connector tested again (`other` checked only `role`): its result replaces
        this one's. Run as a one-connector check, it cannot redo the invoice PDF test."""
        self.findings = ([f for f in self.findings if f.role != role]
                         + [f for f in other.findings if f.role == role])
        self.outcomes.pop(role, None)
        if role in other.outcomes:
            self.outcomes[role] = other.outcomes[role]
        if other.info is not None:
            self.info = other.info
        self.grant = other.grant or self.grant
        self.apply_rules()

    def _connector_results(self, findings: list[Finding]) -> tuple[ConnectorResult, ...]:
        results = []
        for req in self.requirements.connectors:
            outcome = self.outcomes.get(req.role)
            common: dict[str, Any] = {
                "role": req.role, "required": req.required, "expected_connector": req.connector,
                "title": req.title_in(self.language)}
            if outcome is None:
                status: ConnectorStatus = "missing" if self.info else "skipped"
                results.append(ConnectorResult(connector_id=None, status=status, **common))
                continue
            results.append(ConnectorResult(
                connector_id=outcome.connector_id,
                status=status_of([f for f in findings if f.role == req.role], outcome.finished),
                rows_sampled=outcome.rows_sampled, duration_ms=outcome.duration_ms,
                fields=tuple(outcome.fields), afas_fields=tuple(outcome.afas_fields),
                judged_rows=outcome.judged_rows, **common))
        return tuple(results)


def status_of(findings: list[Finding], finished: bool) -> ConnectorStatus:
    severities = {f.severity for f in findings}
    if "error" in severities:
        return "error"
    if not finished:
        return "skipped"
    return "warning" if "warning" in severities else "ok"


def _ordered(findings: list[Finding], roles: list[str]) -> list[Finding]:
    """Errors first; within a severity, findings about the whole environment, then per
    connector in requirements order (stable otherwise)."""
    place = {role: i for i, role in enumerate(roles)}
    return sorted(findings, key=lambda f: (SEVERITY_ORDER.index(f.severity),
                                           place.get(f.role or "", -1)))
