"""`payt-onboarding --self-test`: one line per item, exit 0 when all pass, 70 when any fails.

Qt's part runs offscreen where there is no screen, so the test also runs on a build machine.
"""

from __future__ import annotations

import os
import sys

from payt_onboarding.cli import exit_codes
from payt_onboarding.cli.display import has_screen
from payt_onboarding.cli.texts import language, say
from payt_onboarding.messages import render


def run_self_test() -> int:
    if not has_screen():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from payt_onboarding.app.selftest import CheckAndReport, core_items, run
    from payt_onboarding.gui.selftest import pdf_item, qt_items

    check = CheckAndReport()
    failed = 0
    for outcome in run([*qt_items(), *core_items(check), pdf_item(check)]):
        failed += not outcome.ok
        detail = outcome.detail if isinstance(outcome.detail, str) else \
            outcome.detail.render(language())
        print(say("cli.selftest.ok" if outcome.ok else "cli.selftest.failed",
                  item=render(outcome.name, language()), detail=detail), flush=True)
    if failed:
        print(say("cli.selftest.some_failed", count=failed), file=sys.stderr)
        return exit_codes.SOFTWARE
    print(say("cli.selftest.all_passed"))
    return exit_codes.READY
