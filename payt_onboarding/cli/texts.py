"""The command line's words: every text it prints is a catalog id (messages/ids.py `CliId`),
rendered in the one language of the run (`use_language`, set by main before the parser is
built, so the help speaks it too). argparse's own few words ("usage:", "error:", "invalid
choice") come from the catalog as well: argparse asks gettext for them, and `argparse_words`
answers in place of gettext."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from payt_onboarding.cli.language import resolve_language
from payt_onboarding.messages.catalog import render, template
from payt_onboarding.vocabulary import Language

if TYPE_CHECKING:  # Literal types only: not made at run time (`--help` is quicker without)
    from payt_onboarding.messages.ids import ArgparseId, CliId

_language: list[Language] = []  # empty until main (or the first text) settles it

# argparse's gettext message ids (its English text, for Python 3.11 to 3.13) -> ours.
_ARGPARSE: dict[str, ArgparseId] = {
    "usage: ": "argparse.usage",
    "options": "argparse.options",
    "positional arguments": "argparse.positional_arguments",
    "show this help message and exit": "argparse.help",
    "ambiguous option: %(option)s could match %(matches)s": "argparse.ambiguous",
    "expected one argument": "argparse.expected_one",
    "expected at most one argument": "argparse.expected_at_most_one",
    "expected at least one argument": "argparse.expected_at_least_one",
    "invalid %(type)s value: %(value)r": "argparse.invalid_value",
    "invalid choice: %(value)r (choose from %(choices)s)": "argparse.invalid_choice",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "argparse.unknown_parser",
    "not allowed with argument %s": "argparse.not_allowed_with",
    "one of the arguments %s is required": "argparse.one_required",
    "the following arguments are required: %s": "argparse.required",
    "unrecognized arguments: %s": "argparse.unrecognized",
    "ignored explicit argument %r": "argparse.ignored_explicit",
    "can't open '%(filename)s': %(error)s": "argparse.cannot_open",
}


def use_language(language: Language) -> None:
    """The language of every text from here on, argparse's included."""
    _language[:] = [language]
    argparse._ = _argparse_word  # type: ignore[attr-defined]  # its gettext, looked up per call


def language() -> Language:
    if not _language:
        use_language(resolve_language())
    return _language[0]


def say(message_id: CliId, /, **values: object) -> str:
    """The text of `message_id` in the run's language, filled with `values`."""
    return render(message_id, language(), **values)


def _argparse_word(message: str) -> str:
    found = _ARGPARSE.get(message)
    return template(found, language()) if found else message


def language_on_line(argv: list[str]) -> str | None:
    """The value of the last --language on the line (argparse keeps the last one too), before
    the line is parsed: the help and argparse's errors must already speak it. Abbreviations
    argparse accepts (--lang) count; nothing after "--" does."""
    found = None
    for index, word in enumerate(argv):
        if word == "--":
            break
        option, equals, value = word.partition("=")
        if len(option) >= 6 and "--language".startswith(option):
            if equals:
                found = value
            elif index + 1 < len(argv):
                found = argv[index + 1]
    return found
