"""Which connector of the AppConnector plays each role Payt needs.

A connector is recognised by its id or its description, case-insensitively and ignoring
punctuation, so "Payt_distribution_methods - Extended v2.0 - Tab Digital" matches
`Payt_distribution_methods`. Versioned roles accept the minimum version or newer; an older one
alone is reported as outdated, not as missing, because the fix differs (import the new one).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from payt_onboarding.afas.models import ConnectorRef
from payt_onboarding.requirements.model import ConnectorRequirement

_VERSION = re.compile(r"v(\d+)(?:_|$)")


@dataclass(frozen=True)
class Resolution:
    role: str
    connector_id: str | None  # the connector to test; None when missing or outdated
    outdated: str | None = None  # an older version that is there instead


@dataclass(frozen=True, order=True)
class _Candidate:
    exact: bool  # `base` or `base_v<N>` and nothing more; else `base_<anything>`
    version: int  # -1 when unversioned
    by_id: bool  # recognised by its id rather than its description
    id: str


def connector_key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def _candidate(ref: ConnectorRef, base: str) -> _Candidate | None:
    found = []
    for text, by_id in ((ref.id, True), (ref.description, False)):
        name = connector_key(text)
        if name == base:
            found.append(_Candidate(True, -1, by_id, ref.id))
        elif name.startswith(base + "_"):
            rest = name[len(base) + 1 :]
            version = _VERSION.match(rest)
            exact = re.fullmatch(r"v\d+", rest) is not None
            found.append(_Candidate(exact, int(version.group(1)) if version else -1, by_id,
                                    ref.id))
    return max(found, default=None)


def resolve(
    requirement: ConnectorRequirement,
    available: Iterable[ConnectorRef],
    chosen: str | None = None,
) -> Resolution:
    role = requirement.role
    refs = list(available)
    if chosen:
        wanted = chosen.casefold()
        picked = next((ref.id for ref in refs if ref.id.casefold() == wanted), None)
        return Resolution(role, picked)

    base = connector_key(requirement.match)
    hits = [c for ref in refs if (c := _candidate(ref, base)) is not None]
    # "Payt_administrations_test" or "..._v12_oud" only count when nothing is named exactly.
    pool = [c for c in hits if c.exact] or hits
    if not pool:
        return Resolution(role, None)
    minimum = requirement.min_version
    if minimum is None:
        return Resolution(role, max(pool).id)
    good = [c for c in pool if c.version >= minimum]
    # An unversioned connector may be the client's own copy; accept it after a proper version.
    good = good or [c for c in pool if c.version == -1]
    if good:
        return Resolution(role, max(good).id)
    return Resolution(role, None, outdated=max(pool).id)


def resolve_all(
    requirements: Iterable[ConnectorRequirement],
    available: Iterable[ConnectorRef],
    chosen: Mapping[str, str] | None = None,
) -> dict[str, Resolution]:
    refs = list(available)
    picks = chosen or {}
    return {r.role: resolve(r, refs, picks.get(r.role)) for r in requirements}
