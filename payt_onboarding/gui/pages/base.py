"""What every page has: the shared state and the background jobs."""

from __future__ import annotations

from PySide6.QtWidgets import QWizardPage

from payt_onboarding.gui.jobs import Jobs
from payt_onboarding.gui.state import WizardState


class Page(QWizardPage):
    def __init__(self, state: WizardState, jobs: Jobs) -> None:
        super().__init__()
        self.state = state
        self.jobs = jobs
