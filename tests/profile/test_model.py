"""The profile model: validation, round trips, the secret guard and schema migration."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from pydantic import ValidationError

from payt_onboarding.afas.token import AfasToken
from payt_onboarding.messages import render
from payt_onboarding.profile.model import (
    KEYRING_SERVICE,
    PROFILE_SCHEMA_VERSION,
    Profile,
    ProfileError,
    TokenRef,
    Validation,
    migrate,
)
from tests.support.profiles import make_profile, new_token, validation


def test_schema_version_is_1() -> None:
    assert PROFILE_SCHEMA_VERSION == 1
    assert make_profile().schema_version == 1


def test_json_round_trip_is_lossless() -> None:
    profile = make_profile(base_url="http://127.0.0.1:8765/ProfitRestServices", extra_note="hi",
                           future={"nested": [1, 2, {"x": None}]})
    again = Profile.model_validate_json(profile.model_dump_json())
    assert again == profile
    assert again.model_dump() == profile.model_dump()
    assert again.extra_keys == {"extra_note": "hi", "future": {"nested": [1, 2, {"x": None}]}}


def test_defaults() -> None:
    profile = Profile(name="acme", uid="12345", environment="production")
    assert (profile.base_url, profile.connectors, profile.mappings) == (None, {}, {})
    assert profile.token is None and profile.validation is None
    assert TokenRef(account="12345-production").service == KEYRING_SERVICE == "payt-onboarding"


def test_the_name_is_stripped_and_normalised() -> None:
    assert make_profile("  Acme  ").name == "Acme"
    assert make_profile("Mu\u0308ller").name == "M\u00fcller"  # NFC


@pytest.mark.parametrize("name", ["", "   ", "x" * 81, "bad\nname", "tab\there", "zero\u200bwidth"])
def test_bad_names_are_refused(name: str) -> None:
    with pytest.raises(ValidationError):
        make_profile(name)


@pytest.mark.parametrize("changes", [
    {"uid": "1234"}, {"uid": "O12345AA"}, {"environment": "productie"},
    {"base_url": "http://example.com/ProfitRestServices"}, {"connectors": {"x": 1}},
    {"schema_version": 2}, {"schema_version": 0},
])
def test_bad_fields_are_refused(changes: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        make_profile(**changes)


def test_a_blank_base_url_means_derived() -> None:
    assert make_profile(base_url="  ").base_url is None
    assert make_profile(base_url="https://x.example/P/").base_url == "https://x.example/P"


@pytest.mark.parametrize("changes", [
    {"checked_at": "yesterday"}, {"verdict": "fine"}, {"report_sha256": "AB" * 32},
    {"report_sha256": "ab"}, {"tool_version": ""},
])
def test_bad_validation_is_refused(changes: dict[str, object]) -> None:
    data = validation().model_dump() | changes
    with pytest.raises(ValidationError):
        Validation.model_validate(data)


def test_the_model_is_frozen_and_copies_by_update() -> None:
    profile = make_profile()
    with pytest.raises(ValidationError):
        profile.uid = "54321"
    assert profile.model_copy(update={"uid": "54321"}).uid == "54321"


# --- never a token ----------------------------------------------------------------------------

def test_an_afas_token_is_refused_anywhere() -> None:
    token = new_token()
    for changes in ({"token": token}, {"stash": token}, {"stash": {"deep": [token]}}):
        with pytest.raises((ProfileError, ValidationError)) as caught:
            make_profile(**changes)
        assert token.reveal_data() not in str(caught.value)


def _forms(token: AfasToken) -> list[str]:
    header = token.authorization_header()
    return [token.xml(), header, f"  {token.xml()}  ", token.reveal_data(),
            header.split(" ", 1)[1]]  # every form AfasToken.parse reads


def test_token_text_is_refused_in_any_value_and_any_key() -> None:
    token = new_token()
    for text in _forms(token):
        for changes in ({"notes": text}, {"mappings": {"r": {"f": text}}},
                        {"connectors": {"r": text}}, {"notes": {text: 1}},
                        {"mappings": {"sales_entries": {text: "x"}}}, {text: "x"}):
            with pytest.raises(ProfileError) as caught:
                make_profile(**changes)
            message = str(caught.value)
            assert not any(form.strip() in message for form in _forms(token)), message
            assert "keyring" in message
            dutch = caught.value.text("nl")  # as the command line shows it in Dutch
            assert not any(form.strip() in dutch for form in _forms(token)), dutch
            assert dutch.endswith(render("profile.refused", "nl", problem="").strip())


def test_the_report_hash_is_not_mistaken_for_a_token() -> None:
    assert make_profile(validation=validation()).validation is not None


@pytest.mark.parametrize("key", [
    "token_data", "data", "password", "client_secret", "apiToken", "Wachtwoord", "api_key",
    "credentials", "xml",
])
def test_unknown_keys_named_like_secrets_are_refused(key: str) -> None:
    with pytest.raises(ProfileError, match="suggests a secret"):
        make_profile(**{key: "x"})
    with pytest.raises(ProfileError, match="suggests a secret"):
        make_profile(settings={"inner": {key: "x"}})
    with pytest.raises(ProfileError, match="suggests a secret"):
        TokenRef(account="12345-test", **{key: "x"})


def test_ordinary_unknown_keys_are_kept() -> None:
    profile = make_profile(notes="call Jan", colour="blue", history=[{"at": "2025"}])
    assert profile.extra_keys == {"notes": "call Jan", "colour": "blue",
                                  "history": [{"at": "2025"}]}


def test_a_token_ref_holds_no_secret() -> None:
    ref = TokenRef(account="12345-test")
    # The address it is bound to says where the token goes; it is no secret.
    assert set(ref.model_dump()) == {"service", "account", "address"}


def test_validation_errors_hide_the_input() -> None:
    token = new_token()
    with pytest.raises((ProfileError, ValidationError)) as caught:
        make_profile(uid=token.reveal_data())
    assert token.reveal_data() not in str(caught.value)


# --- migration -----------------------------------------------------------------------------

V0 = {"name": "Oud", "uid": "12345", "env": "productie", "keyring_account": "12345-production",
      "connectors": {"sales_entries": "Payt_sales_entries_v12"}, "legacy_note": "kept"}


def test_version_0_is_migrated() -> None:
    original = copy.deepcopy(V0)
    migrated = migrate(V0)
    assert original == V0  # the input is not changed
    assert migrated["schema_version"] == 1
    assert migrated["environment"] == "production" and "env" not in migrated
    assert migrated["token"] == {"service": "payt-onboarding", "account": "12345-production"}
    profile = Profile.model_validate(migrated)
    assert profile.extra_keys == {"legacy_note": "kept"}
    assert profile.token == TokenRef(account="12345-production")


def test_version_1_passes_unchanged() -> None:
    raw = json.loads(make_profile(extra="x").model_dump_json())
    assert migrate(raw) == raw
    assert migrate(raw) is not raw


@pytest.mark.parametrize("version", [2, 99])
def test_a_newer_version_is_refused_with_advice(version: int) -> None:
    with pytest.raises(ProfileError) as caught:
        migrate({"schema_version": version, "name": "x"})
    message = str(caught.value)
    assert f"schema {version}" in message
    assert "newer payt-onboarding" in message and "untouched" in message
    assert "Update the program" in message


@pytest.mark.parametrize("bad", ["1", 1.0, True, -1, None])
def test_a_bad_schema_version_is_refused(bad: object) -> None:
    with pytest.raises(ProfileError, match="schema_version"):
        migrate({"schema_version": bad, "name": "x"})


def test_migrate_needs_an_object() -> None:
    with pytest.raises(ProfileError, match="JSON object"):
        migrate([1, 2])  # type: ignore[arg-type]
