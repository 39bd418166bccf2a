"""The welcome page's outline of the built-in requirements (a line scan, no tomllib, no
pydantic) names the same connectors, with the same titles in both languages, as the model does;
whatever the scan does not read for certain is left to tomllib."""

from __future__ import annotations

import pkgutil
import tomllib

import pytest

from payt_onboarding.requirements.load import BUILT_IN, load_requirements
from payt_onboarding.requirements.outline import RESOURCE, connector_titles, scan_connectors


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_outline_matches_the_model(language: str) -> None:
    requirements = load_requirements()
    assert requirements.origin == BUILT_IN
    expected = [(c.title_in(language), c.connector) for c in requirements.connectors]
    assert connector_titles(language) == expected
    assert len(expected) >= 5


def test_the_scan_reads_the_packaged_file_as_tomllib_does() -> None:
    """The welcome page's titles come from a line scan (no tomllib before the first paint): for
    the packaged file it must read exactly what tomllib reads, not fall back to it."""
    text = (pkgutil.get_data("payt_onboarding", RESOURCE) or b"").decode("utf-8")
    scanned = scan_connectors(text)
    assert scanned is not None  # the packaged file is written the way the scan reads
    expected = [{key: c[key] for key in ("title", "title_en", "connector") if key in c}
                for c in tomllib.loads(text)["connectors"]]
    assert scanned == expected


_PLAIN = '''title = "Top"
[[connectors]]
role = "a"
title = "Eén"  # a comment
title_en = "One"
connector = "Payt_one"
fields = [
  { name = "title", type = "text" },
]
[[ connectors ]]
title = "Twee"
connector = "Payt_two"
[rules]
title = "not a connector's"
'''


def test_the_scan_reads_plain_tables() -> None:
    assert scan_connectors(_PLAIN) == [
        {"title": "Eén", "title_en": "One", "connector": "Payt_one"},
        {"title": "Twee", "connector": "Payt_two"}]
    assert scan_connectors(_PLAIN) == [
        {k: v for k, v in c.items() if k in ("title", "title_en", "connector")}
        for c in tomllib.loads(_PLAIN)["connectors"]]


@pytest.mark.parametrize("change", [
    ('title = "Eén"  # a comment', "title = 'Eén'"),  # a literal string
    ('title = "Eén"  # a comment', 'title = "E\\u00e9n"'),  # an escape
    ('title = "Eén"  # a comment', '"title" = "Eén"'),  # a quoted key
    ('title = "Eén"  # a comment', '  title = "Eén"'),  # indented
    ('title = "Eén"  # a comment', 'title.nl = "Eén"'),  # dotted
    ('role = "a"', 'role = """a\ntitle = "x"\n"""'),  # a multi-line string
    ("[[ connectors ]]", '[["connectors"]]'),  # a quoted table name
    ('connector = "Payt_two"', 'connector = "Payt_two" trailing'),  # not TOML at all
    ('connector = "Payt_two"', ""),  # a table without its connector
])
def test_anything_the_scan_does_not_read_for_certain_goes_to_tomllib(
        change: tuple[str, str]) -> None:
    old, new = change
    assert old in _PLAIN
    assert scan_connectors(_PLAIN.replace(old, new, 1)) is None


def test_a_file_the_scan_does_not_read_gets_tomllib_s_titles(
        monkeypatch: pytest.MonkeyPatch) -> None:
    text = _PLAIN.replace('title = "Eén"  # a comment', "title = 'Eén' # literal")
    assert scan_connectors(text) is None
    monkeypatch.setattr(pkgutil, "get_data", lambda package, name: text.encode())
    assert connector_titles("nl") == [("Eén", "Payt_one"), ("Twee", "Payt_two")]
    assert connector_titles("en") == [("One", "Payt_one"), ("Twee", "Payt_two")]
