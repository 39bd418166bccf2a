"""Payt's fields against the fields a GetConnector offers: present, mapped, missing, wrong type."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher

from payt_onboarding.afas.models import ConnectorMetadata, FieldInfo
from payt_onboarding.report.model import FieldStatus
from payt_onboarding.requirements.model import ConnectorRequirement, FieldRequirement, PaytType

# Which AFAS data types can carry each Payt type. Text takes anything AFAS can render; a
# boolean may come as 0/1 from an int field (the guide mentions value 1 or 0).
COMPATIBLE: Mapping[PaytType, frozenset[str]] = {
    "text": frozenset({"string", "int", "decimal", "boolean", "date", "blob"}),
    "integer": frozenset({"int"}),
    "decimal": frozenset({"decimal", "int"}),
    "boolean": frozenset({"boolean", "int"}),
    "date": frozenset({"date"}),
    "country_code": frozenset({"string"}),
    "currency_code": frozenset({"string"}),
    "email": frozenset({"string", "blob"}),
}


@dataclass(frozen=True)
class PlannedField:
    requirement: FieldRequirement
    afas: FieldInfo | None  # the AFAS field that carries it, None when missing
    status: FieldStatus  # ok | mapped | missing | type_mismatch (empty comes from the data)
    mapped_to_missing: str | None = None  # a mapping that names a field AFAS does not have

    @property
    def name(self) -> str:
        return self.requirement.name

    @property
    def readable(self) -> bool:
        """Values can be read from the rows (right type or not)."""
        return self.afas is not None


def plan_fields(
    requirement: ConnectorRequirement,
    metadata: ConnectorMetadata,
    mapping: Mapping[str, str] | None = None,
) -> list[PlannedField]:
    # Payt reads the JSON keys as they are: "Invoice_Number" is not "invoice_number". A mapping
    # the user typed may differ in case; it names the AFAS field exactly once resolved.
    exact = {f.id: f for f in metadata.fields}
    folded = {f.id.casefold(): f for f in metadata.fields}
    mapping = mapping or {}
    planned = []
    for want in requirement.fields:
        target = mapping.get(want.name)
        afas = folded.get(target.casefold()) if target else exact.get(want.name)
        if afas is None:
            planned.append(PlannedField(want, None, "missing", mapped_to_missing=target))
            continue
        if afas.data_type.casefold() not in COMPATIBLE[want.type]:
            planned.append(PlannedField(want, afas, "type_mismatch"))
            continue
        planned.append(PlannedField(want, afas, "mapped" if target else "ok"))
    return planned


def sort_fields(
    requirement: ConnectorRequirement, planned: list[PlannedField], metadata: ConnectorMetadata
) -> list[str]:
    """AFAS field ids ("-" for descending) for a stable order: the requirement's sort fields.
    Where some are missing, other fields make up for them: unsorted or tied rows may be
    repeated or skipped between pages."""
    by_name = {p.name: p.afas for p in planned}
    ids = []
    for name in requirement.sort:
        afas = by_name.get(name.removeprefix("-"))
        if afas is not None:
            ids.append(("-" if name.startswith("-") else "") + afas.id)
    if len(ids) < len(requirement.sort) or not ids:
        used = {i.removeprefix("-") for i in ids}
        spare = [p.afas.id for p in planned if p.afas is not None and p.afas.id not in used]
        ids += (spare or [f.id for f in metadata.fields])[:MAX_TIEBREAKERS]
    return ids


MAX_CANDIDATES = 3
MAX_TIEBREAKERS = 3
_STRINGY: frozenset[PaytType] = frozenset({"text", "email", "country_code", "currency_code"})


def candidates(
    want: FieldRequirement, metadata: ConnectorMetadata, planned: list[PlannedField]
) -> list[FieldInfo]:
    """AFAS fields that could carry a missing Payt field: of a fitting type, not yet used.

    Ranked by how much the id or label looks like Payt's name. For a date or an amount the type
    says enough; nearly any field can be text, so there a name must look alike as well, unless
    only a few unused fields are left.
    """
    used = {p.afas.id for p in planned if p.afas is not None}
    free = [f for f in metadata.fields
            if f.id not in used and f.data_type.casefold() in COMPATIBLE[want.type]]

    name = _words(want.name)

    def likeness(field: FieldInfo) -> float:
        texts = [_words(t) for t in (field.id, field.label) if t]
        alike = max(SequenceMatcher(None, name, text).ratio() for text in texts)
        shared = any(set(name.split()) & set(text.split()) for text in texts)
        return max(alike, 0.5 if shared else 0.0)

    ranked = sorted(free, key=likeness, reverse=True)
    if want.type in _STRINGY and len(ranked) > MAX_CANDIDATES:
        ranked = [f for f in ranked if likeness(f) >= 0.5]
    return ranked[:MAX_CANDIDATES]


def _words(text: str) -> str:
    """Lower-case words: "debtor_post_country_code" and "LandCode" -> "land code"."""
    split = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", text)
    return re.sub(r"[^a-z0-9]+", " ", split.casefold()).strip()
