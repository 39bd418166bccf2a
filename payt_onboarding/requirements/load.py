"""Load the requirements file: the packaged default, or a specialist's own TOML file.

Every mistake is reported with the file, the line and the key, so whoever edits the file can fix
it without reading Python. Lines are found on a best-effort basis by scanning the TOML text.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Sequence
from importlib.resources import files
from pathlib import Path
from typing import Any, get_args

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from payt_onboarding.messages import Localized
from payt_onboarding.messages.ids import RequirementsMessageId
from payt_onboarding.requirements.model import Requirements, Rules
from payt_onboarding.requirements.outline import BUILT_IN as BUILT_IN
from payt_onboarding.requirements.outline import RESOURCE
from payt_onboarding.vocabulary import Language

DEFAULT_REQUIREMENTS = files("payt_onboarding").joinpath(*RESOURCE.split("/"))

SCHEMA_VERSION = 1
_MAX_SHOWN = 10
_PLAIN: dict[str, RequirementsMessageId] = {  # pydantic error type -> plain words
    "missing": "requirements.missing", "tuple_type": "requirements.not_list",
    "bool_type": "requirements.not_bool", "bool_parsing": "requirements.not_bool",
    "int_type": "requirements.not_int", "int_parsing": "requirements.not_int",
    "string_type": "requirements.not_text", "model_type": "requirements.not_table",
    "string_too_short": "requirements.empty", "too_short": "requirements.empty",
    "string_pattern_mismatch": "requirements.bad_name",
}
_LIMITS: dict[str, tuple[str, RequirementsMessageId]] = {  # pydantic error type -> its bound
    "greater_than_equal": ("ge", "requirements.too_small"),
    "less_than_equal": ("le", "requirements.too_large"),
}
# The model's validators say what is wrong in English (pydantic passes on a ValueError's text):
# its start -> the message id, the names after ": " its value.
_VALIDATORS: dict[str, RequirementsMessageId] = {
    "field listed twice": "requirements.field_twice",
    "sort names fields not in the list": "requirements.sort_unknown",
    "role listed twice": "requirements.role_twice",
    "rules name roles that are not listed": "requirements.roles_unknown",
}
_UNREADABLE: tuple[tuple[type[OSError], RequirementsMessageId], ...] = (
    (FileNotFoundError, "requirements.not_found"),
    (IsADirectoryError, "requirements.is_folder"),
    (PermissionError, "requirements.no_permission"),
)
Loc = tuple[str | int, ...]


class RequirementsError(Exception):
    """The requirements file cannot be used; the message says where and what to do.

    `text(language)` is that message for the user (`localized`: a catalog id with its values);
    `str()` and `message` are the English one, for the log.
    """

    def __init__(self, localized: Localized, *, origin: str, line: int | None = None,
                 key: str | None = None) -> None:
        self.localized = localized
        self.message = localized.render("en")
        super().__init__(self.message)
        self.origin, self.line, self.key = origin, line, key

    def text(self, language: Language) -> str:
        return self.localized.render(language)

    def __str__(self) -> str:
        return self.message


def load_requirements(path: str | Path | None = None) -> Requirements:
    """The requirements in `path`, or the packaged default when `path` is None."""
    if path is None:
        return parse_requirements(DEFAULT_REQUIREMENTS.read_text(encoding="utf-8"), BUILT_IN)
    origin = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        why = next((Localized(text) for kind, text in _UNREADABLE if isinstance(error, kind)),
                   Localized("requirements.cannot_read", {"reason": error.strerror or error}))
        raise _error(origin, why) from None
    try:
        text = data.decode("utf-8-sig")  # Notepad may add a byte-order mark
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise _error(origin, Localized("requirements.not_utf8", {"line": line}),
                     line=line) from None
    return parse_requirements(text, origin)


def parse_requirements(text: str, origin: str) -> Requirements:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(error))
        what = re.sub(r"\s*\(at [^)]*\)$", "", str(error))
        line = int(found[1]) if found else max(text.count("\n"), 1)
        why = Localized("requirements.not_toml", {"line": line, "column": found[2], "what": what}) \
            if found else Localized("requirements.not_toml.end", {"line": line, "what": what})
        raise _error(origin, why, line=line) from None
    version = data.get("schema_version", SCHEMA_VERSION)
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        line = _locate(text, ("schema_version",))[0]
        raise _error(origin, Localized("requirements.newer_schema", {
            "line": line, "version": version, "supported": SCHEMA_VERSION}),
            line=line, key="schema_version")
    try:
        requirements = Requirements.model_validate({**data, "origin": origin})
    except ValidationError as error:
        errors = error.errors(include_url=False)
        inner = {tuple(e["loc"][:n]) for e in errors for n in range(len(e["loc"]))}
        # A list whose item failed is also "too short"; that follows from the item's mistake.
        problems = [_problem(text, e) for e in errors
                    if not (e["type"] == "too_short" and tuple(e["loc"]) in inner)]
        raise _report(origin, problems) from None
    problems = [(_locate(text, loc)[0], loc, msg) for loc, msg in _unknown_fields(requirements)]
    if problems:
        raise _report(origin, problems)
    return requirements


def _error(origin: str, why: Localized, *, line: int | None = None,
           key: str | None = None) -> RequirementsError:
    return RequirementsError(Localized("requirements.error", {"origin": origin, "why": why}),
                             origin=origin, line=line, key=key)


def _report(origin: str, problems: Sequence[tuple[int, Loc, Localized]]) -> RequirementsError:
    shown = [Localized("requirements.line.key", {"line": line, "key": _key(loc), "problem": msg})
             if loc else Localized("requirements.line", {"line": line, "problem": msg})
             for line, loc, msg in problems[:_MAX_SHOWN]]
    if len(problems) > _MAX_SHOWN:
        shown.append(Localized("requirements.more", {"count": len(problems) - _MAX_SHOWN}))
    lines = shown[-1]  # one value of lines, each in the language of the whole
    for first in reversed(shown[:-1]):
        lines = Localized("requirements.lines", {"first": first, "rest": lines})
    line, loc, _ = problems[0]
    return RequirementsError(Localized("requirements.mistakes", {
        "origin": origin, "count": len(problems), "problems": lines}),
        origin=origin, line=line, key=_key(loc) or None)


def _key(loc: Loc) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")


def _problem(text: str, error: ErrorDetails) -> tuple[int, Loc, Localized]:
    loc: Loc = tuple(error["loc"])
    kind, value = error["type"], error.get("input")
    english = ""  # a validator's own words, to find the line they are about
    if kind == "literal_error":
        expected = error["ctx"]["expected"].replace(" or ", ", ").replace("'", "")
        msg = Localized("requirements.not_one_of", {"value": repr(value), "expected": expected})
    elif kind == "extra_forbidden":
        model = _model_at(loc)
        allowed = ", ".join(k for k in model.model_fields if k != "origin") if model else ""
        msg = Localized("requirements.unknown_key.allowed", {"key": repr(loc[-1]),
                                                             "allowed": allowed}) \
            if allowed else Localized("requirements.unknown_key", {"key": repr(loc[-1])})
    elif kind == "value_error":
        english = str(error["msg"]).removeprefix("Value error, ")
        what, _, names = english.partition(": ")
        msg = Localized(_VALIDATORS[what], {"names": names}) if what in _VALIDATORS \
            else Localized("requirements.other", {"detail": english})
    else:
        bound, limit_id = _LIMITS.get(kind, ("", None))
        msg = Localized(limit_id, {"limit": error.get("ctx", {}).get(bound)}) if limit_id \
            else Localized(_PLAIN[kind]) if kind in _PLAIN \
            else Localized("requirements.other", {"detail": str(error["msg"])})
        if kind != "missing" and isinstance(value, str | int | float):
            msg = Localized("requirements.found", {"problem": msg, "value": f"{value!r:.60}"})
    line, start, end = _locate(text, loc)
    if english:  # "role listed twice: x": the second `= "x"`; else the first "x"
        name = re.escape(english.rpartition(": ")[2].split(", ")[0])
        twice = "twice" in english
        find = re.compile(rf'=\s*"{name}"' if twice else f'"{name}"')
        hits = [n for n, t in enumerate(text.splitlines()[start:end], start) if find.search(t)]
        line = hits[min(int(twice), len(hits) - 1)] + 1 if hits else line
    return line, loc, msg


def _model_at(loc: Loc) -> type[BaseModel] | None:
    """The pydantic model that holds the last key of `loc`."""
    model: Any = Requirements
    for part in loc[:-1]:
        if isinstance(part, str):
            info = model.model_fields.get(part) if model else None
            model = info and next((a for a in (info.annotation, *get_args(info.annotation))
                                   if isinstance(a, type) and issubclass(a, BaseModel)), None)
    return model  # type: ignore[no-any-return]


def _unknown_fields(req: Requirements) -> Iterator[tuple[Loc, Localized]]:
    """Rules naming a field that a role they apply to does not list."""
    known = {c.role: {f.name for f in c.fields} for c in req.connectors}
    for loc, roles, names in _rule_fields(req.rules):
        for role in roles:
            for name in names:
                if name is not None and name not in known[role]:
                    yield loc, Localized("requirements.not_a_field", {"name": repr(name),
                                                                      "role": repr(role)})


def _rule_fields(r: Rules) -> Iterator[tuple[Loc, tuple[str, ...], tuple[str | None, ...]]]:
    for i, a in enumerate(r.any_of):
        yield ("rules", "any_of", i, "fields"), a.roles, a.fields
        yield ("rules", "any_of", i, "per"), (*a.roles, *a.also_in), a.per
    for i, d in enumerate(r.date_order):
        yield ("rules", "date_order", i, "earlier"), d.roles, (d.earlier,)
        yield ("rules", "date_order", i, "later"), d.roles, (d.later,)
    for i, u in enumerate(r.unique):
        yield ("rules", "unique", i, "fields"), u.roles, u.fields
    for i, f in enumerate(r.references):
        yield ("rules", "references", i, "field"), f.roles, (f.field,)
        yield ("rules", "references", i, "target_field"), (f.target_role,), (f.target_field,)
    if (t := r.attachments) is not None:
        yield ("rules", "attachments", "link_field"), t.roles, (t.link_field,)
        for key in ("subject_field", "file_field", "name_field"):
            yield ("rules", "attachments", key), (t.target_role,), (getattr(t, key),)


def _header(line: str) -> str | None:
    found = re.match(r"\s*\[\[?\s*([A-Za-z0-9_.\- ]+?)\s*\]\]?\s*(#.*)?$", line)
    return re.sub(r"\s+", "", found[1]) if found else None


def _locate(text: str, loc: Loc) -> tuple[int, int, int]:
    """Best effort: (1-based line, region start, region end) of `loc`, or its table header."""
    lines = text.splitlines()
    start, end, line, path, i = 0, len(lines), 0, "", 0
    while i < len(loc) and isinstance(part := loc[i], str):
        after = loc[i + 1] if i + 1 < len(loc) else None
        index = after if isinstance(after, int) else None
        path = f"{path}.{part}".lstrip(".")
        heads = [n for n in range(start, end) if _header(lines[n]) == path]
        if heads:
            if (index or 0) >= len(heads):
                break
            start = line = heads[index or 0]
            end = next((n for n in range(start + 1, end) if (h := _header(lines[n]))
                        and (h == path or not h.startswith(path + "."))), end)
            i += 1 if index is None else 2
            continue
        own_end = next((n for n in range(start + 1, end) if _header(lines[n])), end)
        key = re.compile(rf"\s*\"?{re.escape(part)}\"?\s*=")
        at = next((n for n in range(start, own_end) if key.match(lines[n])), None)
        if at is not None:
            return (_element(lines, at, index) if index is not None else at) + 1, start, end
        i += 1
    return line + 1, start, end


def _element(lines: list[str], first: int, index: int) -> int:
    """The line where element `index` of the array value on line `first` starts."""
    depth, count, expecting = 0, -1, False
    for n in range(first, len(lines)):
        text, col, quote = lines[n], lines[n].find("=") + 1 if n == first else 0, ""
        while col < len(text):
            ch, col = text[col], col + 1
            if quote:
                col += ch == "\\" and quote == '"'
                quote = "" if ch == quote else quote
            elif ch == "#":
                break
            elif ch.isspace() or ch == ",":
                expecting = expecting or (ch == "," and depth == 1)
            elif ch in "]}":
                depth -= 1
                if depth == 0:
                    return first
            else:
                if depth == 1 and expecting:
                    count, expecting = count + 1, False
                    if count == index:
                        return n
                depth += ch in "[{"
                expecting = expecting or (ch in "[{" and depth == 1)
                quote = ch if ch in "\"'" else ""
    return first
