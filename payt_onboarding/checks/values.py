"""Per-field data quality, folded in page by page: fill rate, empty, too long, values Payt
rejects."""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import compress, filterfalse, repeat
from operator import itemgetter
from typing import Any

from payt_onboarding.checks.iso_codes import COUNTRY_CODES, CURRENCY_CODES
from payt_onboarding.report.model import MAX_EXAMPLES
from payt_onboarding.requirements.model import PaytType
from payt_onboarding.vocabulary import Code

MAX_LENGTH = 255  # Payt's maximum field length (imports/csv)
_EMAIL = re.compile(r"^[^@\s;,<>]+@[^@\s;,<>]+\.[^@\s;,<>.]{2,}$")
# The same test without the strip() first (\s is str.isspace's whitespace): a page's distinct
# addresses (one a debtor, so no cache helps) are judged in C, with no Python call each.
_PADDED_EMAIL = re.compile(r"\s*[^@\s;,<>]+@[^@\s;,<>]+\.[^@\s;,<>.]{2,}\s*\Z")
Row = Mapping[str, Any]
RowKey = Callable[[Row, int], str]  # a readable name of a row (and its number) for examples


def is_empty(value: object) -> bool:
    # isspace() is strip()'s own test for whitespace, without building a new string per value.
    return value is None or (isinstance(value, str) and (not value or value.isspace()))


def parse_date(value: object) -> datetime | None:
    """An ISO 8601 date Payt accepts, as an aware datetime (UTC when it has no offset, so any
    two compare); None when it is not ISO or outside 1900-2199 (0001-01-01 is no real date)."""
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if not 1900 <= parsed.year <= 2199:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def _valid_date(value: object) -> bool:
    return parse_date(value) is not None


def _valid_email(value: object) -> bool:
    return isinstance(value, str) and _EMAIL.match(value.strip()) is not None


def _valid_code(codes: frozenset[str]) -> Any:
    return lambda value: isinstance(value, str) and value.strip().upper() in codes


VALUE_CHECKS: Mapping[PaytType, tuple[Code, Any]] = {
    "date": (Code.VALUE_INVALID_DATE, _valid_date),
    "country_code": (Code.VALUE_INVALID_COUNTRY_CODE, _valid_code(COUNTRY_CODES)),
    "currency_code": (Code.VALUE_INVALID_CURRENCY_CODE, _valid_code(CURRENCY_CODES)),
    "email": (Code.VALUE_INVALID_EMAIL, _valid_email),
}


class Tally:
    """How many rows offend, and the first few of them as examples (a report shows no more)."""

    __slots__ = ("count", "examples")

    def __init__(self) -> None:
        self.count = 0
        self.examples: list[str] = []

    def note(self) -> bool:
        """Count one offender; True while its example is still wanted (append it then)."""
        self.count += 1
        return len(self.examples) < MAX_EXAMPLES

    def add(self, example: str) -> None:
        if self.note():
            self.examples.append(example)

    def extend(self, examples: Iterable[str]) -> None:
        for example in examples:
            self.add(example)


@dataclass
class FieldStats:
    """One field's values, folded in page by page: counts and a few examples, never the rows."""

    invalid_code: Code | None = None
    rows: int = 0
    filled: int = 0
    samples: list[str] = field(default_factory=list)  # a few distinct filled values
    empty: Tally = field(default_factory=Tally)  # row keys
    too_long: Tally = field(default_factory=Tally)  # row keys
    invalid: Tally = field(default_factory=Tally)  # "key: value"

    @property
    def fill_rate(self) -> float | None:
        return self.filled / self.rows if self.rows else None


SHOWN = 60  # characters of a value shown in an example


def shown(value: object, limit: int = SHOWN) -> str:
    text = value if isinstance(value, str) else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


_NOTHING = frozenset({None, ""})


def _longest_text(values: Iterable[Any]) -> int:
    """The length of the longest string among `values` (0 for none), counted in C."""
    try:
        return max(map(len, values), default=0)  # all strings: the usual column
    except TypeError:  # numbers or null among them, which have no length
        items = list(values)
        return max(map(len, compress(items, map(isinstance, items, repeat(str)))), default=0)


def _blanks(values: set[Any]) -> set[Any]:
    """The strings of only whitespace among `values`."""
    try:
        return set(filter(str.isspace, values))  # each tested in C, when all are strings
    except TypeError:
        return {v for v in values if v.__class__ is str and v.isspace()}


def columns(rows: Sequence[Row], afas_ids: Sequence[str]) -> dict[str, Column]:
    """The columns of a page: AFAS sends every field in every row (null when empty), so the
    rows are taken apart in C; a row without one of the fields is read value by value."""
    if not afas_ids:
        return {}
    try:
        if len(afas_ids) == 1:
            split: Sequence[Sequence[Any]] = [list(map(itemgetter(afas_ids[0]), rows))]
        else:
            split = list(zip(*map(itemgetter(*afas_ids), rows), strict=True)) or [
                () for _ in afas_ids]
    except KeyError:
        split = [[row.get(afas_id) for row in rows] for afas_id in afas_ids]
    return {afas_id: Column(values) for afas_id, values in zip(afas_ids, split, strict=True)}


class Column:
    """One AFAS field's values on one page, with what every judgement of them needs first: the
    distinct values and the empty ones. A page holds few distinct codes and dates, and empty
    values are rare, so most judgements look at the distinct values and count in C."""

    __slots__ = ("_blank", "_longest", "distinct", "empty", "values")

    values: Sequence[Any]

    def __init__(self, values: Sequence[Any]) -> None:
        try:
            distinct = set(values)
        except TypeError:  # a list or object where AFAS sends scalars: judge its text
            values = [v if isinstance(v, Hashable) else shown(v) for v in values]
            distinct = set(values)
        self.values, self.distinct = values, distinct
        nothing = distinct & _NOTHING
        self.empty = nothing | _blanks(distinct - nothing if nothing else distinct)
        self._blank: frozenset[int] | None = None
        self._longest: int | None = None

    @property
    def blank(self) -> frozenset[int]:
        """The positions of the empty values."""
        if self._blank is None:
            empty = self.empty
            if not empty:
                return frozenset()
            # In C: the positions whose value is one of the empty ones.
            self._blank = frozenset(compress(range(len(self.values)),
                                             map(empty.__contains__, self.values)))
        return self._blank

    @property
    def longest_text(self) -> int:
        """The length of the longest string among the values (0 for none)."""
        if self._longest is None:
            self._longest = _longest_text(self.distinct)
        return self._longest

    @property
    def plain(self) -> bool:
        """No empty values, and each is the text it is shown as (a string of 60 at most)."""
        return not self.empty and self.longest_text <= SHOWN \
            and all(map(isinstance, self.distinct, repeat(str)))


class FieldFold:
    """Folds the values of one AFAS field into its FieldStats."""

    def __init__(self, afas_id: str, payt_type: PaytType) -> None:
        self.afas_id = afas_id
        check = VALUE_CHECKS.get(payt_type)
        self.stats = FieldStats(invalid_code=check[0] if check else None)
        self._valid = check[1] if check else None
        self._match = _PADDED_EMAIL.match if payt_type == "email" else None
        # Dates and codes repeat across rows: each distinct value is judged once.
        self._verdicts: dict[object, bool] = {}

    def add(self, rows: Sequence[Row], column: Column, key: RowKey, first: int) -> None:
        """`rows` are AFAS rows, the first of them row number `first` of the connector."""
        stats, values, empty = self.stats, column.values, column.empty
        stats.rows += len(values)
        filled = len(values) - sum(values.count(v) for v in empty)
        stats.filled += filled
        if filled and len(stats.samples) < 3 and self._new_samples(column):
            # Each distinct value once, in the order of the rows: a column of few values
            # ("EUR" on every row) never fills three samples, and was walked row by row.
            for value in dict.fromkeys(values):
                if value not in empty and shown(value) not in stats.samples:
                    stats.samples.append(shown(value))
                    if len(stats.samples) == 3:
                        break
        too_long = {v for v in column.distinct if v.__class__ is str and len(v) > MAX_LENGTH} \
            if column.longest_text > MAX_LENGTH else set()
        invalid = self._invalid(column)
        if empty:
            self._tally(stats.empty, values, rows, empty, key, first, False)
        if too_long:
            self._tally(stats.too_long, values, rows, too_long, key, first, False)
        if invalid:
            self._tally(stats.invalid, values, rows, invalid, key, first, True)

    def _new_samples(self, column: Column) -> bool:
        """Whether the column holds a filled value not yet among the samples: a column of a
        few values ("EUR" on every row) is not walked again on every page."""
        filled = column.distinct - column.empty
        return len(filled) > len(self.stats.samples) or \
            not set(map(shown, filled)) <= set(self.stats.samples)

    def _invalid(self, column: Column) -> set[Any]:
        """The distinct filled values Payt would refuse."""
        valid, verdicts = self._valid, self._verdicts
        if valid is None:
            return set()
        filled = column.distinct - column.empty
        if self._match is not None and all(map(isinstance, filled, repeat(str))):
            return set(filterfalse(self._match, filled))
        bad = set()
        for value in filled:
            ok = verdicts.get(value)
            if ok is None:
                ok = bool(valid(value))
                if len(verdicts) < _MAX_VERDICTS:
                    verdicts[value] = ok
            if not ok:
                bad.add(value)
        return bad

    @staticmethod
    def _tally(tally: Tally, values: Sequence[Any], rows: Sequence[Row], offending: set[Any],
               key: RowKey, first: int, with_value: bool) -> None:
        if len(offending) <= _FEW:
            tally.count += sum(values.count(v) for v in offending)
        else:
            tally.count += sum(v in offending for v in values)
        room = MAX_EXAMPLES - len(tally.examples)
        for index, value in enumerate(values):
            if room <= 0:
                break
            if value in offending:
                name = key(rows[index], first + index)
                tally.examples.append(f"{name}: {shown(value)}" if with_value else name)
                room -= 1


_FEW = 16  # distinct offending values counted with list.count, each a pass in C
_MAX_VERDICTS = 4096


def row_key(row: Row, fields: Sequence[str], index: int) -> str:
    """A readable key for one row (see key_fields), `#index` when those are empty."""
    parts = [shown(row.get(f), 40) for f in fields if not is_empty(row.get(f))]
    return "/".join(parts) if parts else f"#{index}"


def key_fields(sort: Sequence[str]) -> list[str]:
    """The fields of a readable row key for examples: the sort fields, without the
    administration when something more specific follows (an invoice number says more than
    "01/…"), and without "newest first" dates, which say little."""
    ascending = [f for f in sort if not f.startswith("-")]
    return [f for f in ascending if f != "administration_code"] or ascending
