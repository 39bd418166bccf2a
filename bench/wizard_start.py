"""Start-up: the wizard's first shown page against a bare PySide6 QWizard, and `--help` against a
bare argparse program, each a fresh process (offscreen Qt), the median of several runs.

A wizard run ends when its first page has been painted: the child prints a line then, and the
time is the parent's, from starting the process to reading that line; then the window closes
and the time until the process has exited is measured too.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from typing import Any

_PAINTED = """
from PySide6.QtCore import QObject, QEvent, QTimer
class _Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            QTimer.singleShot(0, window.close)
            QTimer.singleShot(0, app.quit)
            app.removeEventFilter(self)
        return False
_painted = _Painted()
app.installEventFilter(_painted)
window.show()
app.exec()
"""

BARE_WIZARD = """
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage
app = QApplication([])
window = QWizard()
page = QWizardPage()
page.setTitle("Welcome")
QVBoxLayout(page).addWidget(QLabel("A bare wizard page."))
window.addPage(page)
""" + _PAINTED

OUR_WIZARD = """
from payt_onboarding.gui.app import application
from payt_onboarding.gui.state import WizardState
from payt_onboarding.gui.wizard import OnboardingWizard
app = application("nl")
window = OnboardingWizard(WizardState(language="nl"))
""" + _PAINTED

BARE_ARGPARSE = """
import argparse
parser = argparse.ArgumentParser(prog="bare")
parser.add_argument("--uid")
parser.parse_args(["--help"])
"""


def _wizard(code: str) -> tuple[float, float]:
    """Seconds to the first paint, and from there to the process's exit."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,  # noqa: S603
                               text=True, env=env)
    assert process.stdout is not None
    line = process.stdout.readline()
    painted = time.perf_counter()
    process.wait(timeout=30)
    ended = time.perf_counter()
    assert line.strip() == "painted", line
    return painted - started, ended - painted


def _command(args: Sequence[str]) -> float:
    started = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True)  # noqa: S603
    return time.perf_counter() - started


def main(repeats: int = 5) -> dict[str, Any]:
    bare = [_wizard(BARE_WIZARD) for _ in range(repeats)]
    ours = [_wizard(OUR_WIZARD) for _ in range(repeats)]
    bare_paint = statistics.median(b[0] for b in bare)
    our_paint = statistics.median(o[0] for o in ours)
    bare_exit = statistics.median(b[1] for b in bare)
    our_exit = statistics.median(o[1] for o in ours)
    argparse_s = statistics.median(
        _command([sys.executable, "-c", BARE_ARGPARSE]) for _ in range(repeats))
    help_s = statistics.median(
        _command([sys.executable, "-m", "payt_onboarding", "--help"]) for _ in range(repeats))
    print(f"start-up, median of {repeats} fresh processes:")
    print(f"  wizard first page {our_paint * 1000:6.0f} ms, bare QWizard {bare_paint * 1000:6.0f}"
          f" ms, ratio {our_paint / bare_paint:.2f}; exit after closing {our_exit * 1000:.0f} ms,"
          f" bare {bare_exit * 1000:.0f} ms")
    print(f"  --help {help_s * 1000:6.0f} ms, bare argparse {argparse_s * 1000:6.0f} ms, "
          f"ratio {help_s / argparse_s:.2f}")
    return {"wizard_first_page_ms": round(our_paint * 1000),
            "bare_qwizard_first_page_ms": round(bare_paint * 1000),
            "wizard_ratio": round(our_paint / bare_paint, 2),
            "wizard_exit_ms": round(our_exit * 1000),
            "bare_qwizard_exit_ms": round(bare_exit * 1000),
            "help_ms": round(help_s * 1000), "bare_argparse_ms": round(argparse_s * 1000),
            "help_ratio": round(help_s / argparse_s, 2)}


if __name__ == "__main__":
    main()
