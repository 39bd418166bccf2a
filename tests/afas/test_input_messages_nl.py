"""Dutch texts of the input errors: every bad environment, base URL or token has one.

Each `EnvironmentInputError` and `TokenFormatError` renders a message of the catalog (resources/
messages) as the English message (`.message`, `str(error)`) and a Dutch text (`.nl`);
`text(language)` picks one. tests/messages/test_catalog.py checks the catalog as data; these
check that the Dutch text exists, is really Dutch, keeps the values of the English message, and
leaks no more of the input than the English message does. Token inputs appear in test ids only
by name.
"""

from __future__ import annotations

import copy
import functools
import pickle
import re
from collections.abc import Callable
from typing import Any, get_args

import pytest

from payt_onboarding.afas.environment import (
    Environment,
    EnvironmentInputError,
    EnvironmentKind,
    parse_uid,
    validate_base_url,
)
from payt_onboarding.afas.token import AfasToken, TokenFormatError
from payt_onboarding.messages import EnvironmentInputId, Localized, TokenInputId
from tests.support.afas_inputs import BAD_BASE_URLS, BAD_UIDS, DATA, REJECTED, XML

# English words that never occur in the Dutch texts; one of them there means an untranslated text.
ENGLISH_MARKERS = re.compile(
    r"\b(the|and|or|not|must|enter|copy|paste|only|empty|number|environment|this|with|without|"
    r"from|contains|characters|digits|address|choose|use|again|value|valid|whole|should|"
    r"which|means|holds|looks|watch|instead|allowed|every|leave|remove|part|before)\b",
    re.IGNORECASE,
)

UID_REJECTED = [*BAD_UIDS, "x" * 200]

# Beyond the bad URLs of tests/support/afas_inputs.py: a backslash, a host name with a space,
# and one with a character no host name has.
URL_REJECTED = [*BAD_BASE_URLS, "https://exa\\mple.com", "https://bad host!.example.com",
                "https://bad!host.example.com"]

UNKNOWN_KINDS = ["prod", "live", "acc", "O", "testing", "cursus"]

CONFLICTS: list[tuple[str, EnvironmentKind | str]] = [
    ("T12345AA", EnvironmentKind.PRODUCTION),
    ("T12345AA", "productie"),
    ("O12345AA", EnvironmentKind.TEST),
    ("A12345AA", "test"),
    ("o12345", EnvironmentKind.ACCEPT),
]


def _environment_cases() -> list[object]:
    cases: list[object] = []

    def add(call: Callable[[], object], name: str) -> None:
        cases.append(pytest.param(call, id=name))

    for text in UID_REJECTED:
        add(functools.partial(parse_uid, text), f"parse_uid {text[:20]!r}")
        add(functools.partial(Environment.parse, text), f"Environment.parse {text[:20]!r}")
    for kind in UNKNOWN_KINDS:
        add(functools.partial(Environment.parse, "12345", kind), f"unknown kind {kind!r}")
    for uid, kind in CONFLICTS:
        add(functools.partial(Environment.parse, uid, kind), f"conflict {uid} {kind!s}")
    for url in URL_REJECTED:
        add(functools.partial(validate_base_url, url), f"validate_base_url {url!r}")
    for url in ("http://example.com", "ftp://example.com", "https://user:pw@example.com"):
        add(functools.partial(Environment.parse, "12345", "test", url), f"parse with {url!r}")
    add(functools.partial(Environment.parse, DATA), "token pasted as the uid")
    add(functools.partial(Environment.parse, XML), "token xml pasted as the uid")
    add(functools.partial(Environment, "O12345AA"), "Environment with a code")
    add(functools.partial(Environment, "1234"), "Environment with 4 digits")
    add(functools.partial(Environment, "12345", "live"),  # type: ignore[arg-type]
        "Environment with an unknown kind")
    add(functools.partial(EnvironmentKind.parse, "productiee"), "EnvironmentKind.parse typo")
    return cases


# Beyond the rejected tokens of tests/support/afas_inputs.py: what only the error texts need to see.
TOKEN_REJECTED: dict[str, object] = {
    **REJECTED,
    "xml with an unclosed data element": "<token><version>1</version><data>AB</token>",
    "far too long": DATA * 200,
    "not text": 12345,
}

FROM_DATA_REJECTED: dict[str, tuple[object, object]] = {
    "from_data empty": ("", "1"),
    "from_data not hex": ("XYZ" * 10, "1"),
    "from_data too short": (DATA[:8], "1"),
    "from_data bad version": (DATA, "v1"),
    "from_data not text": (None, "1"),
}


def _raise_token_error(name: str) -> TokenFormatError:
    if name in FROM_DATA_REJECTED:
        data, version = FROM_DATA_REJECTED[name]
        with pytest.raises(TokenFormatError) as info:
            AfasToken.from_data(data, version)  # type: ignore[arg-type]
    else:
        with pytest.raises(TokenFormatError) as info:
            AfasToken.parse(TOKEN_REJECTED[name])  # type: ignore[arg-type]
    return info.value


def _input_of(name: str) -> str:
    if name in FROM_DATA_REJECTED:
        return " ".join(str(part) for part in FROM_DATA_REJECTED[name])
    return str(TOKEN_REJECTED[name])


def _check_dutch(error: EnvironmentInputError | TokenFormatError) -> tuple[str, str]:
    """The checks every error must pass; returns its English and Dutch text."""
    nl = error.text("nl")
    en = error.text("en")
    assert nl.strip()
    assert nl == error.nl
    assert en == error.message == str(error)
    assert error.text("de") == en
    assert nl != en
    # A name from the code (for developers) is the same in both languages.
    english_markers = ENGLISH_MARKERS.findall(nl.replace("Environment.parse()", ""))
    assert english_markers == []
    assert ENGLISH_MARKERS.search(en) is not None  # the marker list does recognise English
    # Every value in the English message (numbers, quoted input) is in the Dutch one as well.
    for number in re.findall(r"[0-9]+", en):
        assert number in nl
    for quoted in re.findall(r"'[^']*'", en):
        assert quoted in nl
    assert error.__context__ is None
    assert error.__cause__ is None
    return en, nl


@pytest.mark.parametrize("call", _environment_cases())
def test_environment_errors_have_a_dutch_text(call: Callable[[], object]) -> None:
    with pytest.raises(EnvironmentInputError) as info:
        call()
    _, nl = _check_dutch(info.value)
    # Neither a URL (it may carry credentials) nor a pasted token is repeated.
    for secret in ("example", "secret", "user:", DATA[:12], "?x=", "#frag", "alert"):
        assert secret not in nl


@pytest.mark.parametrize("name", [*TOKEN_REJECTED, *FROM_DATA_REJECTED])
def test_token_errors_have_a_dutch_text(name: str) -> None:
    error = _raise_token_error(name)
    # Header words are not secret; everything else of the input must stay out of the Dutch text,
    # just as tests/afas/test_token.py demands of the English one. Only a count is ever shown.
    checked = _input_of(name)
    for word in ("Authorization:", "AfasToken", "Bearer"):
        checked = checked.replace(word, "\x00")
    pieces = {checked[i : i + 6] for i in range(0, len(checked) - 5)}
    leaked_count = sum(1 for piece in pieces if "\x00" not in piece and piece in error.nl)
    assert leaked_count == 0
    _check_dutch(error)


def test_every_token_message_is_reachable() -> None:
    """Each token message of the catalog is the text of one of the cases above."""
    seen = {_raise_token_error(name).id for name in [*TOKEN_REJECTED, *FROM_DATA_REJECTED]}
    assert seen == set(get_args(TokenInputId))


def test_every_environment_message_is_reachable() -> None:
    """Each environment message of the catalog is the text of one of the cases above."""
    seen: set[str] = set()
    for case in _environment_cases():
        with pytest.raises(EnvironmentInputError) as info:
            case.values[0]()  # type: ignore[attr-defined]
        seen.add(info.value.id)
    assert seen == set(get_args(EnvironmentInputId))


def test_specific_dutch_texts() -> None:
    with pytest.raises(EnvironmentInputError) as info:
        parse_uid("")
    assert info.value.text("nl").startswith("Het AFAS-omgevingsnummer is niet ingevuld. Vul ")

    with pytest.raises(EnvironmentInputError) as info:
        parse_uid("X12345AA")
    assert "'X12345AA' is geen AFAS-omgevingsnummer" in info.value.text("nl")
    assert "https://12345.afasonline.com" in info.value.text("nl")

    with pytest.raises(EnvironmentInputError) as info:
        Environment.parse("T12345AA", EnvironmentKind.PRODUCTION)
    nl = info.value.text("nl")
    assert "testomgeving" in nl
    assert "Kies test als omgevingstype" in nl
    assert "alleen de cijfers 12345" in nl
    assert "productieomgeving" in nl

    with pytest.raises(EnvironmentInputError) as info:
        Environment.parse("12345", "live")
    for allowed in ("productie", "test", "acceptatie", "production", "accept"):
        assert allowed in info.value.text("nl")

    with pytest.raises(EnvironmentInputError) as info:
        validate_base_url("https://user:hunter2secret@example.com")
    assert "hunter2secret" not in info.value.text("nl")
    assert "gebruikersnaam of wachtwoord" in info.value.text("nl")

    with pytest.raises(EnvironmentInputError) as info:
        Environment.parse(DATA)
    assert "tekens die op een token lijken" in info.value.text("nl")

    with pytest.raises(TokenFormatError) as token_info:
        AfasToken.parse(DATA[:10])
    assert "heeft 10 tekens" in token_info.value.text("nl")

    with pytest.raises(TokenFormatError) as token_info:
        AfasToken.parse("")
    assert token_info.value.text("nl").startswith("Er is geen token ingevuld.")


@pytest.mark.parametrize(("error_type", "message_id", "values"), [
    # A value that is itself a message (a token-like input described, not echoed).
    (EnvironmentInputError, "input.uid.invalid",
     {"quoted": Localized("fragment.token_like_input", {"length": 64})}),
    (TokenFormatError, "input.token.data_length", {"length": 10, "min": 16, "max": 512}),
])
def test_text_picks_the_language_and_the_error_survives_copy_and_pickle(
    error_type: type[EnvironmentInputError] | type[TokenFormatError],
    message_id: Any,
    values: dict[str, object],
) -> None:
    error = error_type(message_id, **values)
    english, dutch = error.text("en"), error.text("nl")
    assert english != dutch
    assert error.text("") == english
    assert str(error) == error.message == english
    assert error.nl == dutch
    assert error.args == (english,)
    restored = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own object, just made
    for clone in (copy.copy(error), copy.deepcopy(error), restored):
        assert type(clone) is error_type
        assert (clone.id, dict(clone.values)) == (message_id, values)
        assert clone.message == english
        assert clone.nl == dutch
        assert str(clone) == english
    with pytest.raises(TypeError):
        error_type()  # type: ignore[call-arg]
    with pytest.raises(KeyError, match=message_id):
        error_type(message_id)  # a value the texts need is missing
