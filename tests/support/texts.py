"""What the program says, as the tests expect it: a catalog id's text in the language the tests
run in (Dutch: the root conftest's `dutch_by_default`), so a test pins the message by its id,
not by English words that only one language has."""

from __future__ import annotations

from payt_onboarding.messages import MessageId, render, template
from payt_onboarding.messages.format import FORMATTER
from payt_onboarding.vocabulary import Language

LANGUAGE: Language = "nl"


def said(message_id: MessageId, /, language: Language = LANGUAGE, **values: object) -> str:
    """The whole text of `message_id` with `values`."""
    return render(message_id, language, **values)


def pieces(message_id: MessageId, language: Language = LANGUAGE) -> list[str]:
    """The fixed words of `message_id` between its fields: each must appear in what is printed,
    whatever the values (for a message whose values a test does not know in full)."""
    found = [" ".join(literal.split()) for literal, _, _, _ in
             FORMATTER.parse(template(message_id, language))]
    return [text for text in found if len(text) > 2]


def says(output: str, message_id: MessageId, language: Language = LANGUAGE) -> bool:
    """Whether `output` holds every fixed piece of `message_id` in `language`."""
    flat = " ".join(output.split())
    return all(piece in flat for piece in pieces(message_id, language))
