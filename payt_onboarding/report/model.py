"""The check report (DESIGN.md section 4, schema_version 1). Keys are only ever added."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from payt_onboarding.vocabulary import Language, Severity

Verdict = Literal["ready", "ready_with_warnings", "not_ready"]
ConnectorStatus = Literal["ok", "warning", "error", "missing", "skipped"]
FieldStatus = Literal["ok", "mapped", "missing", "type_mismatch", "empty"]
MAX_EXAMPLES = 5


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Tool(_Model):
    name: str = "payt-onboarding"
    version: str


class Target(_Model):
    uid: str
    environment: str  # production | test | accept
    base_url: str
    envid: str | None = None
    app_name: str | None = None
    user_group: str | None = None
    token_expiry: str | None = None
    # Added: what was tested (classic_token, oauth_client_secret, oauth_private_key_jwt); for
    # OAuth the client authentication that worked and the access token's lifetime in seconds.
    auth: str | None = None
    client_auth: str | None = None
    access_token_lifetime: int | None = None
    # Added: a classic token given beside the OAuth client (Hybrid): did AFAS accept it?
    classic_token_accepted: bool | None = None

    @property
    def shows_token_expiry(self) -> bool:
        """Whether "token valid until" means anything: for a classic token, or when AFAS gave
        a value (under OAuth its meaning is unsettled, reference/afas-oauth.md 5)."""
        return self.auth in (None, "classic_token") or self.token_expiry is not None


class FieldResult(_Model):
    payt_field: str
    afas_field: str | None
    mandatory: bool
    status: FieldStatus
    afas_type: str | None = None
    fill_rate: float | None = Field(default=None, ge=0, le=1)
    # Added to the contract: what Payt expects and a few sampled values, for the mapping view.
    payt_type: str | None = None
    source: str | None = None  # guide | payt-docs | reconstructed
    samples: tuple[str, ...] = ()


class AfasField(_Model):
    """A field the AFAS connector offers: what a missing Payt field could be mapped to."""

    id: str
    type: str
    label: str = ""


class ConnectorResult(_Model):
    role: str
    connector_id: str | None
    required: bool
    status: ConnectorStatus
    rows_sampled: int = 0
    duration_ms: float = 0.0
    fields: tuple[FieldResult, ...] = ()
    # Added: the human name of the role, the id Payt ships, and every AFAS field on offer.
    title: str = ""
    expected_connector: str = ""
    afas_fields: tuple[AfasField, ...] = ()
    # Added: after a full scan, a new field mapping is judged on the first rows only (those
    # kept); how many. None: judged on every row read.
    judged_rows: int | None = None


class Finding(_Model):
    code: str
    severity: Severity
    role: str | None = None
    connector_id: str | None = None
    field: str | None = None
    message: str
    hint: str
    count: int = 1
    examples: tuple[str, ...] = Field(default=(), max_length=MAX_EXAMPLES)


ChangeKind = Literal[
    "connector_added", "connector_removed", "connector_renamed", "connector_version",
    "field_added", "field_removed", "field_retyped", "mapping_unresolved",
    "finding_new", "finding_resolved", "fill_rate_dropped",
    "expiry_moved", "expiry_soon",
    # Added: the kind of credentials changed (a classic token's app connector moved to OAuth).
    "auth_changed",
]


class Change(_Model):
    """One difference between the profile's saved validation and this check (issue 16)."""

    kind: ChangeKind
    role: str | None = None
    field: str | None = None
    before: str | None = None
    after: str | None = None
    message: str  # in the report's language


class SinceLastValidation(_Model):
    """What changed since the validation saved with the profile; no changes: nothing changed."""

    validated_at: str  # ISO 8601 with offset, the saved validation's checked_at
    verdict: Verdict  # the saved validation's verdict
    changes: tuple[Change, ...] = ()


class Report(_Model):
    schema_version: Literal[1] = 1
    tool: Tool
    checked_at: str  # ISO 8601 with offset
    target: Target
    verdict: Verdict
    connectors: tuple[ConnectorResult, ...] = ()
    findings: tuple[Finding, ...] = ()
    # Added: how the check ran.
    language: Language = "nl"
    cancelled: bool = False
    duration_ms: float = 0.0
    sample_size: int | None = None  # None: every row was read
    requirements: str = ""  # where the requirements came from
    # Added: a re-check of a saved profile compared with its last validation; None when the
    # check was not of a profile or the profile has no snapshot yet.
    since_last_validation: SinceLastValidation | None = None

    def codes(self, severity: Severity | None = None) -> set[str]:
        return {f.code for f in self.findings if severity is None or f.severity == severity}


def verdict_of(findings: tuple[Finding, ...] | list[Finding]) -> Verdict:
    severities = {f.severity for f in findings}
    if "error" in severities:
        return "not_ready"
    if "warning" in severities:
        return "ready_with_warnings"
    return "ready"
