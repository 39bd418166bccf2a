"""The wizard and its About box as a user sees them on a desktop: a real X server with a window
manager, so the title bar (with the app icon) is in the picture, not only the window's inside.

    xvfb-run -a -s "-screen 0 1280x800x24" sh -c \\
        'openbox & sleep 1; .venv/bin/python scripts/desktop_screenshots.py'

(Debian: apt-get install xvfb xauth openbox.) Writes docs/screenshots/desktop-wizard.png and
desktop-about.png; profiles and logs go to a throw-away directory. The wizard is the demo's:
the simulator's environment filled in, on its connectors page after the check.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
MARGIN = 12  # around the frame: the window's shadow and border


def main() -> int:
    scratch = tempfile.mkdtemp(prefix="payt-shots-")
    os.environ["PAYT_ONBOARDING_CONFIG_DIR"] = str(Path(scratch) / "config")
    os.environ["PAYT_ONBOARDING_LOG_DIR"] = str(Path(scratch) / "logs")
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QWidget

    from payt_onboarding.afas.token import AfasToken
    from payt_onboarding.gui.about import AboutDialog
    from payt_onboarding.gui.app import application
    from payt_onboarding.gui.state import Prefill, WizardState
    from payt_onboarding.gui.wizard import OnboardingWizard
    from payt_onboarding.simulator.config import DEMO_TOKEN_DATA, DEMO_UID
    from payt_onboarding.simulator.scenarios import build_config
    from payt_onboarding.simulator.server import SimulatorServer

    app = application("nl")
    if app.platformName() != "xcb":
        print("run under an X server with a window manager (see the docstring)", file=sys.stderr)
        return 1

    def wait(ms: int) -> None:
        # A loop of its own: app.quit() would close every window (Qt 6).
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def shoot(window: QWidget, name: str) -> None:
        window.raise_()
        window.activateWindow()
        wait(800)  # the window manager draws the frame
        frame = window.frameGeometry().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        screen = QGuiApplication.primaryScreen()
        picture = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
        picture.save(str(OUT / name))
        print(OUT / name)

    with SimulatorServer(build_config("healthy")) as server:
        prefill = Prefill(DEMO_UID, server.url, AfasToken.from_data(DEMO_TOKEN_DATA),
                          profile_name="Demo healthy")
        wizard = OnboardingWizard(WizardState(language="nl", prefill=prefill))
        wizard.resize(960, 680)
        wizard.move(60, 40)
        wizard.show()
        wait(500)
        for _ in range(3):  # welcome, environment, token: to the connectors and their check
            wizard.next()
            wait(300)
        for _ in range(100):
            wait(100)
            if not wizard.jobs.busy:
                break
        wait(300)
        shoot(wizard, "desktop-wizard.png")
        about = AboutDialog(wizard.state, wizard.jobs, wizard)
        about.show()
        for _ in range(50):
            wait(100)
            if wizard.state.vault is not None:
                break
        shoot(about, "desktop-about.png")
        about.close()
        wizard.jobs.shutdown()
        wizard.hide()
    return 0


if __name__ == "__main__":
    sys.exit(main())
