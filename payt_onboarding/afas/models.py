"""Pydantic shapes of what AFAS Profit REST returns (reference/afas-profit-rest.md section 3).

The models are lenient where AFAS is (optional keys, unknown extra keys ignored) and strict
where the client relies on a value: a missing `rows` list is not a page of data.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SkipValidation, field_validator


class _AfasModel(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore", populate_by_name=True)


class ConnectorRef(_AfasModel):
    id: str
    description: str = ""


class SessionInfo(_AfasModel):
    envid: str
    app_name: str = Field(alias="appName")
    group: str
    token_expiry: str | None = Field(default=None, alias="tokenExpiry")


class MetaInfo(_AfasModel):
    """`GET /metainfo`: the connectors of this AppConnector and who the token is."""

    get_connectors: tuple[ConnectorRef, ...] = Field(default=(), alias="getConnectors")
    update_connectors: tuple[ConnectorRef, ...] = Field(default=(), alias="updateConnectors")
    info: SessionInfo


class CodeTableValue(_AfasModel):
    id: str
    description: str = ""


class FieldInfo(_AfasModel):
    id: str
    field_id: str = Field(default="", alias="fieldId")
    data_type: str = Field(alias="dataType")
    label: str = ""
    length: int | None = None
    control_type: int | None = Field(default=None, alias="controlType")
    decimals: int | None = None
    values: tuple[CodeTableValue, ...] = ()


class ConnectorMetadata(_AfasModel):
    """`GET /metainfo/get/{id}`: the field definitions of one GetConnector."""

    name: str
    description: str = ""
    fields: tuple[FieldInfo, ...] = ()


class RowsPage(_AfasModel):
    """`GET /connectors/{id}`: one page of rows, keyed by field id."""

    skip: int
    take: int
    # Each row as json.loads made it: validating every value of every row (and copying it)
    # took half as long as parsing the JSON; a row must only be an object.
    rows: tuple[SkipValidation[dict[str, Any]], ...]
    # Set by the client: how long AFAS took to answer, without waiting for a free slot or retries.
    elapsed_ms: float = 0.0

    @field_validator("rows")
    @classmethod
    def _objects(cls, rows: tuple[Any, ...]) -> tuple[Any, ...]:
        if not set(map(type, rows)) <= {dict}:  # counted in C: a page has 1,000 rows
            raise ValueError("every row is a JSON object")
        return rows


class Attachment(_AfasModel):
    """A dossier file from `GET /subjectconnector/{subjectId}/{fileId}`, decoded."""

    filename: str
    mimetype: str
    data: bytes = Field(repr=False)
