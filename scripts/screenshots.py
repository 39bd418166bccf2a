"""Render every wizard page against the simulator to docs/screenshots/*.png.

    .venv/bin/python scripts/screenshots.py            # all shots, Dutch and English (*-en-*)
    .venv/bin/python scripts/screenshots.py --only healthy --language en

Each (scenario, scale) runs in its own process: QT_SCALE_FACTOR is read once, at start.
Profiles go to a throw-away config directory; nothing of the user's is touched.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
PAGES = ("welcome", "environment", "token", "connectors", "mapping", "summary")
# (scenario, scale, pages to keep); a scenario ending in "-dark" uses the dark colour scheme
# The first saves its draft, so the welcome pages after it list a saved profile.
SHOTS: list[tuple[str, int, tuple[str, ...]]] = [
    ("fields_missing", 1, ("connectors", "mapping", "mapped", "summary", "save")),
    ("fields_missing-dark", 1, ("connectors", "mapped", "summary")),
    ("healthy", 1, PAGES),
    ("healthy", 2, PAGES),
    ("healthy-dark", 1, PAGES),
    ("fields_missing", 2, ("mapping",)),
    ("token_rejected", 1, ("token", "connectors")),
    ("connector_missing", 1, ("connectors",)),
    ("oauth_healthy", 1, ("token", "summary")),
    # Five saved clients, each on its own simulator; Check all and one client's report.
    ("check_all", 1, ("welcome", "check_all", "report")),
    ("check_all", 2, ("welcome", "check_all")),
    ("check_all-dark", 1, ("welcome", "check_all")),
]
# (profile, scenario, what the client handed over, whether its secret was kept); the last one's
# AFAS changes after it was validated: a field is taken out of its sales entries connector.
CLIENTS = [
    ("Bakkerij Jansen BV", "healthy", "token", True),
    ("Drukkerij Smit", "fields_missing", "token", True),
    ("Hoveniersbedrijf Bakker", "healthy", "token", False),
    ("Installatiebedrijf De Boer", "oauth_healthy", "client_secret", True),
    ("Transport Visser", "token_expires_soon", "token", True),
    ("Groothandel Mulder", "healthy", "token", True),
]


def shoot(scenario: str, scale: int, pages: tuple[str, ...]) -> None:
    """In this process: walk the wizard and save the asked-for pages."""

    from payt_onboarding.gui import texts
    from payt_onboarding.gui.app import application
    from payt_onboarding.gui.state import Prefill, WizardState
    from payt_onboarding.gui.wizard import OnboardingWizard
    from payt_onboarding.simulator.config import DEMO_UID
    from payt_onboarding.simulator.demo import demo_credentials
    from payt_onboarding.simulator.scenarios import SCENARIOS, build_config
    from payt_onboarding.simulator.server import SimulatorServer

    app = application("en" if os.environ.get("SHOT_LANGUAGE") == "en" else "nl")
    label = scenario + ("-en" if texts.language() == "en" else "")
    scenario, dark = scenario.removesuffix("-dark"), scenario.endswith("-dark")
    if dark:
        dark_palette(app)
    if scenario == "check_all":
        shoot_check_all(app, label, scale, pages)
        return
    with SimulatorServer(build_config(scenario)) as server:
        # What the scenario's client hands over: the demo token, or the demo OAuth client.
        prefill = Prefill(DEMO_UID, server.url, demo_credentials(SCENARIOS[scenario].hands_over),
                          profile_name="Bakkerij Jansen BV")
        wizard = OnboardingWizard(WizardState(language=texts.language(), prefill=prefill))
        wizard.resize(960, 680)
        wizard.show()

        def settle() -> None:
            for _ in range(400):
                app.processEvents()
                if not wizard.jobs.busy:
                    break
                wizard.jobs.pool.waitForDone(25)
            app.processEvents()

        def save(name: str) -> None:
            settle()
            for _ in range(5):  # layout requests posted by the last results
                app.processEvents()
            if name in pages:
                target = OUT / f"{label}-{PAGES.index(name.replace('mapped', 'mapping')) + 1}-"\
                    f"{name}@{scale}x.png"
                wizard.grab().save(str(target))
                print(target.relative_to(ROOT))

        try:
            walk(wizard, save, pages)
        finally:
            wizard.shutdown()


def shoot_check_all(app: Any, label: str, scale: int, pages: tuple[str, ...]) -> None:
    """The welcome page listing CLIENTS, Check all's results and one client's report."""
    import asyncio
    import contextlib

    import keyring
    from keyring.backend import KeyringBackend

    from payt_onboarding.afas.environment import Environment
    from payt_onboarding.app.check import check_environment
    from payt_onboarding.app.saving import save_checked_profile
    from payt_onboarding.checks.session import CheckOptions
    from payt_onboarding.gui import texts
    from payt_onboarding.gui.state import WizardState
    from payt_onboarding.gui.wizard import OnboardingWizard
    from payt_onboarding.report.formats import render
    from payt_onboarding.requirements.load import load_requirements
    from payt_onboarding.simulator.config import DEMO_UID
    from payt_onboarding.simulator.demo import demo_credentials
    from payt_onboarding.simulator.scenarios import _drop_field, build_config
    from payt_onboarding.simulator.server import SimulatorServer

    class Memory(KeyringBackend):
        priority = 1

        def __init__(self) -> None:
            super().__init__()  # type: ignore[no-untyped-call]
            self.entries: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.entries.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.entries[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.entries.pop((service, username), None)

    keyring.set_keyring(Memory())
    # Its own profiles: not the ones the other scenarios saved.
    os.environ["PAYT_ONBOARDING_CONFIG_DIR"] += f"/check_all-{label}-{scale}"
    language = texts.language()
    requirements = load_requirements()
    with contextlib.ExitStack() as stack:
        for name, scenario, hands_over, kept in CLIENTS:
            server = stack.enter_context(SimulatorServer(build_config(scenario)))
            environment = Environment.parse(DEMO_UID, base_url=server.url)
            credentials = demo_credentials(hands_over)  # type: ignore[arg-type]
            options = CheckOptions(language=language)
            report = asyncio.run(check_environment(environment, credentials, requirements,
                                                   options))
            save_checked_profile(name, environment, credentials, options, requirements,
                                 report, render(report, "json"), remember_token=kept)
        _drop_field(server.config, "Payt_sales_entries_v12", "invoice_due_date")
        wizard = OnboardingWizard(WizardState(language=language))
        wizard.resize(960, 680)
        wizard.show()

        def settle(busy: Callable[[], bool]) -> None:
            for _ in range(800):
                app.processEvents()
                if not busy():
                    break
                wizard.jobs.pool.waitForDone(25)
            for _ in range(5):
                app.processEvents()

        def save(widget: Any, name: str) -> None:
            if name in pages:
                target = OUT / f"{label}-{name}@{scale}x.png"
                widget.grab().save(str(target))
                print(target.relative_to(ROOT))

        try:
            settle(lambda: wizard.jobs.busy)
            save(wizard, "welcome")
            from payt_onboarding.gui.check_all import CheckAllDialog

            welcome = wizard.welcome
            dialog = CheckAllDialog(wizard.state, wizard.jobs, welcome.listed, wizard)
            dialog.start(trust=True)  # the simulators' addresses: the question answered
            dialog.show()
            settle(lambda: dialog.running or wizard.jobs.busy)
            save(dialog, "check_all")
            items = [dialog.table.topLevelItem(i) for i in range(dialog.table.topLevelItemCount())]
            shown = dialog.show_report(next(i for i in items if i and i.text(0) == CLIENTS[-1][0]))
            if shown is not None:
                settle(lambda: False)
                save(shown, "report")
        finally:
            wizard.shutdown()


def dark_palette(app: Any) -> None:
    """What a dark desktop gives Qt (the offscreen platform ignores the colour scheme)."""
    from PySide6.QtGui import QColor, QPalette

    app.setStyle("Fusion")
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2b2b2b", QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e1e", QPalette.ColorRole.AlternateBase: "#2b2b2b",
        QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.Highlight: "#2a82da",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#353535",
        QPalette.ColorRole.ToolTipText: "#e6e6e6", QPalette.ColorRole.PlaceholderText: "#8a8a8a",
        QPalette.ColorRole.Light: "#505050", QPalette.ColorRole.Mid: "#404040",
        QPalette.ColorRole.Dark: "#1a1a1a",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText,
                 QPalette.ColorRole.WindowText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    app.setPalette(palette)


def walk(wizard: Any, save: Callable[[str], None], pages: tuple[str, ...]) -> None:
    save("welcome")
    wizard.next()
    save("environment")
    wizard.next()
    save("")  # the keyring looked at
    if "token" in pages:
        wizard.token.test.click()
    save("token")
    wizard.next()
    save("connectors")
    if wizard.currentPage() is not wizard.connectors or not wizard.connectors.isComplete():
        return
    wizard.next()
    save("mapping")
    if "mapped" in pages:
        session = wizard.state.session
        assert session is not None
        session.remap("sales_entries", "invoice_due_date", "VervalDatum")
        combo = wizard.mapping.connector
        combo.setCurrentIndex(combo.findData("sales_entries"))
        wizard.mapping.gaps_only.setChecked(False)
        wizard.mapping.refresh()
        save("mapped")
    wizard.next()
    save("summary")
    if "save" in pages:
        wizard.summary.save.click()
        save("")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="only this scenario")
    parser.add_argument("--language", choices=("nl", "en"), action="append",
                        help="only this language (repeatable; default: both)")
    parser.add_argument("--child", nargs=3, metavar=("SCENARIO", "SCALE", "PAGES"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        scenario, scale, pages = args.child
        shoot(scenario, int(scale), tuple(pages.split(",")))
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    for language in args.language or ("nl", "en"):
        # A config directory per language: the first shot saves a profile, which a second
        # language's save would otherwise have to confirm replacing (a modal dialog).
        with tempfile.TemporaryDirectory() as config:
            for scenario, scale, pages in SHOTS:
                if args.only and scenario != args.only:
                    continue
                env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
                       "QT_SCALE_FACTOR": str(scale), "SHOT_LANGUAGE": language,
                       "PAYT_ONBOARDING_CONFIG_DIR": config,
                       "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
                child = [sys.executable, __file__, "--child", scenario, str(scale),
                         ",".join(pages)]
                subprocess.run(child, env=env, check=True)  # noqa: S603
    return 0


if __name__ == "__main__":
    sys.exit(main())
