"""AfasToken: every form users paste gives the same header, and the secret never shows."""

from __future__ import annotations

import base64
import copy
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from payt_onboarding.afas.token import AfasToken, TokenFormatError
from payt_onboarding.vocabulary import Code
from tests.support.afas_inputs import DATA, REJECTED, XML

B64 = base64.b64encode(XML.encode("utf-8")).decode("ascii")
HEADER = "AfasToken " + B64
EXPECTED_HEADER = (
    "AfasToken PHRva2VuPjx2ZXJzaW9uPjE8L3ZlcnNpb24+PGRhdGE+OTQ5QzFBOUNEOUFFNDc5Nzk1MEQ5NEY1NUE3QTRE"
    "MDU2NzcwNDcyRDQ5NjNDQjlBOEQzODAwQkVFMENDRTZBMjwvZGF0YT48L3Rva2VuPg=="
)


def _wrap(text: str, width: int) -> str:
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


FORMS = {
    "xml": XML,
    "data": DATA,
    "base64": B64,
    "header": HEADER,
    "authorization header": "Authorization: " + HEADER,
}

VARIANTS = {
    "xml spaced": f"<token>\n  <version> 1 </version>\n  <data>\n    {DATA}\n  </data>\n</token>",
    "xml upper tags": f"<TOKEN><Version>1</Version><DATA>{DATA}</DATA></TOKEN>",
    "xml crlf": XML + "\r\n",
    "xml json-escaped crlf": f'"{XML}\\r\\n"',
    "xml declaration": f'<?xml version="1.0" encoding="utf-8"?>\n{XML}',
    "xml html-escaped": XML.replace("<", "&lt;").replace(">", "&gt;"),
    "xml data wrapped": f"<token><version>1</version><data>{DATA[:32]}\n{DATA[32:]}</data></token>",
    "data lower case kept": DATA,
    "base64 unpadded": B64.rstrip("="),
    "base64 wrapped": _wrap(B64, 76),
    "base64 wrapped crlf": _wrap(B64, 40).replace("\n", "\r\n"),
    "base64 urlsafe": base64.urlsafe_b64encode(XML.encode()).decode().rstrip("="),
    "base64 of xml with crlf": base64.b64encode((XML + "\r\n").encode()).decode(),
    "base64 of utf-16 xml": base64.b64encode(XML.encode("utf-16")).decode(),
    "header lower word": "afastoken " + B64,
    "header upper word": "AFASTOKEN   " + B64,
    "header wrapped": "AfasToken\n" + _wrap(B64, 60),
    "authorization lower": "authorization:AfasToken " + B64,
    "authorization quoted value": 'Authorization: "AfasToken ' + B64 + '"',
    "header with plain xml": "AfasToken " + XML,
}

QUOTES = [
    ("", ""),
    ("'", "'"),
    ('"', '"'),
    ("`", "`"),
    ("\u201c", "\u201d"),  # typographic double quotes
    ("\u2018", "\u2019"),  # typographic single quotes
    ("\u201e", "\u201d"),  # Dutch low-high quotes
    ('"', ""),  # stray opening quote
    ("", "'"),  # stray closing quote
    ("  \n\t", " \r\n "),
    (' \n"', '"\n '),
    ("\ufeff", ""),
]


@pytest.mark.parametrize("name", list(FORMS))
def test_each_form_gives_the_known_header(name: str) -> None:
    token = AfasToken.parse(FORMS[name])
    assert token.authorization_header() == EXPECTED_HEADER
    assert token.xml() == XML
    assert token.reveal_data() == DATA


def test_header_is_afastoken_plus_base64_of_canonical_xml() -> None:
    token = AfasToken.from_data(DATA)
    expected = "AfasToken " + base64.b64encode(XML.encode("utf-8")).decode("ascii")
    assert token.authorization_header() == expected == EXPECTED_HEADER


@pytest.mark.parametrize("name", list(VARIANTS))
def test_variants(name: str) -> None:
    token = AfasToken.parse(VARIANTS[name])
    assert token == AfasToken.from_data(DATA)
    assert token.authorization_header() == EXPECTED_HEADER


def test_lower_case_data_is_kept_as_given() -> None:
    lower = DATA.lower()
    token = AfasToken.parse(lower)
    assert token.reveal_data() == lower
    assert AfasToken.parse(f"<token><version>1</version><data>{lower}</data></token>") == token
    assert token != AfasToken.from_data(DATA)


def test_version_kept() -> None:
    token = AfasToken.parse(f"<token><version>2</version><data>{DATA}</data></token>")
    assert token.version == "2"
    assert token.xml() == f"<token><version>2</version><data>{DATA}</data></token>"
    assert token != AfasToken.from_data(DATA)
    assert token == AfasToken.from_data(DATA, version="2")


@pytest.mark.parametrize("name", list(FORMS))
@pytest.mark.parametrize(("before", "after"), QUOTES)
def test_forms_with_whitespace_and_quotes(name: str, before: str, after: str) -> None:
    token = AfasToken.parse(before + FORMS[name] + after)
    assert token.authorization_header() == EXPECTED_HEADER


def _secret_fragments(data: str) -> list[str]:
    """The full data, and every 8-character piece that is not inside the 4-character hint."""
    shown = data[-4:]
    pieces = [data[i : i + 8] for i in range(0, len(data) - 7)]
    return [data, *(p for p in pieces if p not in shown)]


def _masked_texts(token: AfasToken) -> list[str]:
    return [
        repr(token),
        str(token),
        f"{token}",
        f"{token!r}",
        f"{token!s}",
        f"{token:>40}",
        format(token, ""),
        "%s %r" % (token, token),  # noqa: UP031 - the old formatting must be masked as well
        "{} {!r}".format(token, token),  # noqa: UP032
        str([token]),
        str({"token": token}),
        token.hint,
    ]


def test_masked_forms_never_contain_the_data() -> None:
    token = AfasToken.parse(XML)
    for text in _masked_texts(token):
        for fragment in _secret_fragments(DATA):
            assert fragment not in text
        assert "E6A2" in text
    assert repr(token) == "AfasToken(…E6A2)"
    assert str(token) == "AfasToken(…E6A2)"
    assert f"{token}" == "AfasToken(…E6A2)"
    assert f"{token!r}" == "AfasToken(…E6A2)"
    assert token.hint == "…E6A2"


def test_no_dict_no_pickle_copy_is_same() -> None:
    token = AfasToken.parse(DATA)
    assert not hasattr(token, "__dict__")
    with pytest.raises(TypeError):
        vars(token)
    with pytest.raises(TypeError):
        pickle.dumps(token)
    with pytest.raises(AttributeError):
        token.anything = 1
    assert copy.copy(token) is token
    assert copy.deepcopy(token) is token


def test_equality_and_hash() -> None:
    a = AfasToken.parse(XML)
    b = AfasToken.parse(B64)
    other = AfasToken.from_data("0" * 64)
    assert a == b
    assert hash(a) == hash(b)
    assert a != other
    assert len({a, b, other}) == 2
    assert a != DATA
    assert a != XML


def _substrings(text: str, length: int = 6) -> set[str]:
    return {text[i : i + length] for i in range(0, len(text) - length + 1)}


@pytest.mark.parametrize("name", list(REJECTED))
def test_rejected_inputs(name: str) -> None:
    text = REJECTED[name]
    with pytest.raises(TokenFormatError) as info:
        AfasToken.parse(text)
    error = info.value
    assert error.code is Code.TOKEN_MALFORMED
    assert isinstance(error, ValueError)
    message = str(error)
    assert message
    # Header words are not secret; everything else of the input must stay out of the message.
    checked = text
    for word in ("Authorization:", "AfasToken", "Bearer"):
        checked = checked.replace(word, "\x00")
    leaked = {s for s in _substrings(checked) if "\x00" not in s and s in message}
    assert not leaked
    # No exception chain that could carry the input into a traceback.
    assert error.__cause__ is None
    assert error.__context__ is None


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "empty"),
        ("<token><version>1</version></token>", "no data element"),
        (DATA[:30] + "OO" + DATA[32:], "not hexadecimal"),
        ("<token><version>1</version><data>XYZXYZXYZXYZXYZXYZ</data></token>", "not hexadecimal"),
        (DATA[:10], "has 10 characters"),
        ("correct horse battery staple", "This is not an AFAS token"),
        (base64.b64encode(b"This is not an AFAS token at all.").decode(), "base64"),
    ],
)
def test_specific_messages(text: str, fragment: str) -> None:
    with pytest.raises(TokenFormatError, match=fragment):
        AfasToken.parse(text)


def test_overlong_input_is_refused_quickly() -> None:
    for text in ("<token>" + "<data>" * 5000 + "</token>", DATA * 200, " " * 20_000 + DATA):
        with pytest.raises(TokenFormatError, match="too long"):
            AfasToken.parse(text)
    padded = "\n" * 1000 + XML + "\n" * 1000
    assert AfasToken.parse(padded) == AfasToken.from_data(DATA)


def test_generic_message_names_the_accepted_forms() -> None:
    with pytest.raises(TokenFormatError) as info:
        AfasToken.parse("correct horse battery staple")
    message = str(info.value)
    assert "<token><version>1</version><data>…</data></token>" in message
    assert "base64" in message
    assert "'AfasToken …' header" in message


def test_from_data_validates() -> None:
    assert AfasToken.from_data(f"  {DATA}\n") == AfasToken.from_data(DATA)
    for bad in ("", "XYZ" * 10, DATA[:8], DATA * 9):
        with pytest.raises(TokenFormatError):
            AfasToken.from_data(bad)
    with pytest.raises(TokenFormatError):
        AfasToken.from_data(DATA, version="v1")


def _parse_or_error(text: str) -> AfasToken | TokenFormatError:
    """The token, or the TokenFormatError; any other exception fails the test."""
    try:
        return AfasToken.parse(text)
    except TokenFormatError as error:
        assert error.__context__ is None
        assert error.__cause__ is None
        return error


@given(st.text())
def test_parse_never_raises_anything_else(text: str) -> None:
    assert isinstance(_parse_or_error(text), AfasToken | TokenFormatError)


@given(
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=<>\n \"'")
)
def test_parse_never_raises_anything_else_on_token_like_text(text: str) -> None:
    assert isinstance(_parse_or_error(text), AfasToken | TokenFormatError)


@given(st.binary(max_size=300))
def test_parse_of_any_base64_never_raises_anything_else(raw: bytes) -> None:
    for encoded in (base64.b64encode(raw).decode(), base64.urlsafe_b64encode(raw).decode()):
        assert isinstance(_parse_or_error(encoded), AfasToken | TokenFormatError)


hex_data = st.text(alphabet="0123456789abcdefABCDEF", min_size=16, max_size=512)


@given(hex_data)
def test_all_forms_round_trip(data: str) -> None:
    expected = AfasToken.from_data(data)
    xml = f"<token><version>1</version><data>{data}</data></token>"
    b64 = base64.b64encode(xml.encode()).decode()
    forms = [
        data,
        xml,
        b64,
        "AfasToken " + b64,
        "Authorization: AfasToken " + b64,
        expected.xml(),
        expected.authorization_header(),
        _wrap(b64.rstrip("="), 64),
        base64.urlsafe_b64encode(xml.encode()).decode(),
    ]
    for form in forms:
        token = AfasToken.parse(form)
        assert token == expected
        assert token.reveal_data() == data
        assert token.authorization_header() == expected.authorization_header()
    assert data not in repr(expected)
    assert repr(expected) == f"AfasToken(…{data[-4:]})"
