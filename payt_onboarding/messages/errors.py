"""`InputError`: what the user typed or pasted cannot be used; its texts come from the catalog.

Light on purpose (the standard library and the vocabulary only): the CLI's argument checks and
the GUI's input pages raise and show these without loading anything heavy.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from payt_onboarding.messages.catalog import render
from payt_onboarding.vocabulary import Code

if TYPE_CHECKING:  # Literal types only: not made at run time (`--help` is quicker without)
    from payt_onboarding.messages.ids import InputId

IdT = TypeVar("IdT", bound="InputId")


class InputError(ValueError, Generic[IdT]):
    """An input error: a message id and its values, shown in the user's language.

    `text(language)` is the Dutch text for "nl" and the English text for any other language;
    `str(error)`, `message` and `args[0]` are the English text and `nl` the Dutch one. The values
    must never hold a secret: they go into both texts as they are.
    """

    code: ClassVar[Code] = Code.INPUT_INVALID

    def __init__(self, message_id: IdT, /, **values: object) -> None:
        self.id: IdT = message_id
        self.values: Mapping[str, object] = dict(values)
        super().__init__(self.text("en"))  # also raises KeyError for an unknown id or value

    def text(self, language: str) -> str:
        return render(self.id, "nl" if language == "nl" else "en", **self.values)

    @property
    def message(self) -> str:
        return self.text("en")

    @property
    def nl(self) -> str:
        return self.text("nl")

    def __reduce__(self) -> tuple[Any, tuple[()]]:
        # The id is positional-only and the values keywords: the default reduce (the class
        # and `args`, the English text) cannot rebuild either.
        return functools.partial(type(self), self.id, **self.values), ()
