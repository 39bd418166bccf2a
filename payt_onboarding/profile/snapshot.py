"""What a profile remembers of its last validation, to say what changed at the next check.

Compact on purpose, and never a client's data: per role the connector id, the AFAS fields on
offer with their types, Payt's fields that were mapped and how full each was; the finding codes
with their counts; the kind of credentials and their expiry. No rows, no sampled values, no
finding messages or examples, never a secret.

The pairs are "left:right" strings (one line each in the profile's indented JSON, where a
two-item list takes four). Key names avoid the words the profile's secret guard refuses
(token, secret, key, data, credential, ...): a version of the program that predates the
snapshot reads it as an unknown key and checks every name in it.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

__all__ = ["FindingCount", "RoleSnapshot", "Snapshot", "pair", "split_pair"]

_MAX_ITEMS = 2000


def pair(left: str, right: object) -> str:
    return f"{left}:{right}"


def split_pair(text: str, *, last: bool = False) -> tuple[str, str]:
    """("left", "right") of "left:right"; `last`: split at the last colon (an AFAS field id
    before its type), else at the first (a Payt field name, which has none)."""
    left, _, right = text.rpartition(":") if last else text.partition(":")
    return left, right


class _Compact(BaseModel):
    # Unknown keys kept (a later version's); nothing empty written, so the file stays small.
    model_config = ConfigDict(extra="allow", frozen=True, hide_input_in_errors=True)

    @model_serializer(mode="wrap")
    def _without_empty(self, handler: SerializerFunctionWrapHandler) -> Any:
        data = handler(self)
        if not isinstance(data, dict):
            return data
        return {k: v for k, v in data.items() if v is not None and v != [] and v != ()}


class RoleSnapshot(_Compact):
    role: str = Field(min_length=1, max_length=200)
    # The connector that played the role (an outdated version too); None: none was there.
    connector: str | None = Field(default=None, max_length=500)
    # "AfasFieldId:type" of every field the connector offers; None: its fields were not read.
    fields: tuple[str, ...] | None = Field(default=None, max_length=_MAX_ITEMS)
    # "payt_field:AfasFieldId" of each Payt field read from another AFAS field (a mapping).
    mapped: tuple[str, ...] = Field(default=(), max_length=_MAX_ITEMS)
    # "payt_field:percent" (whole percent filled in the rows read) of each Payt field read.
    fill: tuple[str, ...] = Field(default=(), max_length=_MAX_ITEMS)


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
