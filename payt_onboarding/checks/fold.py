"""One connector's rows folded in page by page: field statistics and what the cross-connector
rules need, so that a full scan of a large client keeps counts, a few examples and per-key
tables, never the rows themselves.

Every accumulator gives what the same judgement over the whole list of rows gave: the same
counts, the same first examples in row order (rules.py combines them across connectors).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from payt_onboarding.checks.fields import PlannedField
from payt_onboarding.checks.keys import Duplicates, Groups, KeySet
from payt_onboarding.checks.rules import LOOKUP, RoleData
from payt_onboarding.checks.values import (
    Column,
    FieldFold,
    FieldStats,
    Row,
    Tally,
    columns,
    key_fields,
    parse_date,
    row_key,
    shown,
)
from payt_onboarding.report.model import MAX_EXAMPLES
from payt_onboarding.requirements.model import ConnectorRequirement, Rules

_MAX_DATES = 4096  # parsed dates remembered: invoice dates repeat across thousands of rows


class RoleFold:
    """Fold pages with `add`, in order; `stats` and `data()` hold the outcome so far."""

    def __init__(self, requirement: ConnectorRequirement, connector_id: str,
                 planned: Sequence[PlannedField], rules: Rules) -> None:
        self.role, self.connector_id = requirement.role, connector_id
        self.rows = 0
        # Payt name -> AFAS id, for the fields AFAS delivers (right type or not).
        self._ids = ids = {p.name: p.afas.id for p in planned if p.afas is not None}
        self.fields = frozenset(ids)
        self._key_ids = [ids[f] for f in key_fields(requirement.sort) if f in ids]
        self._column_ids = list(dict.fromkeys(ids.values()))
        self.stats: dict[str, FieldStats] = {}
        self._field_folds = []
        for plan in planned:
            if plan.afas is not None:
                fold = FieldFold(plan.afas.id, plan.requirement.type)
                self._field_folds.append(fold)
                self.stats[plan.name] = fold.stats
        self._rules = rules
        self._dates: dict[object, datetime | None] = {}
        role = self.role
        self.blank = {i: Tally() for i, r in enumerate(rules.any_of)
                      if role in r.roles and not r.per}
        self.filled_per: dict[int, Groups] = {
            i: Groups() for i, r in enumerate(rules.any_of)
            if role in r.roles and r.per and set(r.per) <= self.fields}
        self.filled_groups: dict[int, KeySet] = {
            i: KeySet() for i, r in enumerate(rules.any_of)
            if role in r.also_in and r.per and set(r.per) <= self.fields}
        self.date_order = {i: Tally() for i, r in enumerate(rules.date_order)
                           if role in r.roles and {r.earlier, r.later} <= self.fields}
        self.unique: dict[int, Duplicates] = {
            i: Duplicates() for i, r in enumerate(rules.unique)
            if role in r.roles and set(r.fields) <= self.fields}
        self.referring: dict[int, Counter[str]] = {
            i: Counter() for i, r in enumerate(rules.references)
            if role in r.roles and r.field in self.fields}
        self.known: dict[int, set[str]] = {
            i: set() for i, r in enumerate(rules.references)
            if role == r.target_role and r.target_field in self.fields}
        attachments = rules.attachments
        self._link_id = (ids.get(attachments.link_field)
                         if attachments is not None and role in attachments.roles else None)
        self.links: dict[str, None] = {}

    def key(self, row: Row, index: int) -> str:
        return row_key(row, self._key_ids, index)

    def add(self, rows: Sequence[Row]) -> None:
        first = self.rows + 1
        self.rows += len(rows)
        columns = _Columns(self._column_ids, rows)
        for fold in self._field_folds:
            fold.add(rows, columns[fold.afas_id], self.key, first)
        rules, ids = self._rules, self._ids
        for i, tally in self.blank.items():
            self._any_of(rows, first, columns, rules.any_of[i].fields, tally)
        for i, per in self.filled_per.items():
            per.update(self._filled(rules.any_of[i].per, rules.any_of[i].fields, columns))
        for i, groups in self.filled_groups.items():
            found = self._filled(rules.any_of[i].per, rules.any_of[i].fields, columns)
            groups.update(g for g, has in found.items() if has)
        for i, tally in self.date_order.items():
            rule = rules.date_order[i]
            self._date_order(rows, first, columns[ids[rule.earlier]],
                             columns[ids[rule.later]], tally)
        for i, seen in self.unique.items():
            seen.update(_keys([columns[ids[f]] for f in rules.unique[i].fields]))
        for i, values in self.referring.items():
            column = columns[ids[rules.references[i].field]]
            values.update(column.values if column.plain else
                          (shown(v) for v in column.values if v not in column.empty))
        for i, known in self.known.items():
            column = columns[ids[rules.references[i].target_field]]
            known.update(shown(v).casefold() for v in column.distinct)
        if self._link_id is not None and len(self.links) < LOOKUP:
            self._links(columns[self._link_id])

    def data(self, complete: bool) -> RoleData:
        return RoleData(
            role=self.role, connector_id=self.connector_id, fields=self.fields,
            complete=complete, rows=self.rows, blank=self.blank, filled_per=self.filled_per,
            filled_groups=self.filled_groups, date_order=self.date_order, unique=self.unique,
            referring=self.referring, known=self.known, links=list(self.links))

    # -- the rules' accumulators -------------------------------------------------------------

    def _any_of(self, rows: Sequence[Row], first: int, columns: _Columns,
                fields: Sequence[str], tally: Tally) -> None:
        blank = self._blank_rows(columns, fields, len(rows))
        room = MAX_EXAMPLES - len(tally.examples)
        tally.count += len(blank)
        tally.examples += [self.key(rows[i], first + i) for i in sorted(blank)[:room]]

    def _blank_rows(self, columns: _Columns, fields: Sequence[str], count: int) -> set[int]:
        """The positions of the rows with none of `fields` filled."""
        blank = set(range(count))
        for f in fields:
            if f in self._ids:
                blank.intersection_update(columns[self._ids[f]].blank)
        return blank

    def _filled(self, per: Sequence[str], fields: Sequence[str],
                columns: _Columns) -> dict[tuple[str, ...], bool]:
        """Per distinct `per` key of the page, in the order of its rows: whether any of its
        rows has one of `fields` filled."""
        keyed = [columns[self._ids[f]] for f in per]
        if all(c.plain for c in keyed):
            keys: list[tuple[str, ...] | None] = list(zip(*(c.values for c in keyed),
                                                         strict=True))
        else:  # a row without every part of its key belongs to no group
            keys = [None if any(v in c.empty for v, c in zip(vs, keyed, strict=True))
                    else tuple(shown(v) for v in vs)
                    for vs in zip(*(c.values for c in keyed), strict=True)]
        blank = self._blank_rows(columns, fields, len(keys))
        filled: dict[tuple[str, ...], bool] = {}
        for index, key in enumerate(keys):
            if key is not None:
                if index in blank:
                    filled.setdefault(key, False)
                else:
                    filled[key] = True
        return filled

    def _date_order(self, rows: Sequence[Row], first: int, earlier: Column, later: Column,
                    tally: Tally) -> None:
        dates = {v: self._date(v) for v in earlier.distinct | later.distinct}
        for index, (a, b) in enumerate(zip(earlier.values, later.values, strict=True)):
            start, then = dates[a], dates[b]
            if start and then and then < start and tally.note():
                tally.examples.append(self.key(rows[index], first + index))

    def _date(self, value: Any) -> datetime | None:
        try:
            return self._dates[value]
        except KeyError:
            parsed = self._dates[value] = parse_date(value)
            if len(self._dates) > _MAX_DATES:
                self._dates.clear()
            return parsed

    def _links(self, column: Column) -> None:
        """The first LOOKUP distinct link values: only so many are looked up."""
        for value in column.values:
            if value not in column.empty:
                self.links[str(value).strip()] = None
                if len(self.links) >= LOOKUP:
                    return


class _Columns(dict[str, Column]):
    """The columns of one page: the fields' all at once, another when first asked for."""

    def __init__(self, afas_ids: Sequence[str], rows: Sequence[Row]) -> None:
        super().__init__(columns(rows, afas_ids))
        self._rows = rows

    def __missing__(self, afas_id: str) -> Column:
        column = self[afas_id] = columns(self._rows, [afas_id])[afas_id]
        return column


def _keys(columns: Sequence[Column]) -> list[str]:
    """A key per row of the filled rows: the values joined by "/"."""
    if all(c.plain for c in columns):
        if len(columns) == 1:
            return list(columns[0].values)
        return ["/".join(vs) for vs in zip(*(c.values for c in columns), strict=True)]
    return ["/".join(shown(v) for v in vs)
            for vs in zip(*(c.values for c in columns), strict=True)
            if not any(v in c.empty for v, c in zip(vs, columns, strict=True))]


def fold_rows(requirement: ConnectorRequirement, connector_id: str,
              planned: Sequence[PlannedField], rules: Rules,
              rows: Sequence[Mapping[str, Any]]) -> RoleFold:
    fold = RoleFold(requirement, connector_id, planned, rules)
    fold.add(rows)
    return fold
