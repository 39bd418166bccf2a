"""A broken or hostile server cannot exhaust memory or crash the check.

Each attack runs `payt-onboarding check` as a child process with an address-space ceiling set
for it alone (RLIMIT_AS, so its whole process tree is bounded) against a hostile server in front
of the simulator; the check must end with a report holding the finding, within the time limit,
and with peak memory (the child's own rusage) under 512 MB.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from payt_onboarding.simulator.config import DEMO_TOKEN_DATA, DEMO_UID
from payt_onboarding.simulator.scenarios import build_config
from payt_onboarding.simulator.server import SimulatorServer
from tests.support.hostile import HostileServer, gzip_bomb
from tests.support.leaks import leaked

CHECK = [sys.executable, "-m", "payt_onboarding.cli", "check"]
ADDRESS_SPACE = 2 * 1024**3  # the ceiling the child runs under
PEAK_RSS_LIMIT_KB = 512 * 1024
TIME_LIMIT_S = 120

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="RLIMIT_AS and ru_maxrss in KB are Linux's")


@pytest.fixture(scope="module")
def upstream() -> Iterator[SimulatorServer]:
    # Enough sales entries for full pages of 1,000 when every row is read.
    with SimulatorServer(build_config("healthy", entries=3000)) as server:
        yield server


def _ceiling() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def run_check(url: str, tmp_path: Path, *extra: str) -> tuple[int, dict[str, Any], str, int,
                                                                 float]:
    """Exit status, JSON report, stderr, peak RSS (KB) and seconds of one bounded check."""
    env = {k: v for k, v in os.environ.items() if k != "PAYT_ONBOARDING_DEBUG"}
    env.update({"PAYT_AFAS_TOKEN": DEMO_TOKEN_DATA, "PYTHON_KEYRING_BACKEND":
                "keyring.backends.fail.Keyring", "PAYT_ONBOARDING_CONFIG_DIR": str(tmp_path)})
    out, err = tmp_path / "report.json", tmp_path / "stderr.txt"
    started = time.monotonic()
    with err.open("wb") as err_file:
        child = subprocess.Popen(
            [*CHECK, "--uid", DEMO_UID, "--base-url", url, "--format", "json", "--output",
             str(out), "--time-limit", str(TIME_LIMIT_S), *extra],  # a later one wins
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err_file, env=env,
            cwd=tmp_path, preexec_fn=_ceiling)
        _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.monotonic() - started
    stderr = err.read_text("utf-8", "replace")
    report = json.loads(out.read_text("utf-8")) if out.exists() else {}
    return child.returncode, report, stderr, usage.ru_maxrss, seconds


ATTACKS = ["huge_body", "endless_chunked", "ten_million_rows", "more_rows_than_take",
           "gzip_bomb", "huge_message", "ignore_skip", "endless_pages"]


@pytest.mark.parametrize("attack", ATTACKS)
def test_an_attack_ends_in_a_report_with_a_finding(
    attack: str, upstream: SimulatorServer, tmp_path: Path
) -> None:
    if attack == "gzip_bomb":
        gzip_bomb()  # made before the clock starts
    extra = ["--all-rows"] if attack == "ignore_skip" else []
    with HostileServer(upstream, attack) as server:
        code, report, stderr, peak_kb, seconds = run_check(server.url, tmp_path, *extra)
    print(f"{attack}: exit {code}, peak RSS {peak_kb / 1024:.0f} MB, {seconds:.1f} s")
    assert code == 2, stderr
    assert "Traceback" not in stderr and not leaked(stderr)
    codes = {f["code"] for f in report["findings"]}
    assert "connection.response_too_large" in codes, codes
    assert peak_kb < PEAK_RSS_LIMIT_KB
    assert seconds < TIME_LIMIT_S


def test_an_endless_full_scan_ends_at_the_time_limit(
    upstream: SimulatorServer, tmp_path: Path
) -> None:
    # --all-rows streams the big tables page by page and keeps few rows: a server that never
    # stops sending new full pages is bounded by the check's time limit, not by memory.
    with HostileServer(upstream, "endless_pages") as server:
        code, report, stderr, peak_kb, seconds = run_check(
            server.url, tmp_path, "--all-rows", "--time-limit", "15")
    print(f"endless full scan: exit {code}, peak RSS {peak_kb / 1024:.0f} MB, {seconds:.1f} s")
    assert code == 2, stderr
    codes = {f["code"] for f in report["findings"]}
    assert {"check.timed_out", "connection.response_too_large"} <= codes, codes
    assert report["cancelled"] is True
    assert peak_kb < PEAK_RSS_LIMIT_KB
    assert seconds < 15 + 10
