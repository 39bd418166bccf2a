"""Environment number, type and base URL: what users type, and what AFAS host that becomes."""

from __future__ import annotations

import pytest

from payt_onboarding.afas.environment import (
    Environment,
    EnvironmentInputError,
    EnvironmentKind,
    parse_uid,
    validate_base_url,
)
from payt_onboarding.vocabulary import Code
from tests.support.afas_inputs import BAD_BASE_URLS, BAD_UIDS

PRODUCTION = EnvironmentKind.PRODUCTION
TEST = EnvironmentKind.TEST
ACCEPT = EnvironmentKind.ACCEPT


@pytest.mark.parametrize(
    ("text", "digits", "kind"),
    [
        ("12345", "12345", None),
        ("123456", "123456", None),
        ("  12345\n", "12345", None),
        ("O12345AA", "12345", PRODUCTION),
        ("T12345AA", "12345", TEST),
        ("A12345AA", "12345", ACCEPT),
        ("o12345aa", "12345", PRODUCTION),
        ("t12345Aa", "12345", TEST),
        ("a12345aa", "12345", ACCEPT),
        ("O12345AB", "12345", PRODUCTION),
        ("T36369AA", "36369", TEST),
        ("A123456AC", "123456", ACCEPT),  # AFAS's own /metainfo example envid
        ("T12345", "12345", TEST),
        ("o12345", "12345", PRODUCTION),
        ("A12345", "12345", ACCEPT),
        ("12345AA", "12345", None),  # as AFAS webhooks write the EnvironmentId
        ("\tO12345AA  ", "12345", PRODUCTION),
    ],
)
def test_parse_uid_accepts(text: str, digits: str, kind: EnvironmentKind | None) -> None:
    assert parse_uid(text) == (digits, kind)


@pytest.mark.parametrize("text", BAD_UIDS)
def test_parse_uid_rejects(text: str) -> None:
    with pytest.raises(EnvironmentInputError) as info:
        parse_uid(text)
    assert info.value.code is Code.INPUT_INVALID
    message = str(info.value)
    assert "12345" in message  # the example number
    assert "afasonline.com" in message  # where to find it


def test_parse_uid_message_names_input_and_truncates() -> None:
    with pytest.raises(EnvironmentInputError) as info:
        parse_uid("X12345AA")
    assert "'X12345AA' is not an AFAS environment number" in str(info.value)

    long_input = "x" * 200
    with pytest.raises(EnvironmentInputError) as info:
        parse_uid(long_input)
    assert "x" * 41 not in str(info.value)
    assert "…" in str(info.value)


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (PRODUCTION, "https://12345.rest.afas.online/ProfitRestServices"),
        (TEST, "https://12345.resttest.afas.online/ProfitRestServices"),
        (ACCEPT, "https://12345.restaccept.afas.online/ProfitRestServices"),
    ],
)
def test_derived_urls(kind: EnvironmentKind, expected: str) -> None:
    environment = Environment("12345", kind)
    assert environment.derived_url == expected
    assert environment.base_url == expected


def test_host_part() -> None:
    assert PRODUCTION.host_part == "rest"
    assert TEST.host_part == "resttest"
    assert ACCEPT.host_part == "restaccept"


@pytest.mark.parametrize(
    ("uid", "kind", "expected_kind"),
    [
        ("12345", None, PRODUCTION),
        ("12345", PRODUCTION, PRODUCTION),
        ("12345", TEST, TEST),
        ("12345", ACCEPT, ACCEPT),
        ("12345", "production", PRODUCTION),
        ("12345", "test", TEST),
        ("12345", "accept", ACCEPT),
        ("12345", "Productie", PRODUCTION),
        ("12345", "TEST", TEST),
        ("12345", " acceptatie ", ACCEPT),
        ("12345", "", PRODUCTION),
        ("O12345AA", None, PRODUCTION),
        ("T12345AA", None, TEST),
        ("A12345AA", None, ACCEPT),
        ("T12345AA", TEST, TEST),
        ("T12345AA", "test", TEST),
        ("A12345AA", "acceptatie", ACCEPT),
        ("O12345AA", "productie", PRODUCTION),
        ("12345AA", TEST, TEST),
    ],
)
def test_environment_parse_kind(
    uid: str, kind: EnvironmentKind | str | None, expected_kind: EnvironmentKind
) -> None:
    environment = Environment.parse(uid, kind)
    assert environment.uid == "12345"
    assert environment.kind is expected_kind
    assert environment.base_url_override is None


@pytest.mark.parametrize(
    ("uid", "kind"),
    [
        ("T12345AA", PRODUCTION),
        ("T12345AA", "productie"),
        ("O12345AA", TEST),
        ("A12345AA", "test"),
        ("o12345", ACCEPT),
    ],
)
def test_environment_parse_conflict(uid: str, kind: EnvironmentKind | str) -> None:
    with pytest.raises(EnvironmentInputError) as info:
        Environment.parse(uid, kind)
    assert info.value.code is Code.INPUT_INVALID
    message = str(info.value)
    assert uid in message
    assert "Choose" in message
    assert "12345" in message


def test_conflict_message_says_what_to_choose() -> None:
    with pytest.raises(EnvironmentInputError) as info:
        Environment.parse("T12345AA", PRODUCTION)
    message = str(info.value)
    assert "test environment" in message
    assert "Choose test" in message
    assert "only the digits 12345" in message


@pytest.mark.parametrize("kind", ["prod", "live", "acc", "O", "testing", "cursus"])
def test_environment_parse_unknown_kind(kind: str) -> None:
    with pytest.raises(EnvironmentInputError) as info:
        Environment.parse("12345", kind)
    assert info.value.code is Code.INPUT_INVALID
    message = str(info.value)
    for allowed in ("production", "test", "accept", "productie", "acceptatie"):
        assert allowed in message


def test_kind_parse() -> None:
    assert EnvironmentKind.parse(TEST) is TEST
    assert EnvironmentKind.parse("ACCEPTATIE") is ACCEPT
    assert EnvironmentKind.parse("Production") is PRODUCTION


def test_environment_parse_base_url() -> None:
    environment = Environment.parse("12345", TEST, "http://127.0.0.1:8080/ProfitRestServices/")
    assert environment.base_url_override == "http://127.0.0.1:8080/ProfitRestServices"
    assert environment.base_url == "http://127.0.0.1:8080/ProfitRestServices"
    assert environment.derived_url == "https://12345.resttest.afas.online/ProfitRestServices"
    assert Environment.parse("12345", None, "   ").base_url_override is None
    with pytest.raises(EnvironmentInputError):
        Environment.parse("12345", None, "http://example.com")


@pytest.mark.parametrize(
    ("kind", "account"),
    [(PRODUCTION, "12345-production"), (TEST, "12345-test"), (ACCEPT, "12345-accept")],
)
def test_keyring_account(kind: EnvironmentKind, account: str) -> None:
    assert Environment("12345", kind).keyring_account == account
    assert Environment.parse(f"{kind.letter}12345AA").keyring_account == account


def test_environment_defaults_and_validation() -> None:
    assert Environment("12345").kind is PRODUCTION
    assert Environment("12345").keyring_account == "12345-production"
    for bad in ("O12345AA", "1234", "", "12345 "):
        with pytest.raises(EnvironmentInputError):
            Environment(bad)
    with pytest.raises(EnvironmentInputError):
        Environment("12345", PRODUCTION, "ftp://example.com")
    assert Environment("12345", PRODUCTION, "https://x.example/").base_url == "https://x.example"


def test_environment_is_frozen_and_comparable() -> None:
    environment = Environment.parse("T12345AA")
    assert environment == Environment("12345", TEST)
    with pytest.raises(AttributeError):
        environment.uid = "54321"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://12345.rest.afas.online/ProfitRestServices",
            "https://12345.rest.afas.online/ProfitRestServices",
        ),
        (
            "  https://12345.rest.afas.online/ProfitRestServices/  ",
            "https://12345.rest.afas.online/ProfitRestServices",
        ),
        ("https://example.com//", "https://example.com"),
        ("https://example.com:8443/x", "https://example.com:8443/x"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
        ("http://127.0.0.1:8080/ProfitRestServices/", "http://127.0.0.1:8080/ProfitRestServices"),
        ("http://127.1.2.3:9000", "http://127.1.2.3:9000"),
        ("http://localhost", "http://localhost"),
        ("http://localhost:8000/", "http://localhost:8000"),
        ("http://LOCALHOST:8000", "http://LOCALHOST:8000"),
        ("http://[::1]:9", "http://[::1]:9"),
        ("http://[::1]", "http://[::1]"),
        ("https://[2001:db8::1]:443", "https://[2001:db8::1]:443"),
        ("HTTPS://Example.com", "HTTPS://Example.com"),
    ],
)
def test_validate_base_url_accepts(url: str, expected: str) -> None:
    assert validate_base_url(url) == expected


@pytest.mark.parametrize("url", BAD_BASE_URLS)
def test_validate_base_url_rejects(url: str) -> None:
    with pytest.raises(EnvironmentInputError) as info:
        validate_base_url(url)
    assert info.value.code is Code.INPUT_INVALID
    assert info.value.__cause__ is None


def test_validate_base_url_http_message() -> None:
    with pytest.raises(EnvironmentInputError) as info:
        validate_base_url("http://example.com")
    message = str(info.value)
    assert "Plain http:// is only allowed for the local simulator on 127.0.0.1" in message
    assert "use https://" in message


def test_validate_base_url_never_echoes_credentials() -> None:
    with pytest.raises(EnvironmentInputError) as info:
        validate_base_url("https://user:hunter2secret@example.com")
    assert "hunter2secret" not in str(info.value)
    assert "user name or password" in str(info.value)


def test_a_token_pasted_as_the_uid_is_not_repeated_in_the_message() -> None:
    data = "1CF32FE36C9BDC0E424271BB7E2CA28C7A35F8BDF3B143F41B9343993C4ED1C0"
    for text in (data, f"<token><version>1</version><data>{data}</data></token>"):
        with pytest.raises(EnvironmentInputError) as caught:
            Environment.parse(text)
        assert data[:12] not in caught.value.message
        assert "look like a token" in caught.value.message
