"""A stored token goes only to the address it was saved for: a profile from someone else with
the same UID and a foreign base URL gets nothing from the keyring without an explicit flag, and
`profiles import` says where such a profile points."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from payt_onboarding.afas.environment import Environment
from payt_onboarding.cli.main import main
from payt_onboarding.profile.secrets import TokenVault
from payt_onboarding.profile.store import CONFIG_DIR_ENV, ProfileStore
from payt_onboarding.simulator.config import DEMO_TOKEN_DATA, DEMO_UID
from payt_onboarding.simulator.server import SimulatorServer
from tests.support.afas import Start
from tests.support.leaks import leaked
from tests.support.profiles import MemoryKeyring
from tests.support.texts import pieces, said, says

AFAS = Environment.parse(DEMO_UID)  # AFAS's own address for 12345 production
TOKEN_DATA = DEMO_TOKEN_DATA  # the demo token, so the foreign "host" (a simulator) accepts it


@pytest.fixture
def stored(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[MemoryKeyring]:
    """A keyring holding the token saved for AFAS's own address of 12345 production."""
    from payt_onboarding.afas.token import AfasToken

    monkeypatch.setenv(CONFIG_DIR_ENV, str(tmp_path / "config"))
    monkeypatch.delenv("PAYT_AFAS_TOKEN", raising=False)
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    TokenVault().save(AFAS.keyring_account, AfasToken.from_data(TOKEN_DATA))
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


def _foreign_profile(path: Path, server: SimulatorServer) -> Path:
    path.write_text(json.dumps({
        "schema_version": 1, "name": "Van een collega", "uid": DEMO_UID,
        "environment": "production", "base_url": server.url,
        "token": {"service": "payt-onboarding", "account": AFAS.keyring_account},
    }), encoding="utf-8")
    return path


def test_an_imported_profile_never_sends_the_stored_token_elsewhere(
    stored: MemoryKeyring, simulator: Start, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    foreign = simulator("healthy")  # stands in for someone else's host
    assert main(["profiles", "import", str(_foreign_profile(tmp_path / "p.json", foreign))]) == 0
    imported = capsys.readouterr()
    assert says(imported.err, "cli.profile.unusual_address") and foreign.url in imported.err

    # The keyring holds a token for AFAS's address of 12345, none for this one; trusting the
    # address does not make AFAS's token its own.
    for trust in ([], ["--trust-base-url"]):
        assert main(["check", "--profile", "Van een collega", "--format", "json", *trust]) == 64
        refused = capsys.readouterr()
        no_token = pieces("keyring.holds_no")[1] + " " + said("keyring.word.token")
        assert no_token in refused.err and "Traceback" not in refused.err
        assert foreign.requests == [], "the foreign host was contacted"


def test_a_profile_file_naming_afas_account_gets_nothing_for_another_address(
    stored: MemoryKeyring, simulator: Start, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Placed in the profiles folder by hand, token reference and all (no import to drop it).
    foreign = simulator("healthy")
    folder = tmp_path / "config" / "profiles"
    folder.mkdir(parents=True)
    _foreign_profile(folder / "van-een-collega.json", foreign)
    assert main(["check", "--profile", "Van een collega", "--trust-base-url"]) == 64
    assert foreign.requests == []
    assert not leaked(capsys.readouterr().err)


def test_a_token_saved_for_the_simulator_is_bound_to_it(
    stored: MemoryKeyring, simulator: Start, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    server = simulator("healthy")
    monkeypatch.setenv("PAYT_AFAS_TOKEN", TOKEN_DATA)
    # Ready with warnings: a classic token is being phased out by AFAS.
    assert main(["check", "--uid", DEMO_UID, "--base-url", server.url, "--save-profile", "Sim",
                 "--format", "json"]) == 1
    monkeypatch.delenv("PAYT_AFAS_TOKEN")
    bound = Environment.parse(DEMO_UID, base_url=server.url).keyring_account
    assert bound.endswith("@" + server.url)
    assert ("payt-onboarding", bound) in stored.entries
    saved = json.loads(ProfileStore().path_for("Sim").read_text("utf-8"))
    assert saved["token"] == {"service": "payt-onboarding", "account": bound,
                              "address": server.url}
    capsys.readouterr()
    assert main(["check", "--profile", "Sim", "--format", "json"]) == 64  # not without the flag
    assert main(["check", "--profile", "Sim", "--format", "json", "--trust-base-url"]) == 1
    assert not leaked(capsys.readouterr().err)


def test_a_stored_client_secret_is_bound_to_its_address_too(
    stored: MemoryKeyring, simulator: Start, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The OAuth client secret saved for AFAS's address of 12345; a profile placed by hand
    # names that keyring entry but points at another host.
    from payt_onboarding.simulator.oauth import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET

    afas_account = f"{AFAS.keyring_account}:{DEMO_CLIENT_ID}"
    stored.set_password("payt-onboarding-oauth", afas_account, DEMO_CLIENT_SECRET)
    foreign = simulator("healthy")
    folder = tmp_path / "config" / "profiles"
    folder.mkdir(parents=True)
    (folder / "oauth-collega.json").write_text(json.dumps({
        "schema_version": 1, "name": "OAuth collega", "uid": DEMO_UID,
        "environment": "production", "base_url": foreign.url, "auth": "oauth_client_secret",
        "oauth": {"client_id": DEMO_CLIENT_ID,
                  "stored": {"service": "payt-onboarding-oauth", "account": afas_account}},
    }), encoding="utf-8")
    for trust in ([], ["--trust-base-url"]):
        assert main(["check", "--profile", "OAuth collega", "--format", "json", *trust]) == 64
        no_secret = pieces("keyring.holds_no")[1] + " " + said("keyring.word.client_secret")
        assert no_secret in capsys.readouterr().err
        assert foreign.requests == [], "the foreign host was contacted"
