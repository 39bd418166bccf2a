"""The OAuth client in a profile: id, method, key file and kid, a keyring reference for the
secret; never the secret or the key. Profiles saved before it load unchanged."""

from __future__ import annotations

import json
from typing import Any

import pytest

from payt_onboarding.profile.model import (
    OAUTH_KEYRING_SERVICE,
    OAuthRef,
    Profile,
    ProfileError,
    SecretRef,
    migrate,
)
from payt_onboarding.profile.store import ProfileStore
from payt_onboarding.simulator.oauth import demo_private_key_pem
from tests.support.profiles import make_profile

# A profile file as the version before OAuth wrote it (schema 1, no auth, no oauth).
BEFORE_OAUTH: dict[str, Any] = {
    "schema_version": 1, "name": "Klant", "uid": "12345", "environment": "test",
    "base_url": None, "connectors": {}, "mappings": {},
    "token": {"service": "payt-onboarding", "account": "12345-test"}, "validation": None,
}


def oauth(**changes: Any) -> OAuthRef:
    fields: dict[str, Any] = {"client_id": "payt-client", "client_auth": "basic",
                              "stored": SecretRef(account="12345-test:payt-client")}
    return OAuthRef(**{**fields, **changes})


def test_a_profile_from_before_oauth_loads_unchanged(tmp_path: Any) -> None:
    assert migrate(dict(BEFORE_OAUTH)) == BEFORE_OAUTH
    profile = Profile.model_validate(BEFORE_OAUTH)
    assert (profile.auth, profile.oauth) == ("classic_token", None)
    assert profile.token is not None and profile.token.account == "12345-test"
    store = ProfileStore(tmp_path)
    path = store.path_for("Klant")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(BEFORE_OAUTH), "utf-8")
    assert store.load("Klant") == profile


def test_the_oauth_client_round_trips() -> None:
    profile = make_profile(auth="oauth_client_secret", oauth=oauth())
    again = Profile.model_validate_json(profile.model_dump_json())
    assert again == profile
    assert again.oauth is not None and again.oauth.stored is not None
    assert again.oauth.stored.service == OAUTH_KEYRING_SERVICE


@pytest.mark.parametrize("changes", [
    {"kid": "<token><data>" + "A" * 64 + "</data></token>"},
    {"pem_file": demo_private_key_pem()},
    {"client_id": "with space"},
])
def test_no_secret_or_key_in_the_oauth_block(changes: dict[str, Any]) -> None:
    with pytest.raises((ProfileError, ValueError)):
        make_profile(oauth=oauth(**changes))


def test_an_unknown_secret_key_in_the_oauth_block_is_refused() -> None:
    raw = {**BEFORE_OAUTH, "oauth": {"client_id": "payt-client", "client_secret": "x"}}
    with pytest.raises(ProfileError):
        Profile.model_validate(raw)


def test_export_and_import_leave_the_secrets_keyring_entry_behind(tmp_path: Any) -> None:
    store = ProfileStore(tmp_path / "here")
    store.save(make_profile(auth="oauth_client_secret", oauth=oauth(kid="k1")))
    exported = json.loads(store.export(make_profile().name, tmp_path / "out.json").read_text())
    assert "token" not in exported
    assert exported["oauth"] == {"client_id": "payt-client", "client_auth": "basic",
                                 "pem_file": None, "kid": "k1"}
    colleague = ProfileStore(tmp_path / "there")
    imported = colleague.import_file(tmp_path / "out.json")
    assert imported.oauth is not None and imported.oauth.stored is None
    assert (imported.auth, imported.oauth.client_id) == ("oauth_client_secret", "payt-client")
