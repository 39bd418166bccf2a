"""Open the wizard, or say plainly why it cannot open (Qt would abort the process).

Also `payt-onboarding-wizard`, the gui-script: the wizard without a console window beside it
on Windows.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from payt_onboarding.cli import exit_codes
from payt_onboarding.gui.state import Prefill
from payt_onboarding.vocabulary import Language

__all__ = ["Prefill", "has_screen", "launch_wizard", "main"]


def has_screen() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True  # the user chose a platform (offscreen in tests)
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def launch_wizard(language: Language = "nl", prefill: Prefill | None = None) -> int:
    if not has_screen():
        print("payt-onboarding: there is no screen to open the wizard on (no DISPLAY or "
              "WAYLAND_DISPLAY). Run 'payt-onboarding check --uid N --token-stdin' for the "
              "check without a window, or 'payt-onboarding demo --text' for the demo.",
              file=sys.stderr)
        return exit_codes.NO_DISPLAY
    from payt_onboarding.gui.app import run_wizard

    return run_wizard(language, prefill)


def main(argv: Sequence[str] | None = None) -> int:
    """`payt-onboarding-wizard [--language en]`."""
    import argparse

    parser = argparse.ArgumentParser(prog="payt-onboarding-wizard")
    parser.add_argument("--language", choices=("nl", "en"), default="nl")
    return launch_wizard(parser.parse_args(argv).language)
