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
    chosen: bool = False  # picked in the profile rather than recognised


def normalise(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def _version(candidate: str, base: str) -> tuple[bool, int | None]:
    """Whether `candidate` is `base` (or starts with it), and the `_v<N>` right after it."""
    if candidate == base:
        return True, None
    if not candidate.startswith(base + "_"):
        return False, None
    found = _VERSION.match(candidate[len(base) + 1 :])
    return True, int(found.group(1)) if found else None


def resolve(
    requirement: ConnectorRequirement,
    available: Iterable[ConnectorRef],
    chosen: str | None = None,
) -> Resolution:
    role = requirement.role
    refs = list(available)
    if chosen:
        wanted = chosen.casefold()
        for ref in refs:
            if ref.id.casefold() == wanted:
                return Resolution(role, ref.id, chosen=True)
        return Resolution(role, None, chosen=True)

    base = normalise(requirement.match)
    scored: list[tuple[int, int, str]] = []  # (version or -1, exact id match, id)
    for ref in refs:
        for text in (ref.id, ref.description):
            hit, version = _version(normalise(text), base)
            if hit:
                scored.append((-1 if version is None else version, text == ref.id, ref.id))
                break
    if not scored:
        return Resolution(role, None)
    minimum = requirement.min_version
    if minimum is None:
        return Resolution(role, max(scored)[2])
    good = [s for s in scored if s[0] >= minimum]
    # An unversioned connector may be the client's own copy; accept it after a proper version.
    good = good or [s for s in scored if s[0] == -1]
    if good:
        return Resolution(role, max(good)[2])
    return Resolution(role, None, outdated=max(scored)[2])


def resolve_all(
    requirements: Iterable[ConnectorRequirement],
    available: Iterable[ConnectorRef],
    chosen: Mapping[str, str] | None = None,
) -> dict[str, Resolution]:
    refs = list(available)
    picks = chosen or {}
    return {r.role: resolve(r, refs, picks.get(r.role)) for r in requirements}
