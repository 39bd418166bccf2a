"""Per-field data quality on sampled rows: fill rate, empty, too long, values Payt rejects."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from payt_onboarding.checks.fields import PlannedField
from payt_onboarding.checks.iso_codes import COUNTRY_CODES, CURRENCY_CODES
from payt_onboarding.requirements.model import PaytType
from payt_onboarding.vocabulary import Code

MAX_LENGTH = 255  # Payt's maximum field length (imports/csv)
_EMAIL = re.compile(r"^[^@\s;,<>]+@[^@\s;,<>]+\.[^@\s;,<>.]{2,}$")
Row = Mapping[str, Any]


def is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


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


@dataclass
class FieldStats:
    rows: int = 0
    filled: int = 0
    samples: list[str] = field(default_factory=list)  # a few distinct filled values
    empty: list[str] = field(default_factory=list)  # row keys
    too_long: list[str] = field(default_factory=list)  # row keys
    invalid: list[str] = field(default_factory=list)  # "key: value"
    invalid_code: Code | None = None

    @property
    def fill_rate(self) -> float | None:
        return self.filled / self.rows if self.rows else None


def shown(value: object, limit: int = 60) -> str:
    text = value if isinstance(value, str) else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def field_stats(planned: PlannedField, rows: Sequence[Row], keys: Sequence[str]) -> FieldStats:
    name = planned.name
    stats = FieldStats(rows=len(rows))
    check = VALUE_CHECKS.get(planned.requirement.type)
    if check:
        stats.invalid_code = check[0]
    for row, key in zip(rows, keys, strict=True):
        value = row.get(name)
        if is_empty(value):
            stats.empty.append(key)
            continue
        stats.filled += 1
        if len(stats.samples) < 3 and shown(value) not in stats.samples:
            stats.samples.append(shown(value))
        if isinstance(value, str) and len(value) > MAX_LENGTH:
            stats.too_long.append(key)
        if check and not check[1](value):
            stats.invalid.append(f"{key}: {shown(value)}")
    return stats


def rows_by_payt_field(rows: Iterable[Row],
                       planned: Sequence[PlannedField]) -> list[dict[str, Any]]:
    """Rows keyed by Payt field name, holding only the fields AFAS delivers."""
    pairs = [(p.name, p.afas.id) for p in planned if p.afas is not None]
    return [{name: row.get(afas_id) for name, afas_id in pairs} for row in rows]


def row_keys(rows: Sequence[Row], sort: Sequence[str]) -> list[str]:
    """A readable key per row for examples: the sort fields, without the administration when
    something more specific follows (an invoice number says more than "01/…")."""
    ascending = [f for f in sort if not f.startswith("-")]  # "newest first" dates say little
    fields = [f for f in ascending if f != "administration_code"] or ascending
    keys = []
    for index, row in enumerate(rows, start=1):
        parts = [shown(row.get(f), 40) for f in fields if not is_empty(row.get(f))]
        keys.append("/".join(parts) if parts else f"#{index}")
    return keys
