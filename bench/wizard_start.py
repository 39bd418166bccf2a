"""Start-up: the wizard's first shown page against a bare PySide6 QWizard, and `--help` against a
bare argparse program, each a fresh process (offscreen Qt), the median of several runs taken in
turns (bare, ours, bare, ...), so a load on the machine falls on both alike.

A wizard run ends when its first page has been painted: the child prints a line then, and the
time is the parent's, from starting the process to reading that line; then the window closes
and the time until the process has exited is measured too. "Wizard" builds the window as the
tests do; "program" is `payt-onboarding-wizard` itself (its log, its exit), with its own
config and log folders.

In all three the paint hook (an event filter on the application) is installed just before the
window is shown, after it is built. A Python event filter is handed every object that gets an
event, and the first time PySide meets an object of a class it does not export (the
QWidgetTextControl inside any rich-text QLabel) it initialises every Qt class it knows, with
their enums: 40 to 80 ms that only a filter installed during the build pays, never the program
itself (it has no such filter). The first paint is still the hook's to see.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
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

# The program as a user starts it; the paint hook goes into the application it makes when the
# program shows its window (as the lines above install it: see the docstring). The window
# closes once its background work after the first paint is done (a user takes longer than
# that to read the page), so the time to exit is the exit's own.
OUR_PROGRAM = """
import sys
from payt_onboarding.cli.wizard import main
from payt_onboarding.gui import app as gui_app
from payt_onboarding.gui.wizard import OnboardingWizard
from PySide6.QtCore import QObject, QEvent, QTimer
from PySide6.QtWidgets import QWizard
def close_when_idle():
    windows = [w for w in made[0].topLevelWidgets() if hasattr(w, "jobs")]
    if any(w.jobs.busy for w in windows):
        QTimer.singleShot(10, close_when_idle)
        return
    print("closing", flush=True)
    for window in windows:
        window.close()
class _Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            QTimer.singleShot(0, close_when_idle)
            made[0].removeEventFilter(self)
        return False
_painted = _Painted()
made = []
_application = gui_app.application
def application(language):
    made.append(_application(language))
    return made[0]
def show(window):
    if not made[1:]:
        made.append(window)
        made[0].installEventFilter(_painted)
    QWizard.show(window)
gui_app.application = application
OnboardingWizard.show = show
sys.exit(main([]))
"""

BARE_ARGPARSE = """
import argparse
parser = argparse.ArgumentParser(prog="bare")
parser.add_argument("--uid")
parser.parse_args(["--help"])
"""


def _wizard(code: str, scratch: str = "") -> tuple[float, float]:
    """Seconds to the first paint, and from there (or from closing) to the process's exit."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if scratch:
        env["PAYT_ONBOARDING_CONFIG_DIR"] = os.path.join(scratch, "config")
        env["PAYT_ONBOARDING_LOG_DIR"] = os.path.join(scratch, "logs")
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,  # noqa: S603
                               text=True, env=env)
    assert process.stdout is not None
    line = process.stdout.readline()
    painted = closing = time.perf_counter()
    assert line.strip() == "painted", line
    if "close_when_idle" in code:
        assert process.stdout.readline().strip() == "closing"
        closing = time.perf_counter()
    process.wait(timeout=30)
    ended = time.perf_counter()
    return painted - started, ended - closing


def _command(args: Sequence[str]) -> float:
    started = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True)  # noqa: S603
    return time.perf_counter() - started


def main(repeats: int = 7) -> dict[str, Any]:
    bare, ours, program = [], [], []
    with tempfile.TemporaryDirectory() as scratch:
        for _ in range(repeats):
            bare.append(_wizard(BARE_WIZARD))
            ours.append(_wizard(OUR_WIZARD))
            program.append(_wizard(OUR_PROGRAM, scratch))
    bare_paint = statistics.median(b[0] for b in bare)
    our_paint = statistics.median(o[0] for o in ours)
    bare_exit = statistics.median(b[1] for b in bare)
    our_exit = statistics.median(o[1] for o in ours)
    program_paint = statistics.median(p[0] for p in program)
    program_exit = statistics.median(p[1] for p in program)
    argparse_s = statistics.median(
        _command([sys.executable, "-c", BARE_ARGPARSE]) for _ in range(repeats))
    help_s = statistics.median(
        _command([sys.executable, "-m", "payt_onboarding", "--help"]) for _ in range(repeats))
    print(f"start-up, median of {repeats} fresh processes:")
    print(f"  wizard first page {our_paint * 1000:6.0f} ms, bare QWizard {bare_paint * 1000:6.0f}"
          f" ms, ratio {our_paint / bare_paint:.2f}; exit after closing {our_exit * 1000:.0f} ms,"
          f" bare {bare_exit * 1000:.0f} ms")
    print(f"  program first page {program_paint * 1000:4.0f} ms, ratio "
          f"{program_paint / bare_paint:.2f}; exit after closing {program_exit * 1000:.0f} ms")
    print(f"  --help {help_s * 1000:6.0f} ms, bare argparse {argparse_s * 1000:6.0f} ms, "
          f"ratio {help_s / argparse_s:.2f}")
    return {"wizard_first_page_ms": round(our_paint * 1000),
            "bare_qwizard_first_page_ms": round(bare_paint * 1000),
            "wizard_ratio": round(our_paint / bare_paint, 2),
            "wizard_exit_ms": round(our_exit * 1000),
            "bare_qwizard_exit_ms": round(bare_exit * 1000),
            "program_first_page_ms": round(program_paint * 1000),
            "program_ratio": round(program_paint / bare_paint, 2),
            "program_exit_ms": round(program_exit * 1000),
            "help_ms": round(help_s * 1000), "bare_argparse_ms": round(argparse_s * 1000),
            "help_ratio": round(help_s / argparse_s, 2)}


if __name__ == "__main__":
    main()
