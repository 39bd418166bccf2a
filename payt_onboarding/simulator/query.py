"""What AFAS does with `/connectors/{id}` query parameters: filters, sorting and paging.

Functional mistakes raise `QueryError` with the AFAS message; the server turns it into a 500.
"""

from __future__ import annotations

import json
import operator
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from payt_onboarding.simulator.config import Switches
from payt_onboarding.simulator.messages import Message

Row = dict[str, Any]


class QueryError(Exception):
    def __init__(self, message: Message, *args: str) -> None:
        super().__init__(message.name)
        self.message = message
        self.args_ = args


@dataclass(frozen=True)
class Condition:
    field: str
    op: int
    value: str


def parse_paging(params: Mapping[str, str], switches: Switches) -> tuple[int, int, bool]:
    """(skip, take, all_rows). Non-numbers and values below -1 act as 0, as AFAS did."""

    def number(name: str, default: int) -> int:
        try:
            value = int(params.get(name, default))
        except ValueError:
            return 0
        return value if value >= -1 else 0

    skip, take = number("skip", 0), number("take", 100)
    if skip == -1:
        return -1, -1, True  # with skip=-1 AFAS ignores take and sends everything
    if take == -1:
        raise QueryError(Message.UNEXPECTED)  # e.g. skip=2&take=-1
    if take == 0 and switches.take_zero_returns_one:
        take = 1
    return skip, take, False


def parse_filters(params: Mapping[str, str]) -> list[list[Condition]]:
    """OR-groups of AND-ed conditions from the three lists or from `filterjson`."""
    if "filterjson" in params:
        return _parse_filterjson(params["filterjson"])
    names = ("filterfieldids", "filtervalues", "operatortypes")
    if not any(name in params for name in names):
        return []
    fields, values, ops = (params.get(name, "").split(";") for name in names)
    if not len(fields) == len(values) == len(ops):
        raise QueryError(Message.UNEXPECTED)
    groups = []
    for f_group, v_group, o_group in zip(fields, values, ops, strict=True):
        f_items, v_items, o_items = f_group.split(","), v_group.split(","), o_group.split(",")
        if not len(f_items) == len(v_items) == len(o_items):
            raise QueryError(Message.UNEXPECTED)
        groups.append(
            [
                Condition(f, _op(o), v)
                for f, v, o in zip(f_items, v_items, o_items, strict=True)
            ]
        )
    return groups


def _parse_filterjson(text: str) -> list[list[Condition]]:
    try:
        filters = json.loads(text)["Filters"]["Filter"]
        if isinstance(filters, dict):
            filters = [filters]
        groups = []
        for item in filters:
            fields = item["Field"]
            if isinstance(fields, dict):
                fields = [fields]
            groups.append(
                [
                    Condition(f["@FieldId"], _op(str(f["@OperatorType"])), str(f.get("#text", "")))
                    for f in fields
                ]
            )
        return groups
    except (ValueError, KeyError, TypeError) as exc:
        raise QueryError(Message.UNEXPECTED) from exc


def _op(text: str) -> int:
    try:
        op = int(text)
    except ValueError:
        raise QueryError(Message.UNEXPECTED) from None
    if not 1 <= op <= 15:
        raise QueryError(Message.UNEXPECTED)
    return op


def check_fields(names: Sequence[str], known: set[str]) -> None:
    for name in names:
        if name not in known:
            raise QueryError(Message.FIELD_NOT_FOUND, name)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _comparable(value: Any, other: str) -> tuple[Any, Any]:
    """Compare numbers as numbers and everything else as text (dates sort as ISO text)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return float(value), float(other)
        except ValueError:
            pass
    text = _text(value)
    if len(text) >= 19 and text[10:11] == "T":
        return text[:19], other[:19]  # dates: AFAS filter values have no Z
    return text.lower(), other.lower()


def _matches(row: Row, cond: Condition) -> bool:
    value = row.get(cond.field)
    wanted = cond.value.strip("%")
    text = _text(value).lower()
    needle = wanted.lower()
    if cond.op == 8:
        return text == ""
    if cond.op == 9:
        return text != ""
    if cond.op == 7 and cond.value.startswith("%") and cond.value.endswith("%"):
        return needle not in text  # "%x%" with op 7 means does not contain
    string_ops: dict[int, Callable[[], bool]] = {
        6: lambda: needle in text,
        10: lambda: text.startswith(needle),
        11: lambda: needle not in text,
        12: lambda: not text.startswith(needle),
        13: lambda: text.endswith(needle),
        14: lambda: not text.endswith(needle),
        15: lambda: needle in text,
    }
    if cond.op in string_ops:
        return string_ops[cond.op]()
    if value is None:
        return cond.op == 7
    left, right = _comparable(value, wanted)
    try:
        return bool(_COMPARISONS[cond.op](left, right))
    except TypeError:
        return False


_COMPARISONS: dict[int, Callable[[Any, Any], Any]] = {
    1: operator.eq, 2: operator.ge, 3: operator.le, 4: operator.gt, 5: operator.lt, 7: operator.ne,
}


def apply_filters(rows: Sequence[Row], groups: Sequence[Sequence[Condition]]) -> list[Row]:
    if not groups:
        return list(rows)
    return [row for row in rows if any(all(_matches(row, c) for c in g) for g in groups)]


def sort_rows(rows: list[Row], order_by: Sequence[str]) -> list[Row]:
    """Stable sort by each field id; `-` in front for descending; empty values sort first."""
    result = list(rows)
    for spec in reversed(order_by):
        name = spec.lstrip("-")
        result.sort(
            key=lambda row: (row.get(name) is not None, _sort_key(row.get(name))),
            reverse=spec.startswith("-"),
        )
    return result


def _sort_key(value: Any) -> Any:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return (0, float(value), "")
    return (1, 0.0, _text(value).lower())
