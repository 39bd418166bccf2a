"""The command line as a user runs it: real processes, real ports on 127.0.0.1."""

from __future__ import annotations

import base64
import ctypes
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from payt_onboarding import __version__
from payt_onboarding.cli.exit_codes import USAGE as EXIT_USAGE
from payt_onboarding.simulator.config import DEMO_TOKEN_DATA
from payt_onboarding.simulator.oauth import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET
from tests.support.texts import said, says

CLI = [sys.executable, "-m", "payt_onboarding.cli"]


def cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=timeout,
                          check=False)


def _ctrl_c_as_in_a_terminal() -> None:
    """SIGINT at its default in the child, as a terminal starts a program: a job a script
    starts in the background (a CI runner's, say) inherits SIGINT ignored, and Python then
    sets no Ctrl+C handler of its own, so the simulator would rightly ignore it."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.fixture
def simulator_process() -> Iterator[tuple[subprocess.Popen[str], str]]:
    process = subprocess.Popen(
        [*CLI, "simulator", "--port", "0", "--scenario", "healthy"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        preexec_fn=None if sys.platform == "win32" else _ctrl_c_as_in_a_terminal,
    )
    assert process.stdout is not None
    banner = ""
    deadline = time.monotonic() + 30
    while said("cli.simulator.stop") not in banner and time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        banner += line
    try:
        yield process, banner
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_simulator_prints_url_and_demo_token_and_serves_metainfo(
    simulator_process: tuple[subprocess.Popen[str], str],
) -> None:
    _, banner = simulator_process
    url = re.search(r"URL\s+(http://127\.0\.0\.1:\d+/ProfitRestServices)", banner)
    token = re.search(r"Token\s+(<token>.*</token>)", banner)
    assert url and token, banner
    assert DEMO_TOKEN_DATA in token.group(1)
    header = "AfasToken " + base64.b64encode(token.group(1).encode()).decode()
    response = httpx.get(url.group(1) + "/metainfo", headers={"Authorization": header}, timeout=10)
    assert response.status_code == 200
    assert response.json()["info"]["appName"] == "Payt REST API"
    # The demo OAuth client beside the token: its id, secret and a readable private key file.
    client = re.search(r"OAuth client id\s+(\S+)", banner)
    secret = re.search(r"OAuth client secret\s+(\S+)", banner)
    key = re.search(r"OAuth private key\s+(\S+)", banner)
    assert client and secret and key, banner
    assert (client.group(1), secret.group(1)) == (DEMO_CLIENT_ID, DEMO_CLIENT_SECRET)
    assert Path(key.group(1)).read_text("ascii").startswith("-----BEGIN PRIVATE KEY-----")


@pytest.mark.skipif(sys.platform == "win32", reason="no SIGINT for child processes on Windows")
def test_simulator_stops_cleanly_on_ctrl_c(
    simulator_process: tuple[subprocess.Popen[str], str],
) -> None:
    import signal

    process, _ = simulator_process
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=10)
    assert process.returncode == 0
    assert "Traceback" not in err


def _tgkill() -> Any:
    """glibc's tgkill(pid, tid, signal): a signal to one thread of another process."""
    if not sys.platform.startswith("linux"):
        return None
    return getattr(ctypes.CDLL(None, use_errno=True), "tgkill", None)


@pytest.mark.skipif(_tgkill() is None, reason="needs Linux and glibc's tgkill")
def test_simulator_stops_on_ctrl_c_that_reaches_a_server_thread(
    simulator_process: tuple[subprocess.Popen[str], str],
) -> None:
    # The kernel hands a Ctrl+C to any thread of the process; one of the server's must stop it
    # too (Python acts on it in the main thread, which slept an hour at a time).
    import signal

    process, _ = simulator_process
    threads = [int(t) for t in os.listdir(f"/proc/{process.pid}/task") if int(t) != process.pid]
    assert threads, "the simulator serves from a thread of its own"
    assert _tgkill()(process.pid, threads[0], signal.SIGINT) == 0, ctypes.get_errno()
    _, err = process.communicate(timeout=10)
    assert process.returncode == 0
    assert "Traceback" not in err


def test_demo_checks_the_healthy_environment_and_prints_the_report() -> None:
    result = cli("demo", "--text")
    assert result.returncode == 1, result.stderr  # ready, but classic tokens end in 2027
    assert result.stdout.startswith("KLAAR, MET WAARSCHUWINGEN")
    assert "token.classic_phase_out" in result.stdout
    assert "O12345AA" in result.stdout
    assert re.search(r"Payt_sales_entries_v12\s+in orde", result.stdout)
    assert "simulator" in result.stderr  # where it runs goes to stderr, the report to stdout
    assert DEMO_TOKEN_DATA not in result.stdout + result.stderr


def test_demo_with_an_oauth_client() -> None:
    result = cli("demo", "--text", "--scenario", "oauth_healthy", "--language", "en")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("READY FOR PAYT")
    assert DEMO_CLIENT_SECRET not in result.stdout + result.stderr


def test_demo_on_a_failing_scenario_says_what_failed_in_english() -> None:
    result = cli("demo", "--text", "--scenario", "token_rejected", "--language", "en")
    assert result.returncode == 2
    assert result.stdout.startswith("NOT READY")
    assert "token.rejected" in result.stdout
    assert "Traceback" not in result.stderr


def test_a_redirect_in_a_narrow_encoding_still_gets_the_whole_report() -> None:
    # As on Windows, where a redirect defaults to cp1252; ascii is narrower still.
    result = subprocess.run([*CLI, "demo", "--text", "--scenario", "connector_missing"],
                            capture_output=True, timeout=60, check=False,
                            env={**os.environ, "PYTHONIOENCODING": "ascii"})
    assert result.returncode == 2, result.stderr
    assert "Algemeen → Beheer → AppConnector" in result.stdout.decode("utf-8")
    assert b"Traceback" not in result.stderr


def test_without_a_screen_the_wizard_says_what_to_run_instead() -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    for args in ([], ["demo"]):
        result = subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=60,
                                check=False, env=env)
        assert result.returncode == 69, result.stderr
        assert "payt-onboarding check" in result.stderr
        assert "Traceback" not in result.stderr


def test_version() -> None:
    result = cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"payt-onboarding {__version__}"


@pytest.mark.parametrize("args", [
    ["simulator", "--scenario", "nope"],
    ["simulator", "--latency-ms", "-5"],
    ["frobnicate"],
])
def test_usage_errors_exit_64_without_traceback(args: list[str]) -> None:
    result = cli(*args)
    assert result.returncode == EXIT_USAGE
    assert "Traceback" not in result.stderr
    assert says(result.stderr, "cli.usage_error")  # "…: fout: …", the run's language


def test_simulator_refuses_a_non_loopback_host() -> None:
    result = cli("simulator", "--host", "0.0.0.0", "--port", "0")
    assert result.returncode == EXIT_USAGE
    assert "loopback" in result.stderr
    assert "Traceback" not in result.stderr


def test_simulator_explains_a_busy_port(
    simulator_process: tuple[subprocess.Popen[str], str],
) -> None:
    _, banner = simulator_process
    port = re.search(r"127\.0\.0\.1:(\d+)", banner)
    assert port
    result = cli("simulator", "--port", port.group(1))
    assert result.returncode == EXIT_USAGE
    assert "--port 0" in result.stderr
