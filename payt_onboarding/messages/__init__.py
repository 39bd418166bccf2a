"""User-facing messages as data: one catalog keyed by a stable id, in Dutch and English.

It holds every finding's message and hint (the id is the finding code), the fragments that go
into them, and the input errors (environment number and type, base URL, token). The texts live
in resources/messages/nl.toml and en.toml; `render(id, language, part, **values)` fills one in.
Every id that is not a finding code is declared in `ids`.

This package imports only the standard library and the vocabulary, so any layer may use it (and
the input pages and argument checks stay light); it never imports them back.
"""

from payt_onboarding.messages.catalog import Localized, Part, placeholders, render, template
from payt_onboarding.messages.errors import InputError
from payt_onboarding.messages.ids import (
    CredentialInputId,
    EnvironmentInputId,
    FindingVariantId,
    FragmentId,
    InputId,
    MessageId,
    TokenInputId,
)

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
