"""The message texts by id, read from resources/messages/<language>.toml, and the command
line's from cli.<language>.toml.

Each file is parsed once, when a text from it is first needed: `--help` reads only the
command line's file, so it stays quick. A file's [paths] (AFAS
menu paths) and [parts] (shared sentences) tables exist to be referenced: "{paths.x}" and
"{parts.x}" in any text are replaced by entry x at load time, so a menu path is written once.
What is left is a template for `format.FORMATTER`, whose fields are the values the caller
passes; they are derived from the texts, never listed by hand.
"""

from __future__ import annotations

import functools
import pkgutil
import re
import tomllib
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, get_args

from payt_onboarding.messages.format import FORMATTER, fields
from payt_onboarding.vocabulary import Language

if TYPE_CHECKING:  # Literal types only: not made at run time (`--help` is quicker without)
    from payt_onboarding.messages.ids import MessageId

# A finding has a message and a hint; every other id has one text.
Part: TypeAlias = Literal["text", "message", "hint"]
PARTS: frozenset[str] = frozenset(get_args(Part))
LANGUAGES: tuple[Language, ...] = get_args(Language)

_SHARED = ("paths", "parts")
_REFERENCE = re.compile(r"\{(paths|parts)\.(\w+)\}")
_MAX_DEPTH = 5  # a path may name another path; deeper means a loop


class Localized:
    """A message id and its values, passed as a value into another message: it is rendered in
    the language of that message (a type name, or a token-like input described, not echoed).
    (A plain class, not a dataclass: importing dataclasses would slow --help.)"""

    __slots__ = ("id", "values")

    def __init__(self, id: MessageId, values: Mapping[str, object] | None = None) -> None:
        self.id = id
        self.values: Mapping[str, object] = dict(values or {})

    def render(self, language: Language) -> str:
        return render(self.id, language, **self.values)

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Localized) and (self.id, self.values) == (other.id, other.values))

    __hash__ = None  # type: ignore[assignment]  # the values may be unhashable

    def __repr__(self) -> str:
        return f"Localized({self.id!r}, {dict(self.values)!r})"


def _expand(text: str, shared: Mapping[str, Mapping[str, str]], where: str, depth: int = 0) -> str:
    """`text` with every {paths.x} and {parts.x} replaced by that entry, itself expanded."""
    if depth > _MAX_DEPTH:
        raise ValueError(f"{where}: references nested more than {_MAX_DEPTH} deep (a loop?)")

    def one(match: re.Match[str]) -> str:
        table, key = match.groups()
        if key not in shared[table]:
            raise ValueError(f"{where}: unknown reference {match.group(0)}")
        return _expand(shared[table][key], shared, where, depth + 1)

    return _REFERENCE.sub(one, text)


def _strings(table: Any, where: str) -> dict[str, str]:
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        raise ValueError(f"{where}: expected a table of texts")
    return table


def parse(source: str, name: str) -> Mapping[str, Mapping[str, str]]:
    """The texts of one language file's content: id -> part -> template, references expanded."""
    data = tomllib.loads(source)
    shared = {table: _strings(data.pop(table, {}), f"{name} [{table}]") for table in _SHARED}
    texts: dict[str, Mapping[str, str]] = {}
    for message_id, entry in data.items():
        where = f"{name} [{message_id}]"
        parts = _strings(entry, where)
        if not parts or not parts.keys() <= PARTS:
            raise ValueError(f"{where}: expected text, or message and hint; not {list(parts)}")
        texts[message_id] = MappingProxyType(
            {part: _expand(text, shared, where) for part, text in parts.items()})
    return MappingProxyType(texts)


CLI_PREFIXES = ("cli.", "argparse.")  # the ids kept in cli.<language>.toml


def _file_of(message_id: str, language: Language) -> str:
    return f"cli.{language}.toml" if message_id.startswith(CLI_PREFIXES) else f"{language}.toml"


@functools.cache
def _texts_in(name: str) -> Mapping[str, Mapping[str, str]]:
    # pkgutil, not importlib.resources: as frozen-bundle-proof, and 10 ms quicker to import.
    source = pkgutil.get_data("payt_onboarding", f"resources/messages/{name}")
    if source is None:
        raise FileNotFoundError(f"resources/messages/{name}")
    return parse(source.decode("utf-8"), name)


@functools.cache
def texts(language: Language) -> Mapping[str, Mapping[str, str]]:
    """Every text of `language`: id -> part -> template. Loaded once, on first use."""
    return MappingProxyType({**_texts_in(f"{language}.toml"), **_texts_in(f"cli.{language}.toml")})


def _entry(message_id: str, language: Language) -> Mapping[str, str]:
    return _texts_in(_file_of(message_id, language)).get(message_id, {})


def template(message_id: MessageId, language: Language, part: Part = "text") -> str:
    """The template of one part of a message; KeyError naming the id when there is none."""
    try:
        return _entry(message_id, language)[part]
    except KeyError:
        raise KeyError(f"no {part} for message {message_id!r} in {language}") from None


@functools.cache
def placeholders(message_id: MessageId) -> frozenset[str]:
    """The values a message needs: the fields of all its parts, in every language."""
    return frozenset().union(*(
        fields(text) for language in LANGUAGES
        for text in _entry(message_id, language).values()))


def render(message_id: MessageId, language: Language, part: Part = "text", /,
           **values: object) -> str:
    """One part of a message in `language`, filled with `values` (extra ones are ignored).

    Raises KeyError naming the id and the missing names when a value the message needs in any
    language or part is not given, so a forgotten value fails in every language alike.
    """
    missing = sorted(placeholders(message_id) - values.keys())
    if missing:
        raise KeyError(f"{message_id}: missing template parameter(s): {', '.join(missing)}")
    filled = {name: value.render(language) if isinstance(value, Localized) else value
              for name, value in values.items()}
    return FORMATTER.format(template(message_id, language, part), **filled)
