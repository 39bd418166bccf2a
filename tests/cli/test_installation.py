"""What a user needs when something goes wrong, as the command line gives it: `--self-test`,
the log file (with `--verbose`, and never a token in it), and a display that is named but cannot
be reached (the clear no-display message and exit 69, never Qt's abort)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import NoReturn

import pytest

from payt_onboarding.app import selftest
from payt_onboarding.app.diagnostics import trust_store_in_words
from payt_onboarding.app.logfile import LOG_DIR_ENV
from payt_onboarding.cli import main
from payt_onboarding.messages import Localized
from payt_onboarding.messages.ids import SelfTestId
from payt_onboarding.requirements.load import load_requirements
from payt_onboarding.simulator.config import DEMO_TOKEN_DATA, DEMO_UID
from payt_onboarding.simulator.scenarios import build_config
from payt_onboarding.simulator.server import SimulatorServer
from tests.support.leaks import SECRETS
from tests.support.texts import pieces, said

CLI = [sys.executable, "-m", "payt_onboarding.cli"]
SELF_TEST_ITEMS: tuple[SelfTestId, ...] = (
    "selftest.platform", "selftest.translations", "selftest.icon", "selftest.wizard",
    "selftest.requirements", "selftest.trust_store", "selftest.keyring", "selftest.check",
    "selftest.render", "selftest.pdf")


def run(*args: str, env: dict[str, str] | None = None, stdin: str | None = None,
        timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=timeout,
                          check=False, input=stdin, env={**os.environ, **(env or {})})


def test_self_test_passes_and_says_one_line_per_item() -> None:
    result = run("--self-test", env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    for item in SELF_TEST_ITEMS:
        ok = said("cli.selftest.ok", item=said(item), detail="")
        assert any(line.startswith(ok) for line in lines), (item, lines)
    assert said("selftest.translations.found", ours="&Sluiten", qt="Annuleren") in result.stdout
    assert "offscreen" in result.stdout
    # The details in the run's language too: the built-in file's origin, the trust store.
    count = len(load_requirements().connectors)
    assert said("selftest.requirements.found", count=count,
                origin=Localized("requirements.built_in")) in result.stdout
    assert said("selftest.trust_store.found", store=trust_store_in_words()) in result.stdout
    assert "Traceback" not in result.stderr


def test_self_test_without_a_screen_runs_offscreen() -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([*CLI, "--self-test"], capture_output=True, text=True, timeout=120,
                            check=False, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert said("cli.selftest.ok", item=said("selftest.platform"), detail="offscreen") in \
        result.stdout


def test_a_failing_item_is_reported_the_rest_still_runs_and_the_exit_is_70(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def broken() -> NoReturn:
        raise FileNotFoundError("payt_requirements.toml is not in the bundle")

    core_items = selftest.core_items
    monkeypatch.setattr(selftest, "core_items",
                        lambda check: [("selftest.requirements", broken), *core_items(check)])
    assert main(["--self-test"]) == 70
    out = capsys.readouterr().out
    assert said("cli.selftest.failed", item=said("selftest.requirements"),
                detail="FileNotFoundError: payt_requirements.toml is not in the bundle") in out
    verdict = said("cli.selftest.ok", item=said("selftest.check"), detail="")
    assert f"{verdict}{pieces('selftest.check.done')[0]} " in out


def test_check_writes_the_log_file_and_no_form_of_the_token_reaches_it(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    with SimulatorServer(build_config("healthy")) as server:
        result = run("check", "--uid", DEMO_UID, "--base-url", server.url, "--token-stdin",
                     "--verbose", "--format", "json", stdin=DEMO_TOKEN_DATA,
                     env={LOG_DIR_ENV: str(logs)})
    # Ready, with the classic-token phase-out warning (exit 1) until the deadline passes.
    assert result.returncode == 1, result.stderr
    text = (logs / "payt-onboarding.log").read_text(encoding="utf-8")
    assert "INFO payt_onboarding [MainThread] payt-onboarding" in text
    assert "DEBUG" in text  # --verbose: the detail too
    assert "/connectors/Payt_sales_entries_v12" in text
    assert not [s for s in SECRETS if s in text]


def test_without_verbose_the_log_holds_info_and_up(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    result = run("demo", "--text", env={LOG_DIR_ENV: str(logs)})
    assert result.returncode == 1, result.stderr  # the classic-token warning
    text = (logs / "payt-onboarding.log").read_text(encoding="utf-8")
    assert " INFO " in text
    assert " DEBUG " not in text


def test_an_internal_error_names_the_log_file(tmp_path: Path) -> None:
    """A bug (forced here: the demo divides by zero) says where the details are."""
    logs = tmp_path / "logs"
    probe = ("import sys; from payt_onboarding.cli import main; import payt_onboarding.cli.demo "
             "as d; d.run_demo = lambda *a, **k: 1 / 0; sys.exit(main(['demo', '--text']))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=60, check=False, env={**os.environ, LOG_DIR_ENV: str(logs)})
    assert result.returncode == 70
    assert str(logs / "payt-onboarding.log") in result.stderr
    assert "Traceback" not in result.stderr
    assert "ZeroDivisionError" in (logs / "payt-onboarding.log").read_text(encoding="utf-8")


@pytest.mark.skipif(sys.platform != "linux", reason="X11 displays")
@pytest.mark.parametrize("platform", ["", "xcb"])
def test_a_display_that_cannot_be_reached_gets_the_no_display_message(platform: str) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["DISPLAY"] = ":87"  # no X server listens there
    if platform:
        env["QT_QPA_PLATFORM"] = platform
    for args in ([], ["demo"]):
        result = subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=60,
                                check=False, env=env)
        assert result.returncode == 69, result.stderr
        assert said("cli.wizard.no_screen") in result.stderr
        assert "libxcb" not in result.stderr  # Qt's misleading hint: Qt never got to try
