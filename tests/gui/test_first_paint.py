"""The wizard's first page paints with Qt and light modules only: pydantic, cryptography,
asyncio, ssl, the later pages and what they import come after that paint (the later pages are
built right after it, the requirements and the saved profiles are read on the pool), and a
saved profile still shows in the list. Next works before the later pages are built, and the
program exits with its log line and its window's place saved."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from payt_onboarding.gui.jobs import Jobs
from payt_onboarding.gui.pages.welcome import WelcomePage
from payt_onboarding.gui.state import WizardState
from payt_onboarding.profile.model import Profile
from payt_onboarding.profile.store import ProfileStore
from tests.support.wizard import MakeWizard, wait_idle

NOT_AT_FIRST_PAINT = (
    "pydantic", "cryptography", "asyncio", "ssl", "httpx", "keyring", "jinja2",
    "payt_onboarding.gui.pages.environment", "payt_onboarding.gui.pages.token",
    "payt_onboarding.gui.pages.connectors", "payt_onboarding.gui.pages.mapping",
    "payt_onboarding.gui.pages.summary", "payt_onboarding.profile.store",
    "payt_onboarding.requirements.load", "payt_onboarding.messages",
    # The report's labels and the profile list's words: with the list, on the pool. The
    # outline's titles without tomllib; resources found without importlib.resources; html's
    # entity table with the first notice. platformdirs: not where the folders are set.
    "payt_onboarding.report", "payt_onboarding.gui.profile_list", "tomllib",
    "importlib.resources", "html", "platformdirs",
)
# The program as a user starts it, besides: no parser for an empty line (its help is the
# catalog's), the log file without logging.handlers (socket, pickle) and without the scrubber's
# patterns and encodings until a line is written.
PROGRAM_NOT_AT_FIRST_PAINT = (*NOT_AT_FIRST_PAINT, "payt_onboarding.cli.texts",
                              "payt_onboarding.cli.exit_codes", "logging.handlers",
                              "payt_onboarding.afas")

_PROBE = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from payt_onboarding.gui.app import application
from payt_onboarding.gui.state import WizardState
from payt_onboarding.gui.wizard import OnboardingWizard
app = application("nl")
wizard = OnboardingWizard(WizardState(language="nl"))
seen = {}
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "loaded" not in seen:
            seen["loaded"] = sorted(m for m in sys.modules if m.startswith(LATER))
            QTimer.singleShot(0, wait)
        return False
def wait():
    if wizard.jobs.busy:
        QTimer.singleShot(10, wait)
        return
    tree = wizard.welcome.profiles
    seen["listed"] = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    seen["pages"] = len(wizard.pageIds())
    app.quit()
painted = Painted()
app.installEventFilter(painted)
wizard.show()
app.exec()
wizard.shutdown()
print(json.dumps(seen), file=sys.stderr)
"""


def test_the_first_paint_needs_only_qt_and_light_modules(tmp_path: Path) -> None:
    """A fresh process, as a user starts it; a profile saved, so the list has one to show."""
    ProfileStore(tmp_path / "config" / "profiles").save(
        Profile(name="Bakkerij", uid="12345", environment="production"))
    probe = f"LATER = {NOT_AT_FIRST_PAINT!r}\n" + _PROBE
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=60, check=False,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen",
                                 "PAYT_ONBOARDING_CONFIG_DIR": str(tmp_path / "config")})
    seen = json.loads(result.stderr.strip().splitlines()[-1])
    assert seen["loaded"] == [], f"imported before the first paint: {seen['loaded']}"
    assert seen["listed"] == ["Bakkerij"]
    assert seen["pages"] == 6


def test_next_before_the_later_pages_are_built(qtbot: QtBot, wizards: MakeWizard) -> None:
    """Next on the first page builds the later pages first if the paint has not yet."""
    wizard = wizards(show=False)
    assert wizard.currentId() == -1
    wizard.show()  # not painted yet: the event loop has not run
    assert wizard._later is None  # what this test is about
    assert wizard.nextId() == 1  # the first page offers Next, not Close
    wizard.next()
    assert wizard.currentPage() is wizard.environment
    wait_idle(qtbot, wizard)


def test_held_jobs_start_after_the_warm_up(qtbot: QtBot) -> None:
    jobs = Jobs()
    order: list[str] = []
    jobs.hold()
    jobs.start(lambda progress, cancel: order.append("held"), lambda _: None)
    qtbot.wait(50)
    assert order == []  # held: nothing runs before release
    jobs.release(first=lambda: order.append("first"))
    qtbot.waitUntil(lambda: not jobs.busy, timeout=5000)
    assert order == ["first", "held"]
    assert jobs.shutdown()


def test_a_welcome_page_alone_reads_no_requirements_model() -> None:
    """The intro's connector titles come from the outline: the state's requirements (pydantic)
    stay unread until something asks for them."""
    state = WizardState(language="en")
    WelcomePage(state, Jobs())
    assert state._requirements is None  # what this test is about
    assert state.requirements.connectors  # loaded on first use


_PROGRAM = """
import logging, sys
from payt_onboarding.cli.wizard import main
from payt_onboarding.gui import app as gui_app
from PySide6.QtCore import QTimer
made = []
_application = gui_app.application
def application(language):
    made.append(_application(language))
    QTimer.singleShot(0, close_when_idle)
    return made[0]
def close_when_idle():
    windows = [w for w in made[0].topLevelWidgets() if hasattr(w, "jobs")]
    if not windows or any(w.jobs.busy for w in windows):
        QTimer.singleShot(10, close_when_idle)
        return
    logging.getLogger("payt_onboarding").info("the last line before closing")
    for window in windows:
        window.close()
gui_app.application = application
sys.exit(main([]))
"""


def test_the_program_exits_with_its_log_and_window_place_saved(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", _PROGRAM], capture_output=True, text=True,
                            timeout=60, check=False,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen",
                                 "PAYT_ONBOARDING_CONFIG_DIR": str(tmp_path / "config"),
                                 "PAYT_ONBOARDING_LOG_DIR": str(tmp_path / "logs")})
    assert result.returncode == 0, result.stderr
    log = (tmp_path / "logs" / "payt-onboarding.log").read_text(encoding="utf-8")
    assert log.rstrip().endswith("the last line before closing")
    assert "geometry" in (tmp_path / "config" / "gui.ini").read_text(encoding="utf-8")


# The paint hook is installed as the window is shown (bench/wizard_start.py says why).
_PROGRAM_PAINT = """
import json, logging, sys
from payt_onboarding.cli.wizard import main
from payt_onboarding.gui.wizard import OnboardingWizard
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWizard
seen = {}
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "loaded" not in seen:
            seen["loaded"] = sorted(m for m in sys.modules if m.startswith(LATER))
            QTimer.singleShot(0, close_when_idle)
        return False
painted = Painted()
def show(window):
    QApplication.instance().installEventFilter(painted)
    QWizard.show(window)
def close_when_idle():
    window = next(w for w in QApplication.topLevelWidgets() if hasattr(w, "jobs"))
    if window.jobs.busy:
        QTimer.singleShot(10, close_when_idle)
        return
    tree = window.welcome.profiles
    seen["listed"] = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    seen["pages"] = len(window.pageIds())
    window.close()
OnboardingWizard.show = show
code = main([])
print(json.dumps(seen), file=sys.stderr)
sys.exit(code)
"""


def test_the_program_paints_its_first_page_before_the_catalog_the_parser_and_the_log_machinery(
        tmp_path: Path) -> None:
    """`payt-onboarding-wizard` as a desktop starts it (an empty line), in a fresh process."""
    ProfileStore(tmp_path / "config" / "profiles").save(
        Profile(name="Bakkerij", uid="12345", environment="production"))
    probe = f"LATER = {PROGRAM_NOT_AT_FIRST_PAINT!r}\n" + _PROGRAM_PAINT
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=60, check=False,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen",
                                 "PAYT_ONBOARDING_CONFIG_DIR": str(tmp_path / "config"),
                                 "PAYT_ONBOARDING_LOG_DIR": str(tmp_path / "logs")})
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stderr.strip().splitlines()[-1])
    assert seen["loaded"] == [], f"imported before the first paint: {seen['loaded']}"
    assert seen["listed"] == ["Bakkerij"]  # read after it, on the pool
    assert seen["pages"] == 6
