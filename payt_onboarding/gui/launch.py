"""Open the wizard, or say plainly why it cannot open (Qt would abort the process)."""

from __future__ import annotations

import os
import sys

from payt_onboarding.gui.state import Prefill
from payt_onboarding.vocabulary import Language

EXIT_NO_SCREEN = 69  # EX_UNAVAILABLE


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
        return EXIT_NO_SCREEN
    from payt_onboarding.gui.app import run_wizard

    return run_wizard(language, prefill)


def main() -> int:
    """`payt-onboarding-wizard`: the wizard without a console window on Windows (a gui-script);
    `--language en` for English."""
    import argparse

    parser = argparse.ArgumentParser(prog="payt-onboarding-wizard")
    parser.add_argument("--language", choices=("nl", "en"), default="nl")
    return launch_wizard(parser.parse_args().language)
