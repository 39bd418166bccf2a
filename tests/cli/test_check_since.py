"""`check --profile NAME` says what changed since the profile's last validation: a real process
saves a profile against a live simulator, the simulator changes, a second process checks the
profile again; the section is in the JSON (valid against the schema), text, HTML and PDF."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema

from payt_onboarding.profile.store import CONFIG_DIR_ENV
from payt_onboarding.simulator.config import DEMO_TOKEN_DATA, DEMO_UID
from payt_onboarding.simulator.dataset import INVOICE_LINES, PAYMENT_CONDITIONS
from tests.support.afas import Start
from tests.support.changes import drop_field
from tests.support.leaks import leaked
from tests.support.reports import pdf_text

CHECK = [sys.executable, "-m", "payt_onboarding.cli", "check"]
PROFILE = "Bakkerij de Vries"
SCHEMA = json.loads((Path(__file__).parents[2] / "payt_onboarding" / "resources" /
                     "report.schema.json").read_text(encoding="utf-8"))


def _check(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PAYT_AFAS_TOKEN",)}
    env[CONFIG_DIR_ENV] = str(tmp_path / "config")
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"  # the token: stdin only
    done = subprocess.run([*CHECK, *args, "--token-stdin"], input=DEMO_TOKEN_DATA + "\n",
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=90,
                          check=False)
    assert done.returncode in (0, 1, 2), done.stderr
    assert "Traceback" not in done.stderr and not leaked(done.stdout + done.stderr)
    return done


def _profile_file(tmp_path: Path) -> Path:
    [path] = (tmp_path / "config" / "profiles").glob("*.json")
    return path


def test_check_profile_reports_what_changed_in_every_format(simulator: Start,
                                                            tmp_path: Path) -> None:
    server = simulator("healthy")
    first = _check(tmp_path, "--uid", DEMO_UID, "--base-url", server.url, "--format", "json",
                   "--save-profile", PROFILE)
    assert json.loads(first.stdout)["since_last_validation"] is None  # not a re-check
    saved = json.loads(_profile_file(tmp_path).read_text(encoding="utf-8"))
    assert saved["validation"]["snapshot"]["roles"]
    server.config.app.get_connectors.remove(INVOICE_LINES)
    drop_field(server.config, PAYMENT_CONDITIONS, "payment_condition_description")

    again = _check(tmp_path, "--profile", PROFILE, "--format", "json")
    report: dict[str, Any] = json.loads(again.stdout)
    jsonschema.validate(report, SCHEMA, cls=jsonschema.Draft202012Validator)
    since = report["since_last_validation"]
    assert since["validated_at"] == saved["validation"]["checked_at"]
    assert since["verdict"] == saved["validation"]["verdict"]
    found = {(c["kind"], c["role"], c["field"]) for c in since["changes"]}
    assert {("connector_removed", "invoice_lines", None),
            ("field_removed", "payment_conditions", "payment_condition_description"),
            ("finding_new", "invoice_lines", None)} <= found, found
    messages = [c["message"] for c in since["changes"]]

    text = _check(tmp_path, "--profile", PROFILE, "--format", "text").stdout
    assert "Sinds de laatste validatie (" in text
    assert all(" ".join(m.split()) in " ".join(text.split()) for m in messages)
    _check(tmp_path, "--profile", PROFILE, "--output", "rapport.html", "--language", "en")
    page = (tmp_path / "rapport.html").read_text(encoding="utf-8")
    assert "Since the last validation (" in page
    assert "Sales invoice lines: connector Payt_Verkoopfactuurregels is no longer there." in page
    _check(tmp_path, "--profile", PROFILE, "--output", "rapport.pdf")
    printed = pdf_text(tmp_path / "rapport.pdf")
    assert "Sinds de laatste validatie" in printed
    assert "Verkoopfactuurregels: connector Payt_Verkoopfactuurregels is er niet meer." in printed

    # Checked again and saved: the next re-check compares with this one.
    _check(tmp_path, "--profile", PROFILE, "--save-profile", PROFILE, "--format", "json")
    same = json.loads(_check(tmp_path, "--profile", PROFILE, "--format", "json").stdout)
    assert same["since_last_validation"]["changes"] == []


def test_a_profile_saved_before_snapshots_checks_as_before(simulator: Start,
                                                          tmp_path: Path) -> None:
    server = simulator("healthy")
    _check(tmp_path, "--uid", DEMO_UID, "--base-url", server.url, "--format", "json",
           "--save-profile", PROFILE)
    path = _profile_file(tmp_path)
    raw = json.loads(path.read_text(encoding="utf-8"))
    del raw["validation"]["snapshot"]
    path.write_text(json.dumps(raw, indent=2), encoding="utf-8")
    again = _check(tmp_path, "--profile", PROFILE, "--format", "json")
    assert json.loads(again.stdout)["since_last_validation"] is None
    assert "Sinds de laatste validatie" not in _check(tmp_path, "--profile", PROFILE).stdout
