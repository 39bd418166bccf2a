"""`payt-onboarding --self-test`: one line per item, exit 0 when all pass, 70 when any fails.

Qt's part runs offscreen where there is no screen, so the test also runs on a build machine.
"""

from __future__ import annotations

import os
import sys

from payt_onboarding.cli import exit_codes
from payt_onboarding.cli.display import has_screen


def run_self_test() -> int:
    if not has_screen():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from payt_onboarding.app.selftest import CheckAndReport, core_items, run
    from payt_onboarding.gui.selftest import pdf_item, qt_items

    check = CheckAndReport()
    failed = 0
    for outcome in run([*qt_items(), *core_items(check), pdf_item(check)]):
        failed += not outcome.ok
        print(f"{'ok  ' if outcome.ok else 'FAIL'}  {outcome.name}: {outcome.detail}", flush=True)
    if failed:
        print(f"self-test: {failed} item(s) failed", file=sys.stderr)
        return exit_codes.SOFTWARE
    print("self-test: all passed")
    return exit_codes.READY
