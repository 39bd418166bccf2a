"""User-facing messages as data: one catalog keyed by a stable id, in Dutch and English.

It holds every finding's message and hint (the id is the finding code), the fragments that go
into them, and the input errors (environment number and type, base URL, token). The texts live
in resources/messages/nl.toml and en.toml; `render(id, language, part, **values)` fills one in.
Every id that is not a finding code is declared in `ids`.

This package imports only the standard library and the vocabulary, so any layer may use it (and
the input pages and argument checks stay light); it never imports them back.
"""

from typing import TYPE_CHECKING, Any

from payt_onboarding.messages.catalog import Localized, Part, placeholders, render, template
from payt_onboarding.messages.errors import InputError

if TYPE_CHECKING:
    from payt_onboarding.messages.ids import (
        CredentialInputId,
        EnvironmentInputId,
        FindingVariantId,
        FragmentId,
        InputId,
        MessageId,
        TokenInputId,
    )
else:
    # The ids' Literal types are for the type checker; made at run time (hundreds of literals:
    # longer than the rest of `--help`) only when a module imports one by name.
    _IDS = frozenset({"CredentialInputId", "EnvironmentInputId", "FindingVariantId", "FragmentId",
                      "InputId", "MessageId", "TokenInputId"})

    def __getattr__(name: str) -> Any:
        if name in _IDS:
            from payt_onboarding.messages import ids

            return getattr(ids, name)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "CredentialInputId",
    "EnvironmentInputId",
    "FindingVariantId",
    "FragmentId",
    "InputError",
    "InputId",
    "Localized",
    "MessageId",
    "Part",
    "TokenInputId",
    "placeholders",
    "render",
    "template",
]
