"""JSON nested 1,000 levels deep (2 KB) in rows, an error body, metainfo or a profile file: a
finding or a clear message, never a crash (exit 70), and one bad profile hides no good one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from payt_onboarding.afas.client import AfasClient
from payt_onboarding.afas.environment import Environment
from payt_onboarding.afas.errors import UnexpectedResponse
from payt_onboarding.afas.reading import MAX_DEPTH as READING_MAX_DEPTH
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.app.check import check_environment
from payt_onboarding.checks.session import CheckOptions
from payt_onboarding.profile.codec import MAX_DEPTH
from payt_onboarding.profile.model import Profile
from payt_onboarding.profile.store import CONFIG_DIR_ENV, ProfileStore
from payt_onboarding.requirements.load import load_requirements
from payt_onboarding.simulator.config import DEMO_TOKEN_DATA, DEMO_UID
from payt_onboarding.simulator.scenarios import SALES_ENTRIES
from tests.support.afas import FAST_RETRY, Start, run
from tests.support.hostile import DEEP, HostileServer
from tests.support.texts import said, says

CLI = [sys.executable, "-m", "payt_onboarding.cli"]


@pytest.mark.parametrize(("attack", "match", "code"), [
    ("deep_rows", "/connectors/", "connection.unexpected_response"),
    ("deep_error", "/connectors/", "connection.unexpected_response"),
    ("deep_metainfo", "/metainfo", "connection.unexpected_response"),
])
def test_deep_json_from_the_server_is_a_finding(
    simulator: Start, attack: str, match: str, code: str
) -> None:
    with HostileServer(simulator("healthy"), attack, match=match) as server:
        environment = Environment.parse(DEMO_UID, base_url=server.url)
        report = run(check_environment(environment, AfasToken.from_data(DEMO_TOKEN_DATA),
                                       load_requirements(None), CheckOptions(language="en")))
    assert report.verdict == "not_ready"
    assert code in {f.code for f in report.findings}


def _cli(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PAYT_ONBOARDING_DEBUG"}
    env[CONFIG_DIR_ENV] = str(config)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    return subprocess.run([*CLI, *args], capture_output=True, text=True, env=env, timeout=60,
                          check=False, stdin=subprocess.DEVNULL)


def _deep_profile(path: Path) -> Path:
    path.write_text('{"name": "Diep", "uid": "12345", "mappings": ' + DEEP + "}",
                    encoding="utf-8")
    return path


def test_a_deep_profile_is_refused_at_import_with_a_message(tmp_path: Path) -> None:
    done = _cli(tmp_path / "config", "profiles", "import", str(_deep_profile(tmp_path / "d.json")))
    assert done.returncode == 64, done.stderr
    assert said("profile.detail.too_deep", depth=MAX_DEPTH) in done.stderr
    assert "Traceback" not in done.stderr


def test_a_deep_profile_file_hides_no_good_one(tmp_path: Path) -> None:
    config = tmp_path / "config"
    store = ProfileStore(config / "profiles")
    store.save(Profile(name="Goed", uid=DEMO_UID, environment="production"))
    _deep_profile(config / "profiles" / "diep.json")
    listed = _cli(config, "profiles")
    assert listed.returncode == 0, listed.stderr
    assert "Goed" in listed.stdout
    assert said("profile.detail.too_deep", depth=MAX_DEPTH) in listed.stdout
    assert [s.name for s in store.list() if s.error is None] == ["Goed"]
    # Another name, in other letter case: the lookup lists the folder, bad file and all.
    checked = _cli(config, "check", "--profile", "goed", "--token-stdin")
    assert checked.returncode == 64, checked.stderr  # no token on stdin: a usage error
    assert "Traceback" not in checked.stderr


def test_a_profile_that_could_not_be_read_back_is_refused_at_import(tmp_path: Path) -> None:
    # Compact JSON just under the read limit grows past it when saved with indentation.
    mappings = {f"role{i}": {f"field{j}": "x" * 40 for j in range(20)} for i in range(935)}
    source = tmp_path / "groot.json"
    source.write_text(json.dumps({"name": "Groot", "uid": "12345", "environment": "production",
                                  "mappings": mappings},
                                 separators=(",", ":")), encoding="utf-8")
    assert 900_000 < source.stat().st_size < 1_000_000
    done = _cli(tmp_path / "config", "profiles", "import", str(source))
    assert done.returncode == 64, done.stderr
    assert says(done.stderr, "profile.too_large")
    listed = _cli(tmp_path / "config", "profiles")
    assert "Groot" not in listed.stdout


@pytest.mark.parametrize("attack", ["rows_nested_100", "rows_nested_5000"])
def test_deep_rows_are_the_too_deep_answer_through_the_client(simulator: Start,
                                                              attack: str) -> None:
    # 100 levels: orjson reads them and parse_json's own depth check refuses them. 5,000: over
    # orjson's 1,024, it refuses them itself, and that must still say "too deep", not "no JSON".
    async def read() -> None:
        with HostileServer(simulator("healthy"), attack) as server:
            environment = Environment.parse(DEMO_UID, base_url=server.url)
            async with AfasClient(environment, AfasToken.from_data(DEMO_TOKEN_DATA),
                                  retry=FAST_RETRY) as client:
                await client.rows(SALES_ENTRIES, take=1, order_by=["invoice_number"])

    with pytest.raises(UnexpectedResponse) as caught:
        run(read())
    assert caught.value.reason == f"JSON nested over {READING_MAX_DEPTH} levels"
    assert "nested more than 64 levels deep" in str(caught.value)
    assert "Expected JSON" not in str(caught.value)
