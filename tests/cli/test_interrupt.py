"""Ctrl+C during `check`: exit 130, the partial report written and marked cancelled, no
traceback, and no connection failure made up from requests the interruption cut off."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from payt_onboarding.profile.store import CONFIG_DIR_ENV
from payt_onboarding.simulator.config import DEMO_TOKEN_DATA, DEMO_UID
from tests.support.afas import Start
from tests.support.leaks import leaked

EXIT_INTERRUPTED = 130  # the contract, written out


@pytest.mark.skipif(os.name != "posix", reason="sends SIGINT")
def test_ctrl_c_writes_the_partial_report_and_exits_130(
    simulator: Start, tmp_path: Path
) -> None:
    server = simulator("slow")  # the invoice lines take 1.2 s per request
    report = tmp_path / "rapport.json"
    env = {**os.environ, "PAYT_AFAS_TOKEN": DEMO_TOKEN_DATA, CONFIG_DIR_ENV: str(tmp_path),
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    env.pop("PAYT_ONBOARDING_DEBUG", None)
    child = subprocess.Popen(
        [sys.executable, "-m", "payt_onboarding.cli", "check", "--uid", DEMO_UID,
         "--base-url", server.url, "--output", str(report)],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
        text=True)
    deadline = time.monotonic() + 30
    while not server.paths("/connectors/") and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)  # rows requests in flight
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=60)
    assert child.returncode == EXIT_INTERRUPTED, err
    assert "Traceback" not in err and "ExceptionGroup" not in err, err
    assert not leaked(out + err)
    written = json.loads(report.read_text("utf-8"))
    assert written["cancelled"] is True
    codes = {f["code"] for f in written["findings"]}
    assert "check.cancelled" in codes
    assert not codes & {"connection.unreachable", "connection.timeout"}, codes
