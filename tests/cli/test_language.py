"""One language for the whole run: --language wherever it stands on the line, else
PAYT_ONBOARDING_LANGUAGE, else the system's (Dutch for nl_*, else English)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from payt_onboarding.cli.language import LANGUAGE_ENV, resolve_language

DUTCH, ENGLISH = "Controle AFAS-koppeling voor Payt", "AFAS connection check for Payt"


def demo_text(*args: str, env: dict[str, str]) -> str:
    environ = {k: v for k, v in os.environ.items()
               if k not in (LANGUAGE_ENV, "LC_ALL", "LC_MESSAGES", "LANG")}
    environ.update(env)
    done = subprocess.run([sys.executable, "-m", "payt_onboarding.cli", *args],
                          capture_output=True, text=True, timeout=120, check=False, env=environ)
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


@pytest.mark.parametrize(("args", "env", "expected"), [
    (["--language", "en", "demo", "--text"], {}, ENGLISH),  # before the command: was ignored
    (["demo", "--text", "--language", "en"], {"LANG": "nl_NL.UTF-8"}, ENGLISH),
    (["demo", "--text"], {LANGUAGE_ENV: "en", "LANG": "nl_NL.UTF-8"}, ENGLISH),
    (["demo", "--text"], {"LANG": "nl_BE.UTF-8"}, DUTCH),
    (["demo", "--text"], {"LANG": "en_GB.UTF-8"}, ENGLISH),
    (["--language", "nl", "demo", "--text"], {LANGUAGE_ENV: "en"}, DUTCH),
])
def test_the_report_speaks_the_language_asked_for(
        args: list[str], env: dict[str, str], expected: str) -> None:
    assert expected in demo_text(*args, env=env)


def test_the_line_wins_over_the_environment_and_the_system(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LANGUAGE_ENV, "en")
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    assert resolve_language("nl", None) == "nl"
    assert resolve_language(None, "nl") == "nl"
    assert resolve_language(None, None) == "en"
    monkeypatch.delenv(LANGUAGE_ENV)
    assert resolve_language(None, None) == "nl"
    monkeypatch.setenv(LANGUAGE_ENV, "fr")  # not one of ours: the system's then
    assert resolve_language(None, None) == "nl"
