"""The template language of the messages: `str.format` fields, plus singular and plural forms.

A field's format spec, when it has one, lists forms separated by bars: "{count:rij|rijen}" reads
"1 rij", "3 rijen"; "{days:vandaag|over # dag|over # dagen}" picks the zero, one or many form,
with # for the number. No other format spec is used, so `forms` doubles as the grammar check.
"""

from __future__ import annotations

import string
from typing import Any


def forms(spec: str) -> tuple[str, ...]:
    """The plural forms of a format spec: () for no spec, else two (one, many) or three (zero,
    one, many, each with # for the number). Raises ValueError for anything else."""
    if not spec:
        return ()
    found = tuple(spec.split("|"))
    if len(found) not in (2, 3) or not all(form.strip() for form in found):
        raise ValueError(f"{spec!r} is not a plural spec: 2 or 3 non-empty forms, split by |")
    if len(found) == 2 and "#" in spec:
        raise ValueError(f"{spec!r}: # stands for the number in a 3-form spec only")
    return found


class PluralFormatter(string.Formatter):
    """`str.format` with the plural specs of `forms`."""

    def format_field(self, value: Any, format_spec: str) -> str:
        found = forms(format_spec)
        if len(found) == 3:
            form = found[0] if value == 0 else found[1] if value == 1 else found[2]
            return form.replace("#", str(value))
        if len(found) == 2:
            return f"{value} {found[0] if value == 1 else found[1]}"
        return str(super().format_field(value, ""))


FORMATTER = PluralFormatter()


def fields(template: str) -> frozenset[str]:
    """The names of the fields a template uses: what a caller must pass to format it."""
    return frozenset(name for _, name, _, _ in FORMATTER.parse(template) if name is not None)
