"""The wizard opens light: its first page shows before the engine, httpx, jinja2 or the
keyring is imported; each page imports what it needs when first used."""

from __future__ import annotations

import json
import os
import subprocess
import sys

LATER = ("httpx", "keyring", "jinja2", "payt_onboarding.checks.engine",
         "payt_onboarding.afas.client", "payt_onboarding.profile.secrets")

_PROBE = """
import json, sys
from PySide6.QtCore import QTimer
from payt_onboarding.gui.app import application
from payt_onboarding.gui.state import WizardState
from payt_onboarding.gui.wizard import OnboardingWizard
app = application("nl")
wizard = OnboardingWizard(WizardState(language="nl"))
shown = []
def look():
    shown.append(wizard.isVisible() and wizard.currentPage() is not None)
    app.quit()
wizard.show()
QTimer.singleShot(50, look)
app.exec()
print(json.dumps({"shown": shown == [True],
                  "loaded": sorted(m for m in sys.modules if m.startswith(LATER))}),
      file=sys.stderr)
"""


def test_the_first_page_shows_without_the_engine_httpx_jinja2_or_the_keyring() -> None:
    probe = f"LATER = {LATER!r}\n" + _PROBE
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=60, check=False,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    outcome = json.loads(result.stderr.strip().splitlines()[-1])
    assert outcome["shown"], result.stderr
    assert outcome["loaded"] == [], f"the wizard imported {outcome['loaded']} at start"
