"""`check` with an OAuth client: --client-id with the secret from standard input or
$PAYT_AFAS_CLIENT_SECRET, or --private-key; never a secret in argv, output or files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from payt_onboarding.messages import MessageId
from payt_onboarding.simulator.config import DEMO_TOKEN_DATA, DEMO_UID
from payt_onboarding.simulator.oauth import (
    DEMO_CLIENT_ID,
    DEMO_CLIENT_SECRET,
    DEMO_KEY_ID,
    demo_private_key_pem,
)
from payt_onboarding.simulator.server import SimulatorServer
from tests.support.leaks import leaked
from tests.support.scenarios import EXPECTED
from tests.support.texts import pieces, said

CHECK = [sys.executable, "-m", "payt_onboarding.cli", "check", "--uid", DEMO_UID]
EXIT = {"ready": 0, "ready_with_warnings": 1, "not_ready": 2}
SECRET_ENV = "PAYT_AFAS_CLIENT_SECRET"
FAIL_KEYRING = "keyring.backends.fail.Keyring"
PROFILE = "Klant OAuth"


def told(message_id: MessageId, /, **values: object) -> str:
    """A text as `check` prints it here: in English (--language en)."""
    return said(message_id, "en", **values)


@pytest.fixture(scope="module")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo key, outside the tmp_path whose files the leak scan reads."""
    path = tmp_path_factory.mktemp("key") / "payt.pem"
    path.write_text(demo_private_key_pem(), encoding="ascii")
    return path


def check(server: SimulatorServer | None, *args: str, stdin: str | None = None,
          env: dict[str, str] | None = None, keyring: str | None = FAIL_KEYRING,
          ) -> tuple[int, dict[str, Any], str]:
    assert not leaked(" ".join(args)), "a secret in argv"
    environ = {k: v for k, v in os.environ.items()
               if k not in ("PAYT_AFAS_TOKEN", SECRET_ENV, "PAYT_ONBOARDING_DEBUG",
                            "PYTHON_KEYRING_BACKEND")}
    if keyring:
        environ["PYTHON_KEYRING_BACKEND"] = keyring
    environ.update(env or {})
    where = ["--base-url", server.url] if server else []
    stdio: dict[str, Any] = {"input": stdin} if stdin is not None else {
        "stdin": subprocess.DEVNULL}
    done = subprocess.run([*CHECK, *where, "--format", "json",
                           "--language", "en", *args], capture_output=True, text=True, env=environ,
                          timeout=90, check=False, **stdio)
    assert not leaked(done.stdout) and not leaked(done.stderr), "a secret in the output"
    assert "Traceback" not in done.stderr, done.stderr
    report = json.loads(done.stdout) if done.stdout.strip() else {}
    return done.returncode, report, done.stderr


def codes(report: dict[str, Any], severity: str) -> set[str]:
    return {f["code"] for f in report["findings"] if f["severity"] == severity}


@pytest.mark.parametrize("scenario", ["oauth_healthy", "oauth_secret_expired",
                                      "oauth_short_lived", "hybrid"])
def test_a_secret_from_stdin(sim: Any, scenario: str) -> None:
    code, report, _ = check(sim(scenario), "--client-id", DEMO_CLIENT_ID,
                            "--client-secret-stdin", stdin=DEMO_CLIENT_SECRET + "\n")
    verdict, errors, warnings = EXPECTED[scenario]
    assert (report["verdict"], codes(report, "error"), codes(report, "warning")) == (
        verdict, errors, warnings)
    assert code == EXIT[verdict]
    assert report["target"]["auth"] == "oauth_client_secret"


def test_a_secret_from_the_environment_with_basic(sim: Any) -> None:
    code, report, _ = check(sim("oauth_healthy"), "--client-id", DEMO_CLIENT_ID,
                            "--client-auth", "basic", env={SECRET_ENV: DEMO_CLIENT_SECRET})
    assert code == 0
    assert (report["target"]["client_auth"], report["target"]["access_token_lifetime"]) == (
        "basic", 3600)


@pytest.mark.parametrize("scenario", ["oauth_healthy", "oauth_wrong_key"])
def test_a_private_key(sim: Any, key_file: Path, scenario: str) -> None:
    code, report, _ = check(sim(scenario), "--client-id", DEMO_CLIENT_ID, "--private-key",
                            str(key_file), "--key-id", DEMO_KEY_ID)
    verdict, errors, _ = EXPECTED[scenario]
    assert (code, report["verdict"], codes(report, "error")) == (EXIT[verdict], verdict, errors)
    assert report["target"]["auth"] == "oauth_private_key_jwt"
    if errors:
        hint = next(f["hint"] for f in report["findings"] if f["code"] == "oauth.client_rejected")
        assert "certificate" in hint and "kid" in hint


def test_a_classic_token_on_an_oauth_app_connector(sim: Any) -> None:
    code, report, _ = check(sim("oauth_only_classic_refused"), "--token-stdin",
                            stdin=DEMO_TOKEN_DATA)
    assert (code, codes(report, "error")) == (2, {"token.classic_refused"})
    assert report["target"]["auth"] == "classic_token"


@pytest.mark.parametrize("scenario,accepted,warnings", [
    ("hybrid", True, {"token.classic_phase_out"}), ("oauth_healthy", False, set())])
def test_a_token_beside_the_client_tests_both(sim: Any, scenario: str, accepted: bool,
                                              warnings: set[str]) -> None:
    code, report, _ = check(sim(scenario), "--client-id", DEMO_CLIENT_ID,
                            "--client-secret-stdin", stdin=DEMO_CLIENT_SECRET,
                            env={"PAYT_AFAS_TOKEN": DEMO_TOKEN_DATA})
    assert report["target"]["auth"] == "oauth_client_secret"
    assert report["target"]["classic_token_accepted"] is accepted
    assert codes(report, "warning") == warnings
    assert codes(report, "error") == (set() if accepted else {"token.classic_refused"})
    assert code == (1 if accepted else 2)


@pytest.mark.parametrize("args,stdin,says", [
    (["--client-id", DEMO_CLIENT_ID], None, told("cli.check.no_secret", client_id=DEMO_CLIENT_ID,
                                                 secret_env=SECRET_ENV)),
    (["--client-secret-stdin"], "x", told("cli.check.oauth_without_client_id")),
    (["--client-id", DEMO_CLIENT_ID, "--client-secret-stdin", "--token-stdin"], "x",
     told("cli.check.one_secret_on_stdin", token_env="PAYT_AFAS_TOKEN")),
    (["--client-id", DEMO_CLIENT_ID, "--client-secret-stdin"], "  \n",
     told("cli.check.secret_unusable", where=told("cli.word.stdin"),
          reason=told("input.secret.empty"))),
    (["--client-id", DEMO_CLIENT_ID, "--private-key", "missing.pem"], None, "missing.pem"),
    (["--client-id", DEMO_CLIENT_ID, "--client-auth", "private_key_jwt"], None,
     told("cli.check.jwt_without_key")),
])
def test_usage_errors_say_what_to_do(sim: Any, args: list[str], stdin: str | None,
                                     says: str) -> None:
    code, report, err = check(sim("oauth_healthy"), *args, stdin=stdin)
    assert (code, report) == (64, {}) and says in err, err


def saved_profile() -> dict[str, Any]:
    from payt_onboarding.profile.store import ProfileStore

    profile = ProfileStore().load(PROFILE)
    return profile.model_dump(mode="json")


def test_a_profile_keeps_the_client_and_the_key_file_not_the_key(
        sim: Any, key_file: Path) -> None:
    server = sim("oauth_healthy")
    code, _, err = check(server, "--client-id", DEMO_CLIENT_ID, "--private-key",
                             str(key_file), "--key-id", DEMO_KEY_ID, "--save-profile", PROFILE)
    assert code == 0 and told("cli.saved.key_file", path=key_file) in err, err
    profile = saved_profile()
    assert profile["auth"] == "oauth_private_key_jwt"
    assert profile["oauth"] == {"client_id": DEMO_CLIENT_ID, "client_auth": "auto",
                                "pem_file": str(key_file), "kid": DEMO_KEY_ID, "stored": None}
    again_code, again, _ = check(None, "--profile", PROFILE)
    assert (again_code, again["target"]["auth"]) == (0, "oauth_private_key_jwt")
    assert again["target"]["base_url"] == server.url


def test_a_profile_without_a_keyring_asks_for_the_secret_again(sim: Any) -> None:
    code, _, err = check(sim("oauth_healthy"), "--client-id", DEMO_CLIENT_ID,
                         "--client-secret-stdin", "--save-profile", PROFILE,
                         stdin=DEMO_CLIENT_SECRET)
    assert code == 0 and told("cli.saved.not_stored", what=told("cli.word.client_secret"),
                              problem="") in err, err
    assert saved_profile()["oauth"]["stored"] is None
    refused, _, err = check(None, "--profile", PROFILE)
    no_secret = pieces("cli.check.no_saved_secret", "en")[0] + " payt-demo-client"
    assert refused == 64 and no_secret in err, err
    again, report, _ = check(None, "--profile", PROFILE, env={SECRET_ENV: DEMO_CLIENT_SECRET})
    assert (again, report["target"]["auth"]) == (0, "oauth_client_secret")


def _keyring_entries(account: str, delete: bool = False) -> list[str]:
    import secretstorage

    from payt_onboarding.profile.model import OAUTH_KEYRING_SERVICE

    with closing(secretstorage.dbus_init()) as connection:
        collection = secretstorage.get_default_collection(connection)
        items = list(collection.search_items({"service": OAUTH_KEYRING_SERVICE,
                                              "username": account}))
        if delete:
            for item in items:
                item.delete()
            return []
        return [item.get_secret().decode() for item in items]


@pytest.mark.secret_service
def test_a_profile_rechecked_with_the_secret_from_the_secret_service(
        secret_service: None, sim: Any) -> None:
    from payt_onboarding.afas.environment import Environment

    server = sim("oauth_healthy")
    # Bound to the simulator's address, like the token's entry.
    account = f"{Environment.parse(DEMO_UID, base_url=server.url).keyring_account}:" \
        f"{DEMO_CLIENT_ID}"
    _keyring_entries(account, delete=True)
    try:
        code, first, err = check(server, "--client-id", DEMO_CLIENT_ID,
                                 "--client-secret-stdin", "--save-profile", PROFILE,
                                 stdin=DEMO_CLIENT_SECRET, keyring=None)
        assert code == 0 and told("cli.saved.in_store", what=told("cli.word.client_secret"),
                                  store="Secret Service") in err, err
        assert _keyring_entries(account) == [DEMO_CLIENT_SECRET]
        assert saved_profile()["oauth"]["stored"]["account"] == account
        # The simulator is not AFAS's own address: the stored secret goes there on request.
        again_code, again, err = check(None, "--profile", PROFILE, "--trust-base-url",
                                       keyring=None)
        assert again_code == 0, err
        assert again["target"]["auth"] == first["target"]["auth"] == "oauth_client_secret"
    finally:
        _keyring_entries(account, delete=True)
