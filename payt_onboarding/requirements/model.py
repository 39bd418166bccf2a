"""What Payt needs from AFAS, as data (DESIGN.md section 7). Loaded from a TOML file."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

PaytType = Literal[
    "text", "integer", "decimal", "boolean", "date", "country_code", "currency_code", "email"
]
# Where a fact comes from: Payt's AFAS guide, Payt's own documentation, or our reconstruction
# (reference/payt-fields.md); the report shows it so nobody mistakes a guess for a rule.
Source = Literal["guide", "payt-docs", "reconstructed"]
Role = str


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class FieldRequirement(_Strict):
    name: str = Field(min_length=1)  # the Payt field name, e.g. "invoice_due_date"
    type: PaytType
    mandatory: bool = False
    source: Source
    description: str = ""  # what Payt does with it, in a few words


class ConnectorRequirement(_Strict):
    role: Role = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str  # human name of the role, e.g. "Verkoopboekingen"
    title_en: str | None = None  # the same in English; reports in English fall back to `title`
    connector: str  # the id Payt ships, e.g. "Payt_sales_entries_v12"
    # A connector is recognised by id or description, case-insensitively, when it starts with
    # `match`; with `min_version`, `match` must be followed by `_v<N>` and N >= min_version counts
    # as present (newer is fine), a lower N as outdated.
    match: str
    min_version: int | None = None
    required: bool = True
    expect_rows: bool = True  # an empty answer is a warning (connector.empty)
    # Payt fields giving a stable order for the sample; "-" in front for newest first.
    sort: tuple[str, ...] = ()
    source: Source
    fields: tuple[FieldRequirement, ...]

    @model_validator(mode="after")
    def _consistent(self) -> ConnectorRequirement:
        names = [f.name for f in self.fields]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise ValueError(f"field listed twice: {', '.join(duplicates)}")
        unknown = [s for s in self.sort if s.removeprefix("-") not in names]
        if unknown:
            raise ValueError(f"sort names fields not in the list: {', '.join(unknown)}")
        return self

    def field(self, name: str) -> FieldRequirement | None:
        return next((f for f in self.fields if f.name == name), None)

    def title_in(self, language: str) -> str:
        return self.title_en if language == "en" and self.title_en else self.title


class AnyOfRule(_Strict):
    """Each row (or each `per` key) needs at least one of `fields` filled."""

    code: Literal["debtor.name_missing", "debtor.no_email"]
    roles: tuple[Role, ...]
    fields: tuple[str, ...] = Field(min_length=1)
    # Count per distinct value of these fields (per debtor: administration and debtor code);
    # one name in a string is accepted too.
    per: tuple[str, ...] = ()
    # Roles whose rows, matched on `per`, may hold the fields as well (the Digital tab).
    also_in: tuple[Role, ...] = ()

    @field_validator("per", mode="before")
    @classmethod
    def _one_or_more(cls, value: object) -> object:
        return (value,) if isinstance(value, str) else value


class DateOrderRule(_Strict):
    """`later` must not fall before `earlier` (value.due_before_invoice_date)."""

    roles: tuple[Role, ...]
    earlier: str
    later: str


class UniqueRule(_Strict):
    """No two sampled rows share these fields (reference.duplicate_invoice_number)."""

    roles: tuple[Role, ...]
    fields: tuple[str, ...] = Field(min_length=1)


class ReferenceRule(_Strict):
    """Every filled `field` in `roles` exists as `target_field` in `target_role`'s rows."""

    code: Literal["reference.unknown_payment_condition", "reference.unknown_administration"]
    roles: tuple[Role, ...]
    field: str
    target_role: Role
    target_field: str


class AttachmentRule(_Strict):
    """Invoices link to dossier items; the linked files are fetched through AppConnectorSubject."""

    roles: tuple[Role, ...]  # invoice connectors carrying `link_field`
    link_field: str  # e.g. invoice_dossier_item_extra
    target_role: Role  # e.g. subject_attachments
    subject_field: str  # e.g. subject_id
    file_field: str  # e.g. file_id
    name_field: str | None = None  # e.g. file_name
    fetch: int = Field(default=1, ge=0, le=5)  # files to fetch from the linked ones


class Rules(_Strict):
    any_of: tuple[AnyOfRule, ...] = ()
    date_order: tuple[DateOrderRule, ...] = ()
    unique: tuple[UniqueRule, ...] = ()
    references: tuple[ReferenceRule, ...] = ()
    attachments: AttachmentRule | None = None


class Requirements(_Strict):
    schema_version: Literal[1] = 1
    title: str = ""
    connectors: tuple[ConnectorRequirement, ...] = Field(min_length=1)
    rules: Rules = Rules()
    origin: str = Field(default="", exclude=True)  # file or resource it was loaded from

    @model_validator(mode="after")
    def _roles_known(self) -> Requirements:
        roles = [c.role for c in self.connectors]
        twice = sorted({r for r in roles if roles.count(r) > 1})
        if twice:
            raise ValueError(f"role listed twice: {', '.join(twice)}")
        rules = self.rules
        used: list[str] = []
        grouped: tuple[AnyOfRule | DateOrderRule | UniqueRule, ...] = (
            *rules.any_of, *rules.date_order, *rules.unique
        )
        for rule in grouped:
            used += rule.roles
        for any_of in rules.any_of:
            used += any_of.also_in
        for ref in rules.references:
            used += [*ref.roles, ref.target_role]
        if rules.attachments:
            used += [*rules.attachments.roles, rules.attachments.target_role]
        unknown = sorted(set(used) - set(roles))
        if unknown:
            raise ValueError(f"rules name roles that are not listed: {', '.join(unknown)}")
        return self

    def connector(self, role: Role) -> ConnectorRequirement:
        for c in self.connectors:
            if c.role == role:
                return c
        raise KeyError(role)
