"""Rules across fields, rows and connectors, from the requirements' [rules] tables."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from payt_onboarding.checks.findings import make_finding
from payt_onboarding.checks.keys import Duplicates, Groups, KeySet
from payt_onboarding.checks.values import Tally
from payt_onboarding.report.model import Finding
from payt_onboarding.requirements.model import Rules
from payt_onboarding.vocabulary import Code, Language

LOOKUP = 10  # linked dossier items looked up in the attachments connector


@dataclass(frozen=True)
class RoleData:
    """What one connector delivered, folded (fold.py): per rule, keyed by the rule's index in
    its table of the requirements, only the rules that apply to this connector's fields."""

    role: str
    connector_id: str
    fields: frozenset[str]  # Payt fields AFAS delivers for this role
    complete: bool  # every row was folded, not a sample
    rows: int
    blank: Mapping[int, Tally]  # any_of without per: rows with none of the fields
    filled_per: Mapping[int, Groups]  # any_of with per: which keys have a field filled
    filled_groups: Mapping[int, KeySet]  # any_of also_in: keys with a field filled
    date_order: Mapping[int, Tally]  # rows with the later date first
    unique: Mapping[int, Duplicates]  # values on more than one row
    referring: Mapping[int, Counter[str]]  # referring values -> rows, in order of appearance
    known: Mapping[int, set[str]]  # as a reference rule's target: its values, casefolded
    links: Sequence[str]  # the first LOOKUP distinct values of the attachments' link field


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
    for i, rule in enumerate(rules.any_of):
        for d in _roles(rule.roles, data):
            offenders = Tally()
            if not rule.per:
                offenders = d.blank[i]
            elif i in d.filled_per:
                elsewhere = [o.filled_groups[i] for o in _roles(rule.also_in, data)
                             if i in o.filled_groups]
                offenders.extend(name for group, name in d.filled_per[i].unfilled()
                                 if not any(group in s for s in elsewhere))
            if offenders.count:
                params: dict[str, Any] = {"connector": d.connector_id}
                if rule.code == "debtor.name_missing":
                    params["fields"] = ", ".join(rule.fields)
                yield make_finding(Code(rule.code), language=language, role=d.role,
                                   connector_id=d.connector_id, count=offenders.count,
                                   examples=offenders.examples, **params)


def _date_order(
    rules: Rules, data: Mapping[str, RoleData], language: Language
) -> Iterator[Finding]:
    for i, rule in enumerate(rules.date_order):
        for d in _roles(rule.roles, data):
            offenders = d.date_order.get(i)
            if offenders is not None and offenders.count:
                yield make_finding(Code.VALUE_DUE_BEFORE_INVOICE_DATE, language=language,
                                   role=d.role, connector_id=d.connector_id,
                                   field=rule.later, count=offenders.count,
                                   examples=offenders.examples, connector=d.connector_id)


def _unique(rules: Rules, data: Mapping[str, RoleData], language: Language) -> Iterator[Finding]:
    for i, rule in enumerate(rules.unique):
        for d in _roles(rule.roles, data):
            if i not in d.unique:
                continue
            twice = Tally()
            twice.extend(d.unique[i].repeated())
            if twice.count:
                yield make_finding(Code.REFERENCE_DUPLICATE_INVOICE_NUMBER, language=language,
                                   role=d.role, connector_id=d.connector_id,
                                   field=rule.fields[-1], count=twice.count,
                                   examples=twice.examples, connector=d.connector_id)


def _references(
    rules: Rules, data: Mapping[str, RoleData], language: Language
) -> Iterator[Finding]:
    for i, rule in enumerate(rules.references):
        target = data.get(rule.target_role)
        # Without every row of the target, "unknown" could just mean "not sampled".
        if target is None or not target.complete or i not in target.known:
            continue
        known = target.known[i]
        for d in _roles(rule.roles, data):
            if i not in d.referring:
                continue
            unknown = Counter({v: n for v, n in d.referring[i].items()
                               if v.casefold() not in known})
            if unknown:
                yield make_finding(Code(rule.code), language=language, role=d.role,
                                   connector_id=d.connector_id, field=rule.field,
                                   count=sum(unknown.values()),
                                   # count is rows; an example is a code, with its rows
                                   examples=[f"{v} ({n}×)" if n > 1 else v  # noqa: RUF001
                                             for v, n in unknown.most_common()],
                                   connector=d.connector_id, target=target.connector_id)
