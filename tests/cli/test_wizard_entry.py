"""`payt-onboarding-wizard`, the gui-script: started from a desktop (an empty line) it builds no
parser, and still speaks the run's language where it must say something; with a line, the
parser's help and errors speak the language that line asks for."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest

from payt_onboarding.cli import texts
from payt_onboarding.cli.wizard import main
from payt_onboarding.vocabulary import Language
from tests.support.texts import said

_WIZARD = "import sys; from payt_onboarding.cli.wizard import main; sys.exit(main())"


@pytest.fixture(autouse=True)
def run_language_kept() -> Iterator[None]:
    """main() here sets the command line's language for the process: as it was, after."""
    kept = list(texts._language)
    yield
    texts._language[:] = kept


@pytest.mark.skipif(sys.platform != "linux", reason="X11 displays")
@pytest.mark.parametrize(("language", "line"), [("nl", []), ("en", []),
                                                ("en", ["--language", "en"])])
def test_without_a_screen_it_says_so_in_the_run_s_language(language: Language,
                                                           line: list[str]) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["DISPLAY"] = ":87"  # no X server listens there
    env["PAYT_ONBOARDING_LANGUAGE"] = "nl" if line else language
    result = subprocess.run([sys.executable, "-c", _WIZARD, *line], capture_output=True,
                            text=True, timeout=60, check=False, env=env)
    assert result.returncode == 69, result.stderr
    assert said("cli.wizard.no_screen", language) in result.stderr


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_help_speaks_the_language_on_the_line(language: Language,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--help", "--language", language])
    assert stop.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "payt-onboarding-wizard" in out
    assert " ".join(said("cli.help.verbose", language).split()) in out


def test_an_unknown_option_is_a_usage_error_in_the_line_s_language(
        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--language", "en", "--bogus"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "--bogus" in err
    assert said("argparse.usage", "en").strip() in err
