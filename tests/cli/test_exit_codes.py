"""Every exit status the program can end with is documented in --help (top level and check)
and in the README."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from payt_onboarding.cli import exit_codes
from payt_onboarding.vocabulary import Language
from tests.support.texts import said

CODES = sorted({v for k, v in vars(exit_codes).items() if k.isupper() and isinstance(v, int)})
README = Path(__file__).resolve().parents[2] / "README.md"


def _help(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "payt_onboarding.cli", *args, "--help"],
                          capture_output=True, text=True, timeout=60, check=True,
                          env={"COLUMNS": "400", "PATH": ""})
    return " ".join(done.stdout.split())


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("args", [(), ("check",)], ids=["top", "check"])
def test_help_names_every_exit_status(args: tuple[str, ...], language: Language) -> None:
    text = _help(*args, "--language", language)
    epilog = text[text.index(said("cli.help.exit_status", language, statuses="").rstrip(" .")):]
    for code in CODES:
        assert re.search(rf"\b{code} \w", epilog), code


def test_the_readme_names_every_exit_status() -> None:
    text = " ".join(README.read_text("utf-8").split())
    section = text[text.index("**Exit status**"):][:1200]
    for code in CODES:
        assert re.search(rf"\b{code} \w", section), code
