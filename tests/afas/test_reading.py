"""afas.reading.parse_json: every string scrubbed and cut, nesting bounded, on the fast path for
ordinary pages and the slow one for escaped JSON alike."""

from __future__ import annotations

import json
import math
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from payt_onboarding.afas.client import AfasClient
from payt_onboarding.afas.environment import Environment
from payt_onboarding.afas.errors import MAX_TEXT, UnexpectedResponse
from payt_onboarding.afas.models import RowsPage
from payt_onboarding.afas.reading import MAX_DEPTH, parse_json
from payt_onboarding.afas.scrub import Scrubber
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.simulator.config import DEMO_TOKEN_DATA, DEMO_UID
from payt_onboarding.simulator.scenarios import INVOICE_LINES, SALES_ENTRIES, SALES_INVOICES
from tests.support.afas import FAST_RETRY, Start, demo_headers, run
from tests.support.hostile import HostileServer

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


@settings(max_examples=300, deadline=None)
@given(lengths=st.lists(st.integers(0, 90), min_size=1, max_size=60), where=st.integers(0, 59),
       secret=st.sampled_from([DEMO_TOKEN_DATA, B64, TOKEN.xml()]), long=st.booleans())
def test_a_secret_or_long_text_after_any_strings_is_found(lengths: list[int], where: int,
                                                           secret: str, long: bool) -> None:
    # The fast path looks for the first run long enough to matter, then at every run from there:
    # what follows short strings, long strings of no secret, or several of each is still seen.
    values = ["v" * n for n in lengths]
    planted = secret + "x" * (MAX_TEXT if long else 0)
    values.insert(where % (len(values) + 1), planted)
    page = {"skip": 0, "take": len(values), "rows": [{"f": v, "n": i} for i, v in
                                                       enumerate(values)]}
    rows = parse(json.dumps(page, separators=(",", ":")))["rows"]  # type: ignore[index]
    texts = [row["f"] for row in rows]
    assert all(secret not in t and len(t) <= MAX_TEXT for t in texts)
    assert sum("[token]" in t for t in texts) == 1
    assert [t for t in texts if "[token]" not in t] == [v for v in values if v != planted]


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


# -- orjson reads, json.loads's answer ----------------------------------------------------------

def _same(a: object, b: object) -> bool:
    """Equal values of equal types all the way down (NaN equal to NaN, 1 unequal to 1.0)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a):
        return math.isnan(b)
    return a == b


@pytest.fixture
def json_loads_calls(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """What parse_json hands to json.loads, the slow parser kept for what orjson cannot read."""
    calls: list[bytes] = []
    original = json.loads

    def counted(content: bytes) -> Any:
        calls.append(content)
        return original(content)

    monkeypatch.setattr(json, "loads", counted)  # the module reading.py calls it from
    return calls


def test_a_page_of_rows_is_not_read_by_json_loads(simulator: Start,
                                                  json_loads_calls: list[bytes]) -> None:
    # The speed of `check --all-rows` (issue 15): orjson reads a page in a third of the time.
    server = simulator("healthy")
    for connector in (SALES_ENTRIES, SALES_INVOICES, INVOICE_LINES):
        response = httpx.get(f"{server.url}/connectors/{connector}", headers=demo_headers(),
                             params={"skip": 0, "take": 1000})
        assert response.status_code == 200, response.text
        assert len(response.content) > 100_000
        expected = json.loads(response.content)
        json_loads_calls.clear()
        assert _same(parse_json(response.content, SCRUB, path="/connectors/x"), expected)
        assert json_loads_calls == []


@pytest.mark.parametrize("raw", [
    b'\xef\xbb\xbf{"rows": [{"a": 1}]}',  # a UTF-8 byte order mark
    '{"rows": [{"a": "é", "b": 1.5}]}'.encode("utf-16"),
    '{"rows": [{"a": "é", "b": 1.5}]}'.encode("utf-16-le"),
    '{"rows": [{"a": "é", "b": 1.5}]}'.encode("utf-32"),
    b'{"rows": [{"a": NaN, "b": Infinity, "c": -Infinity}]}',
    b'{"rows": [{"a": 1e400, "b": -1e999}]}',  # beyond a double: inf
    b'{"rows": [{"a": "\\ud800", "b": "x\\udfffy"}]}',  # lone surrogate escapes
    b'{"rows": [{"a": 12345678901234567890123, "b": -9999999999999999999}]}',  # over 64 bits
    b'[' + b'1' * 19 + b', -' + b'9' * 19 + b', ' + b'1' * 400 + b']',
    b'{"a": "' + b'1' * 40 + b'", "b": 123456789012345678}',  # wide only in a string; 18 digits
    b'{"a": 18446744073709551615, "b": -9223372036854775808}',  # the widest orjson holds
    b'{"a": 0.1, "b": 1.7976931348623157e308, "c": 5e-324, "d": -0.0, "e": 1E5, "f": 1e22}',
    b'{"a": 3.14159265358979323846264338327950288, "b": 100000000000000000000.5}',
])
def test_what_json_loads_read_is_read_the_same(raw: bytes) -> None:
    assert _same(parse_json(raw, SCRUB, path="/connectors/x"), json.loads(raw))


def test_an_integer_over_64_bits_stays_an_exact_int() -> None:
    # orjson would make it a float (rounded): json.loads reads such a document, exactly.
    data = parse(f'{{"rows": [{{"a": {2**64}, "b": {-(2**63) - 1}, "c": {10**30 + 1}}}]}}')
    assert data == {"rows": [{"a": 2**64, "b": -(2**63) - 1, "c": 10**30 + 1}]}
    assert all(type(v) is int for v in data["rows"][0].values())


@pytest.mark.parametrize("raw", [
    b"", b"   ", b"<html>Captive portal</html>", b'{"a": 1', b'[1] x', b'["a\tb"]', b'["\xff"]',
    b'{"a": nan}', b"[01]", b"[1,]", b"{'a': 1}", b'[1' + b'0' * 5000 + b']',
])
def test_what_json_loads_refused_is_still_no_json(raw: bytes) -> None:
    with pytest.raises(ValueError):
        json.loads(raw)
    with pytest.raises(ValueError) as caught:
        parse_json(raw, SCRUB, path="/connectors/x")
    assert not isinstance(caught.value, UnexpectedResponse)


@settings(max_examples=300, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False)
       | st.from_regex(r"-?(0|[1-9][0-9]{0,24})(\.[0-9]{1,25})?([eE][+-]?[0-9]{1,3})?",
                       fullmatch=True))
def test_numbers_keep_their_value(number: float | str) -> None:
    raw = (json.dumps(number) if isinstance(number, float) else number).encode()
    document = b'{"rows": [{"amount": ' + raw + b"}]}"
    assert _same(parse_json(document, SCRUB, path="/connectors/x"), json.loads(document))


def test_a_page_behind_a_byte_order_mark_is_read_through_the_client(simulator: Start) -> None:
    # orjson refuses a BOM; json.loads, and so the client, always read such a page.
    async def read() -> RowsPage:
        with HostileServer(simulator("healthy"), "bom_rows") as server:
            environment = Environment.parse(DEMO_UID, base_url=server.url)
            async with AfasClient(environment, TOKEN, retry=FAST_RETRY) as client:
                return await client.rows(SALES_ENTRIES, take=7, order_by=["invoice_number"])

    page = run(read())
    assert len(page.rows) == 7 and all(row["invoice_number"] for row in page.rows)


# -- a deep value inside an ordinary page ----------------------------------------------------

@pytest.mark.parametrize(("extra", "refused"), [(MAX_DEPTH - 3, False), (MAX_DEPTH - 2, True)])
def test_one_deep_value_in_a_page_of_rows_is_found(extra: int, refused: bool) -> None:
    # page -> rows -> row -> value: the value's own nesting makes the page 3 + extra deep.
    deep: object = "x"
    for _ in range(extra):
        deep = {"in": deep}
    page = {"skip": 0, "take": 1000,
            "rows": [{"a": "1", "b": None}] * 500 + [{"a": "2", "b": deep}]}
    if refused:
        with pytest.raises(UnexpectedResponse):
            parse(json.dumps(page))
    else:
        assert parse(json.dumps(page)) == page
