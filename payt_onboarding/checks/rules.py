"""Rules across fields, rows and connectors, from the requirements' [rules] tables."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from payt_onboarding.checks.findings import make_finding
from payt_onboarding.checks.values import is_empty, parse_date, shown
from payt_onboarding.report.model import Finding
from payt_onboarding.requirements.model import Rules
from payt_onboarding.vocabulary import Code, Language


@dataclass(frozen=True)
class RoleData:
    """What one connector delivered, keyed by Payt field name."""

    role: str
    connector_id: str
    rows: Sequence[Mapping[str, Any]]
    keys: Sequence[str]  # a readable key per row
    fields: frozenset[str]  # Payt fields AFAS delivers for this role
    complete: bool  # every row was read, not a sample


def apply_rules(rules: Rules, data: Mapping[str, RoleData], language: Language) -> list[Finding]:
    findings: list[Finding] = []
    findings += _any_of(rules, data, language)
    findings += _date_order(rules, data, language)
    findings += _unique(rules, data, language)
    findings += _references(rules, data, language)
    return findings


def _roles(roles: Sequence[str], data: Mapping[str, RoleData]) -> Iterator[RoleData]:
    for role in roles:
        if role in data and data[role].rows:
            yield data[role]


def _any_of(rules: Rules, data: Mapping[str, RoleData], language: Language) -> Iterator[Finding]:
    for rule in rules.any_of:
        for d in _roles(rule.roles, data):
            offenders: list[str] = []
            if not rule.per:
                offenders = [k for row, k in zip(d.rows, d.keys, strict=True)
                             if all(is_empty(row.get(f)) for f in rule.fields)]
            elif set(rule.per) <= d.fields:
                filled = _filled_per(rule.per, rule.fields, d.rows)
                for other in _roles(rule.also_in, data):
                    if set(rule.per) <= other.fields:
                        for group, has in _filled_per(rule.per, rule.fields, other.rows).items():
                            if group in filled:
                                filled[group] |= has
                offenders = ["/".join(g) for g, ok in filled.items() if not ok]
            if offenders:
                params: dict[str, Any] = {"connector": d.connector_id}
                if rule.code == "debtor.name_missing":
                    params["fields"] = ", ".join(rule.fields)
                yield make_finding(Code(rule.code), language=language, role=d.role,
                                   connector_id=d.connector_id, count=len(offenders),
                                   examples=offenders, **params)


def _filled_per(
    per: Sequence[str], fields: Sequence[str], rows: Sequence[Mapping[str, Any]]
) -> dict[tuple[str, ...], bool]:
    """Per distinct `per` key: whether any of its rows has one of `fields` filled."""
    filled: dict[tuple[str, ...], bool] = defaultdict(bool)
    for row in rows:
        key = tuple(shown(row.get(f)) for f in per if not is_empty(row.get(f)))
        if len(key) == len(per):
            filled[key] |= any(not is_empty(row.get(f)) for f in fields)
    return filled


def _date_order(
    rules: Rules, data: Mapping[str, RoleData], language: Language
) -> Iterator[Finding]:
    for rule in rules.date_order:
        for d in _roles(rule.roles, data):
            if not {rule.earlier, rule.later} <= d.fields:
                continue
            offenders = []
            for row, key in zip(d.rows, d.keys, strict=True):
                first = parse_date(row.get(rule.earlier))
                then = parse_date(row.get(rule.later))
                if first and then and then < first:
                    offenders.append(key)
            if offenders:
                yield make_finding(Code.VALUE_DUE_BEFORE_INVOICE_DATE, language=language,
                                   role=d.role, connector_id=d.connector_id,
                                   field=rule.later, count=len(offenders), examples=offenders,
                                   connector=d.connector_id)


def _unique(rules: Rules, data: Mapping[str, RoleData], language: Language) -> Iterator[Finding]:
    for rule in rules.unique:
        for d in _roles(rule.roles, data):
            if not set(rule.fields) <= d.fields:
                continue
            seen = Counter(
                "/".join(shown(row.get(f)) for f in rule.fields)
                for row in d.rows
                if not any(is_empty(row.get(f)) for f in rule.fields)
            )
            twice = [value for value, n in seen.items() if n > 1]
            if twice:
                yield make_finding(Code.REFERENCE_DUPLICATE_INVOICE_NUMBER, language=language,
                                   role=d.role, connector_id=d.connector_id,
                                   field=rule.fields[-1], count=len(twice), examples=twice,
                                   connector=d.connector_id)


def _references(
    rules: Rules, data: Mapping[str, RoleData], language: Language
) -> Iterator[Finding]:
    for rule in rules.references:
        target = data.get(rule.target_role)
        # Without every row of the target, "unknown" could just mean "not sampled".
        if target is None or not target.complete or rule.target_field not in target.fields:
            continue
        known = {shown(r.get(rule.target_field)).casefold() for r in target.rows}
        for d in _roles(rule.roles, data):
            if rule.field not in d.fields:
                continue
            unknown = Counter(
                shown(v) for row in d.rows
                if not is_empty(v := row.get(rule.field)) and shown(v).casefold() not in known
            )
            if unknown:
                yield make_finding(Code(rule.code), language=language, role=d.role,
                                   connector_id=d.connector_id, field=rule.field,
                                   count=sum(unknown.values()),
                                   # count is rows; an example is a code, with its rows
                                   examples=[f"{v} ({n}×)" if n > 1 else v  # noqa: RUF001
                                             for v, n in unknown.most_common()],
                                   connector=d.connector_id, target=target.connector_id)
