"""Helpers for the Check-all tests: profiles saved as the wizard saves them (after a real check
of their own simulator on 127.0.0.1), the results table as text, and Check all clicked."""

from __future__ import annotations

import asyncio
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from payt_onboarding.afas.credentials import Credentials
from payt_onboarding.afas.environment import Environment
from payt_onboarding.app.check import check_environment
from payt_onboarding.app.saving import save_checked_profile
from payt_onboarding.checks.session import CheckOptions
from payt_onboarding.gui.wizard import OnboardingWizard
from payt_onboarding.report.formats import render
from payt_onboarding.requirements.load import load_requirements
from payt_onboarding.simulator.config import DEMO_UID
from payt_onboarding.simulator.demo import demo_credentials
from payt_onboarding.simulator.server import SimulatorServer
from tests.support.wizard import CHECK_MS, top_items, wait_idle


def seed(name: str, server: SimulatorServer, credentials: Credentials, *,
         remember: bool = True) -> None:
    """A profile saved as the wizard saves it: after a real check of its simulator, the
    secret into the keyring (or, `remember=False`, not kept)."""
    environment = Environment.parse(DEMO_UID, base_url=server.url)
    requirements, options = load_requirements(), CheckOptions(language="nl")
    report = asyncio.run(check_environment(environment, credentials, requirements, options))
    save_checked_profile(name, environment, credentials, options, requirements, report,
                         render(report, "json"), remember_token=remember)


def clients(simulator: Any) -> dict[str, SimulatorServer]:
    servers = {"Bakkerij Jansen": simulator("healthy"),
               "Drukkerij Smit": simulator("fields_missing"),
               "Installatiebedrijf De Boer": simulator("oauth_healthy"),
               "Transport Visser": simulator("healthy")}
    seed("Bakkerij Jansen", servers["Bakkerij Jansen"], demo_credentials("token"))
    seed("Drukkerij Smit", servers["Drukkerij Smit"], demo_credentials("token"))
    seed("Installatiebedrijf De Boer", servers["Installatiebedrijf De Boer"],
         demo_credentials("client_secret"))
    seed("Transport Visser", servers["Transport Visser"], demo_credentials("token"),
         remember=False)
    return servers


def rows(tree: Any) -> dict[str, list[str]]:
    return {item.text(0): [item.text(c) for c in range(1, tree.columnCount())]
            for item in top_items(tree)}


def run_check_all(qtbot: QtBot, wizard: OnboardingWizard) -> Any:
    welcome = wizard.welcome
    assert welcome.check_all.isVisible()
    qtbot.mouseClick(welcome.check_all, Qt.MouseButton.LeftButton)
    dialog = welcome.check_all_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.running, timeout=CHECK_MS)
    wait_idle(qtbot, wizard)
    return dialog
