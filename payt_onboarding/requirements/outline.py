"""The built-in requirements file as the wizard's first page shows it, without pydantic: where
it lives, the name its origin is reported by, and each connector's title and id.

The first page is painted before anything heavy is read, so the titles are not parsed with
tomllib (importing it and parsing the whole 22 kB file cost more than the rest of the page):
the file is scanned line by line for the `[[connectors]]` tables' `title`, `title_en` and
`connector` keys, written as the packaged file writes them (`key = "plain text"` at the start
of a line). Anything else in such a table that could hold them (another way of quoting, an
escape, a multi-line string anywhere in the file, a line that starts like a table header but is
not a plain one) sends the whole file to tomllib instead, so the answer is always tomllib's
(tests/requirements/test_outline.py holds the scan to it)."""

from __future__ import annotations

import pkgutil

# The built-in file, inside the package (requirements.load makes it DEFAULT_REQUIREMENTS). Read
# here with pkgutil, as frozen-bundle-proof as importlib.resources and far quicker to import.
RESOURCE = "resources/payt_requirements.toml"
BUILT_IN = "built-in"

_KEYS = ("title", "title_en", "connector")
_HEADER_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-. ")


def connector_titles(language: str) -> list[tuple[str, str]]:
    """(title in `language`, connector id) per connector of the built-in file, in its order;
    the same titles as `ConnectorRequirement.title_in`. The file is the packaged one, checked
    by its tests, so nothing here validates it."""
    data = pkgutil.get_data("payt_onboarding", RESOURCE)
    if data is None:
        raise FileNotFoundError(RESOURCE)
    text = data.decode("utf-8")
    tables = scan_connectors(text)
    if tables is None:
        import tomllib

        tables = [{key: str(c[key]) for key in _KEYS if key in c}
                  for c in tomllib.loads(text).get("connectors", ())]
    return [(c["title_en"] if language == "en" and c.get("title_en") else c["title"],
             c["connector"]) for c in tables]


def scan_connectors(text: str) -> list[dict[str, str]] | None:
    """Each `[[connectors]]` table's title, title_en and connector, as tomllib reads them; None
    when the file writes anything in a way this scan does not read for certain."""
    if '"""' in text or "'''" in text:
        return None  # a multi-line string could hold a line that looks like a key or a header
    tables: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("["):
            header = _header(line)
            if header is None:
                return None
            current = {} if header == "[[connectors]]" else None
            if current is not None:
                tables.append(current)
            continue
        if current is None:
            continue
        key, _, rest = line.partition("=")
        key = key.strip()
        if key.split(".")[0].strip(" \"'") in _KEYS:
            if key not in _KEYS or not raw.startswith(key) or key in current:
                return None  # quoted, dotted, indented or repeated: tomllib's to read
            value = _plain_string(rest.strip())
            if value is None:
                return None
            current[key] = value
    if not tables or any("title" not in t or "connector" not in t for t in tables):
        return None
    return tables


def _header(line: str) -> str | None:
    """`[name]` or `[[name]]` (with a comment after it, or none), spaces trimmed inside; None
    for anything else starting with `[`."""
    body = line.partition("#")[0].strip()
    double = body.startswith("[[") and body.endswith("]]")
    inner = body[2:-2] if double else body[1:-1] if body.endswith("]") else None
    if inner is None or not inner.strip() or not set(inner) <= _HEADER_CHARACTERS:
        return None
    name = inner.strip()
    return f"[[{name}]]" if double else f"[{name}]"


def _plain_string(value: str) -> str | None:
    """The text of `"text"` (a comment may follow), without escapes; None for anything else."""
    if not value.startswith('"'):
        return None
    end = value.find('"', 1)
    if end < 0:
        return None
    text, after = value[1:end], value[end + 1:].strip()
    if "\\" in text or (after and not after.startswith("#")):
        return None
    return text
