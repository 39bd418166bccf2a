"""Many simulated environments on one server (simulator.fleet) for `check --all-profiles`, and
running the command line in a process of its own against them.

Every fleet environment has its own token and OAuth client secret: they are registered with
the leak guard here, the replaced tokens (fleet.drift) too.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from payt_onboarding.profile.store import CONFIG_DIR_ENV
from payt_onboarding.simulator.fleet import FleetEnvironment, build_fleet
from payt_onboarding.simulator.server import SimulatorServer
from tests.support.leaks import leaked, register_client_secret, register_secret

PROGRAM = [sys.executable, "-m", "payt_onboarding.cli"]
FAIL_KEYRING = "keyring.backends.fail.Keyring"
EXIT = {"ready": 0, "ready_with_warnings": 1, "not_ready": 2}
EXIT_USAGE = 64
# Timing findings: on a loaded test machine with 20 checks at once a first page can take over
# a second of our own CPU time. They say nothing about the environment, so the row checks
# leave them out (and the verdict they alone would lower).
TIMING_CODES = frozenset({"connector.slow"})


def start_fleet(count: int, **kwargs: Any) -> tuple[SimulatorServer, list[FleetEnvironment]]:
    fleet = build_fleet(count, **kwargs)
    for env in fleet:
        register_secret(env.token_data)
        # The token fleet.drift puts in its place: the same derivation.
        register_secret(hashlib.sha256(env.token_data.encode()).hexdigest().upper())
        register_client_secret(env.client_secret)
    server = SimulatorServer(fleet[0].config, environments={e.uid: e.config for e in fleet})
    return server.start(), fleet


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def run_cli(config: Path, *args: str, cwd: Path, stdin: str | None = None,
            keyring: str | None = FAIL_KEYRING, timeout: float = 300) -> Run:
    """`payt-onboarding ARGS` with its own config directory; keyring's fail backend unless
    `keyring` is None (the Secret Service of tests/keyring_session.sh)."""
    assert not leaked(" ".join(args)), "a test put a secret in argv"
    environ = {k: v for k, v in os.environ.items()
               if k not in ("PAYT_AFAS_TOKEN", "PYTHON_KEYRING_BACKEND", "PAYT_ONBOARDING_DEBUG",
                            "PAYT_AFAS_CLIENT_SECRET")}
    environ[CONFIG_DIR_ENV] = str(config)
    if keyring:
        environ["PYTHON_KEYRING_BACKEND"] = keyring
    stdio: dict[str, Any] = ({"input": stdin} if stdin is not None
                             else {"stdin": subprocess.DEVNULL})
    done = subprocess.run([*PROGRAM, *args], capture_output=True, text=True, env=environ,
                          cwd=cwd, timeout=timeout, check=False, **stdio)
    run = Run(done.returncode, done.stdout, done.stderr)
    assert not leaked(run.out + run.err), "a secret is in the output"
    assert "Traceback" not in run.out + run.err, run.err
    return run


def summary_rows(path: Path) -> dict[str, dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["kind"] == "payt-onboarding/batch-summary"
    return {row["profile"]: row for row in data["rows"]}


def report_of(summary: Path, row: dict[str, Any]) -> dict[str, Any]:
    """A checked row's own JSON report, beside the HTML the summary links to."""
    html = summary.parent / row["report"]
    assert html.is_file(), row
    report: dict[str, Any] = json.loads(html.with_suffix(".json").read_text(encoding="utf-8"))
    return report


def lasting_verdict(report: dict[str, Any]) -> str:
    """The verdict of the findings that are not about timing."""
    severities = {f["severity"] for f in report["findings"] if f["code"] not in TIMING_CODES}
    return ("not_ready" if "error" in severities else
            "ready_with_warnings" if "warning" in severities else "ready")


def lasting_codes(report: dict[str, Any]) -> set[str]:
    return {f["code"] for f in report["findings"]} - TIMING_CODES


def lasting_changes(report: dict[str, Any]) -> list[tuple[str, str | None]]:
    """(kind, field or finding code) of each change that is not about timing."""
    since = report["since_last_validation"]
    assert since is not None, "a re-check of a validated profile compares with it"
    return sorted((c["kind"], c["field"] or c["after"] or c["before"]) for c in since["changes"]
                  if not ({c["after"], c["before"]} & TIMING_CODES))
