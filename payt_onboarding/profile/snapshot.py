"""What a profile remembers of its last validation, to say what changed at the next check.

Compact on purpose, and never a client's data: per role the connector id, the AFAS fields on
offer with their types, Payt's fields that were mapped and how full each was; the finding codes
with their counts; the kind of credentials and their expiry. No rows, no sampled values, no
finding messages or examples, never a secret.

A role's fields, mappings and fill rates are each one text of "left:right" pairs separated by
spaces (ids have none): a few strings per role rather than one per field keeps the file small
(one line each in the indented JSON) and its load quick, since the secret guard scans every
string of a profile. Key names avoid the words that guard refuses (token, secret, key, data,
credential, ...): a version of the program that predates the snapshot reads it as an unknown
key and checks every name in it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

__all__ = ["FindingCount", "RoleSnapshot", "Snapshot", "pairs", "split_pairs"]

_MAX_ITEMS = 2000
_MAX_TEXT = 100_000


def pairs(items: Iterable[tuple[str, object]]) -> str:
    """"a:1 b:2" of (("a", 1), ("b", 2))."""
    return " ".join(f"{left}:{right}" for left, right in items)


def split_pairs(text: str | None, *, last: bool = False) -> dict[str, str]:
    """{"a": "1", "b": "2"} of "a:1 b:2"; `last`: split each at its last colon (an AFAS field
    id before its type), else at the first (a Payt field name has none). An item without a
    colon maps to ""."""
    out = {}
    for item in (text or "").split():
        left, colon, right = item.rpartition(":") if last else item.partition(":")
        out[left if colon else item] = right if colon else ""
    return out


class _Compact(BaseModel):
    # Unknown keys kept (a later version's); nothing empty written, so the file stays small.
    model_config = ConfigDict(extra="allow", frozen=True, hide_input_in_errors=True)

    @model_serializer(mode="wrap")
    def _without_empty(self, handler: SerializerFunctionWrapHandler) -> Any:
        data = handler(self)
        if not isinstance(data, dict):
            return data
        return {k: v for k, v in data.items() if v not in (None, "", [], ())}


class RoleSnapshot(_Compact):
    role: str = Field(min_length=1, max_length=200)
    # The connector that played the role (an outdated version too); None: none was there.
    connector: str | None = Field(default=None, max_length=500)
    # "AfasFieldId:type ..." of every field the connector offers; None: they were not read.
    fields: str | None = Field(default=None, max_length=_MAX_TEXT)
    # "payt_field:AfasFieldId ..." of each Payt field read from another AFAS field (a mapping).
    mapped: str = Field(default="", max_length=_MAX_TEXT)
    # "payt_field:percent ..." (whole percent filled in the rows read) of each Payt field read.
    fill: str = Field(default="", max_length=_MAX_TEXT)


class FindingCount(_Compact):
    code: str = Field(min_length=1, max_length=200)
    role: str | None = Field(default=None, max_length=200)
    field: str | None = Field(default=None, max_length=500)
    count: int = Field(default=1, ge=0)


class Snapshot(_Compact):
    auth: str | None = Field(default=None, max_length=100)  # classic_token, oauth_...
    expires: str | None = Field(default=None, max_length=100)  # AFAS's tokenExpiry, as shown
    roles: tuple[RoleSnapshot, ...] = Field(default=(), max_length=200)
    findings: tuple[FindingCount, ...] = Field(default=(), max_length=_MAX_ITEMS)
