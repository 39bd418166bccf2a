"""afas.reading.parse_json: every string scrubbed and cut, nesting bounded, on the fast path for
ordinary pages and the slow one for escaped JSON alike."""

from __future__ import annotations

import json

import pytest

from payt_onboarding.afas.errors import MAX_TEXT, UnexpectedResponse
from payt_onboarding.afas.reading import MAX_DEPTH, parse_json
from payt_onboarding.afas.scrub import Scrubber
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.simulator.config import DEMO_TOKEN_DATA

TOKEN = AfasToken.from_data(DEMO_TOKEN_DATA)
SCRUB = Scrubber([TOKEN.reveal_data()])
B64 = TOKEN.authorization_header().split(" ", 1)[1]


def parse(text: str) -> object:
    return parse_json(text.encode(), SCRUB, path="/connectors/x")


@pytest.mark.parametrize("raw", [
    '{"rows": [{"a": "' + TOKEN.xml() + '"}]}',  # no escapes: the fast path sees it
    '{"rows": [{"a": "' + B64.replace("/", "\\/") + '"}]}',  # "\/": the slow path
    '{"rows": [{"a": "' + "".join(f"\\u{ord(c):04x}" for c in DEMO_TOKEN_DATA) + '"}]}',
    '{"rows": [{"' + DEMO_TOKEN_DATA + '": 1}]}',  # in a key
])
def test_a_token_in_any_string_is_blanked(raw: str) -> None:
    text = json.dumps(parse(raw))
    assert "[token]" in text and DEMO_TOKEN_DATA not in text and B64 not in text


def test_an_ordinary_page_comes_back_as_sent() -> None:
    page = {"skip": 0, "take": 2, "rows": [{"a": "x" * 100, "b": 1.5, "c": None}] * 2}
    assert parse(json.dumps(page)) == page


@pytest.mark.parametrize("escaped", [False, True])
def test_a_long_text_is_cut(escaped: bool) -> None:
    value = "é" * (MAX_TEXT + 10) if escaped else "x" * (MAX_TEXT + 10)
    data = parse(json.dumps({"externalMessage": value}, ensure_ascii=escaped))
    assert isinstance(data, dict) and len(data["externalMessage"]) == MAX_TEXT


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 500, 1000, 5000])
def test_too_deep_is_an_unexpected_response(depth: int) -> None:
    with pytest.raises(UnexpectedResponse):
        parse("[" * depth + "]" * depth)


def test_as_deep_as_allowed_is_read() -> None:
    assert parse("[" * MAX_DEPTH + "]" * MAX_DEPTH) is not None


@pytest.mark.parametrize("inside", ["}{", "][", "]", "{", '"}{"'])
def test_brackets_in_a_string_do_not_hide_the_depth(inside: str) -> None:
    # The fast path counts the structure's brackets: a string's own may not split the nesting.
    half = MAX_DEPTH // 2 + 1
    value: object = inside
    for _ in range(half):
        value = [value]
    value = {"a": value, "b": "x" + inside}
    for _ in range(half):
        value = [value]
    with pytest.raises(UnexpectedResponse):
        parse(json.dumps(value))


@pytest.mark.parametrize("inside", ["}{", "[", "]]]", ""])
def test_brackets_in_strings_of_a_flat_page_are_read(inside: str) -> None:
    page = {"rows": [{"a": inside, "b": "", "c": inside + "x"}] * 3, "d": [[inside]]}
    assert parse(json.dumps(page)) == page
