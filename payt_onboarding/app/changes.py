"""What changed since a profile's last validation (issue 16).

`snapshot_of(report)` is what a validation keeps in the profile (`save_checked_profile` stores
it); `since_last_validation(profile, report)` compares a re-check with it, one `Change` per
difference, each message in the report's language; `with_changes(report, profile)` is the
report carrying that section. `check --profile`, the wizard's re-check and `check
--all-profiles` all call these.

Only what this check learned is compared: a connector that was not read says nothing about its
fields, and a finding is "resolved" only where the check got far enough to find it again.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from payt_onboarding.checks.expiry import EXPIRY_WARNING_DAYS
from payt_onboarding.checks.resolve import connector_key
from payt_onboarding.messages import render
from payt_onboarding.messages.ids import ChangeId
from payt_onboarding.profile.model import Profile, Validation
from payt_onboarding.profile.snapshot import (
    FindingCount,
    RoleSnapshot,
    Snapshot,
    pairs,
    split_pairs,
)
from payt_onboarding.report.labels import Labels, days_left, expiry, labels_for
from payt_onboarding.report.model import (
    Change,
    ChangeKind,
    ConnectorResult,
    Report,
    SinceLastValidation,
)
from payt_onboarding.vocabulary import Code

__all__ = ["DROP_POINTS", "changes_since", "since_last_validation", "snapshot_of",
           "with_changes"]

# A fill rate that fell by more than this many percentage points is reported. The rows read
# are the first of a stable order, not a random draw, so an unchanged administration reads much
# the same rows again; 10 points is over twice the spread a 200-row sample shows even at 50%
# (3.5 points), yet small enough to catch a field that new entries leave empty.
DROP_POINTS = 10
_VERSION_SUFFIX = re.compile(r"_v\d+$")


# --- the snapshot ---------------------------------------------------------------------------

def snapshot_of(report: Report) -> Snapshot:
    """What the profile keeps of this check: connector ids, AFAS fields and types, mappings,
    fill rates, finding codes with counts, the credentials' kind and expiry. Never a row, a
    sampled value, a finding's text or a secret."""
    outdated = {f.role: f.connector_id for f in report.findings
                if f.code == Code.CONNECTOR_OUTDATED_VERSION.value and f.role}
    roles = [_role_snapshot(c, outdated.get(c.role)) for c in report.connectors if _read(c)]
    counts: dict[tuple[str, str | None, str | None], int] = {}
    for f in report.findings:
        key = (f.code, f.role, f.field)
        counts[key] = counts.get(key, 0) + f.count
    findings = tuple(FindingCount(code=code, role=role, field=field, count=count)
                     for (code, role, field), count in counts.items())
    return Snapshot(auth=report.target.auth, expires=report.target.token_expiry,
                    roles=tuple(roles), findings=findings)


def _read(c: ConnectorResult) -> bool:
    """Whether the check learned which connector plays the role (one, or none)."""
    return c.connector_id is not None or c.status == "missing"


def _role_snapshot(c: ConnectorResult, outdated: str | None) -> RoleSnapshot:
    return RoleSnapshot(
        role=c.role,
        connector=c.connector_id or outdated,
        fields=pairs((a.id, a.type) for a in c.afas_fields) or None,
        mapped=pairs((f.payt_field, f.afas_field) for f in c.fields
                     if f.afas_field is not None and f.afas_field != f.payt_field),
        fill=pairs((f.payt_field, round(f.fill_rate * 100)) for f in c.fields
                   if f.fill_rate is not None),
    )


# --- the comparison -------------------------------------------------------------------------

def since_last_validation(profile: Profile | None, report: Report) -> SinceLastValidation | None:
    """`report` (a re-check of `profile`) against the profile's last validation. None when
    there is nothing to compare with: no profile, a profile saved before snapshots were kept,
    or a report of another environment than the profile's."""
    if profile is None or profile.validation is None:
        return None
    if (profile.uid, profile.environment) != (report.target.uid, report.target.environment):
        return None
    return changes_since(profile.validation, report)


def with_changes(report: Report, profile: Profile | None) -> Report:
    """`report` with its `since_last_validation` section (None where there is nothing to
    compare with)."""
    return report.model_copy(
        update={"since_last_validation": since_last_validation(profile, report)})


def changes_since(validation: Validation, report: Report) -> SinceLastValidation | None:
    """None when the validation kept no snapshot."""
    if validation.snapshot is None:
        return None
    found = _Comparison(validation, report).changes()
    return SinceLastValidation(validated_at=validation.checked_at, verdict=validation.verdict,
                               changes=tuple(found))


class _Comparison:
    def __init__(self, validation: Validation, report: Report) -> None:
        assert validation.snapshot is not None
        self.old, self.new = validation.snapshot, snapshot_of(report)
        self.validated_at, self.report = validation.checked_at, report
        self.labels: Labels = labels_for(report.language)
        self.results = {c.role: c for c in report.connectors}
        self.found: list[Change] = []

    def add(self, kind: ChangeKind, *, role: str | None = None, field: str | None = None,
            before: str | None = None, after: str | None = None, **values: object) -> None:
        change_id: ChangeId = f"change.{kind}"  # type: ignore[assignment]
        title = self.results[role].title or role if role in self.results else role or ""
        message = render(change_id, self.report.language, role=title, field=field or "",
                         before=before or "", after=after or "", **values)
        self.found.append(Change(kind=kind, role=role, field=field, before=before, after=after,
                                 message=message))

    def changes(self) -> list[Change]:
        self.credentials()
        old_roles = {r.role: r for r in self.old.roles}
        for new in self.new.roles:
            old = old_roles.get(new.role)
            if old is not None:
                self.role(old, new)
        self.findings()
        return self.found

    # -- credentials ---------------------------------------------------------------------------

    def credentials(self) -> None:
        target = self.report.target
        if target.envid is None:
            return  # AFAS did not answer this check: nothing learned of the credentials
        old, new = self.old, self.new
        if old.auth and new.auth and old.auth != new.auth:
            kinds = self.labels.auth_kinds
            self.add("auth_changed", before=old.auth, after=new.auth,
                     then=kinds.get(old.auth, old.auth), now=kinds.get(new.auth, new.auth))
            return  # the expiry is another credential's: no use comparing it
        shown = {"then": expiry(self.labels, old.expires),
                 "now": expiry(self.labels, new.expires)}
        if _moment(old.expires) != _moment(new.expires):
            self.add("expiry_moved", before=old.expires, after=new.expires, **shown)
        left = days_left(new.expires, _day(self.report.checked_at))
        left_then = days_left(old.expires, _day(self.validated_at))
        if left is not None and 0 <= left <= EXPIRY_WARNING_DAYS and (
                left_then is None or left_then > EXPIRY_WARNING_DAYS):
            self.add("expiry_soon", before=old.expires, after=new.expires, days=left,
                     limit=EXPIRY_WARNING_DAYS, **shown)

    # -- one role ------------------------------------------------------------------------------

    def role(self, old: RoleSnapshot, new: RoleSnapshot) -> None:
        role, before, after = new.role, old.connector, new.connector
        if before is None and after is not None:
            self.add("connector_added", role=role, after=after)
        elif before is not None and after is None:
            self.add("connector_removed", role=role, before=before)
        elif before is not None and after is not None and before != after:
            same = _unversioned(before) == _unversioned(after)
            self.add("connector_version" if same else "connector_renamed", role=role,
                     before=before, after=after)
        if old.fields is None or new.fields is None:
            return  # one of the two checks did not read the connector's fields
        connector = after or before or ""
        self.fields(role, connector, old.fields, new.fields)
        self.mappings(role, old.mapped)
        self.fill_rates(role, old.fill, new.fill)

    def fields(self, role: str, connector: str, old: str, new: str) -> None:
        was, now = split_pairs(old, last=True), split_pairs(new, last=True)
        for name, kind in now.items():
            if name not in was:
                self.add("field_added", role=role, field=name, after=kind, connector=connector)
            elif was[name] != kind:
                self.add("field_retyped", role=role, field=name, before=was[name], after=kind,
                         connector=connector)
        for name, kind in was.items():
            if name not in now:
                self.add("field_removed", role=role, field=name, before=kind,
                         connector=connector)

    def mappings(self, role: str, mapped: str) -> None:
        result = self.results.get(role)
        fields = {f.payt_field: f for f in result.fields} if result else {}
        for payt_field, afas_field in split_pairs(mapped).items():
            now = fields.get(payt_field)
            if now is not None and now.afas_field is None:
                self.add("mapping_unresolved", role=role, field=payt_field, before=afas_field)

    def fill_rates(self, role: str, old: str, new: str) -> None:
        was, now = _rates(old), _rates(new)
        for name, rate in now.items():
            if name in was and was[name] - rate > DROP_POINTS:
                self.add("fill_rate_dropped", role=role, field=name, before=f"{was[name]:g}%",
                         after=f"{rate:g}%")

    # -- findings ------------------------------------------------------------------------------

    def findings(self) -> None:
        def key(f: FindingCount) -> tuple[str, str | None, str | None]:
            return f.code, f.role, f.field

        was = {key(f): f for f in self.old.findings}
        now = {key(f) for f in self.new.findings}
        shown: set[tuple[str, str | None, str | None]] = set()
        for f in self.report.findings:
            k = (f.code, f.role, f.field)
            if k in was or k in shown:
                continue
            shown.add(k)
            self.add("finding_new", role=f.role, field=f.field, after=f.code,
                     severity=self.labels.severities[f.severity], message=f.message)
        for k, gone in was.items():
            if k not in now and self.looked_again(gone.role):
                where = ", ".join(p for p in (self.title(gone.role), gone.field) if p)
                self.add("finding_resolved", role=gone.role, field=gone.field,
                         before=gone.code, code=gone.code, where=f" ({where})" if where else "")

    def looked_again(self, role: str | None) -> bool:
        """Whether this check got far enough to find a finding of `role` again."""
        result = self.results.get(role or "")
        if result is None:  # about the environment, or no connector's (invoice PDFs)
            return self.report.target.envid is not None and not self.report.cancelled
        return result.connector_id is not None and result.status != "skipped"

    def title(self, role: str | None) -> str:
        result = self.results.get(role or "")
        return (result.title or result.role) if result else role or ""


def _rates(text: str) -> dict[str, float]:
    """Payt field -> percent filled; an entry that does not read as one (a file edited by hand,
    or a later version's) is left out rather than failing the check."""
    rates = {}
    for name, rate in split_pairs(text).items():
        try:
            rates[name] = float(rate)
        except ValueError:
            continue
    return rates


def _unversioned(connector: str) -> str:
    """A connector id without its version: Payt_sales_entries_v12 -> payt_sales_entries."""
    return _VERSION_SUFFIX.sub("", connector_key(connector))


def _moment(raw: str | None) -> datetime | str | None:
    """An expiry to compare: the moment where it parses, else the text as AFAS gave it."""
    if raw is None:
        return None
    try:
        return datetime.fromisoformat(raw.strip().replace("Z", "+00:00"))
    except ValueError:
        return raw.strip()


def _day(iso: str) -> date | None:
    try:
        return datetime.fromisoformat(iso).date()
    except ValueError:
        return None
