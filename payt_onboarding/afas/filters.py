"""AFAS GetConnector filters: `,` joins conditions (AND), `;` starts an OR group.

A value holding `,` or `;` cannot be written in the three-list form (AFAS has no escape), so
such filters go out as `filterjson` instead.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import IntEnum


class Op(IntEnum):
    EQUAL = 1
    GREATER_OR_EQUAL = 2
    LESS_OR_EQUAL = 3
    GREATER = 4
    LESS = 5
    CONTAINS = 6
    NOT_EQUAL = 7
    EMPTY = 8
    NOT_EMPTY = 9
    STARTS_WITH = 10
    NOT_CONTAINS = 11
    NOT_STARTS_WITH = 12
    ENDS_WITH = 13
    NOT_ENDS_WITH = 14
    QUICK_FILTER = 15


@dataclass(frozen=True)
class Filter:
    field: str
    op: Op
    value: str = ""

    def __post_init__(self) -> None:
        if not self.field or any(c in self.field for c in ",;"):
            raise ValueError(f"invalid filter field id {self.field!r}")


# OR of AND-groups: [[a, b], [c]] means (a AND b) OR c.
FilterGroups = Sequence[Sequence[Filter]]


def filter_groups(filters: FilterGroups | Filter | None) -> tuple[tuple[Filter, ...], ...]:
    if filters is None:
        return ()
    if isinstance(filters, Filter):
        return ((filters,),)
    groups = tuple(tuple(group) for group in filters)
    if any(not group for group in groups):
        raise ValueError("a filter group is empty")
    return groups


def filter_params(filters: FilterGroups | Filter | None) -> dict[str, str]:
    """Query parameters for `filters`, in the three-list form or as `filterjson`."""
    groups = filter_groups(filters)
    if not groups:
        return {}
    flat: Iterable[Filter] = (f for group in groups for f in group)
    if any("," in f.value or ";" in f.value for f in flat):
        return {"filterjson": _as_json(groups)}
    return {
        "filterfieldids": ";".join(",".join(f.field for f in g) for g in groups),
        "filtervalues": ";".join(",".join(f.value for f in g) for g in groups),
        "operatortypes": ";".join(",".join(str(int(f.op)) for f in g) for g in groups),
    }


def _as_json(groups: tuple[tuple[Filter, ...], ...]) -> str:
    return json.dumps(
        {
            "Filters": {
                "Filter": [
                    {
                        "@FilterId": f"Filter {n}",
                        "Field": [
                            {"@FieldId": f.field, "@OperatorType": str(int(f.op)), "#text": f.value}
                            for f in group
                        ],
                    }
                    for n, group in enumerate(groups, start=1)
                ]
            }
        },
        separators=(",", ":"),
    )
