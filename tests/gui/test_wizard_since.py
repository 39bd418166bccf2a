"""The wizard's re-check of a saved profile says what changed since its last validation: on the
summary page, and in the reports it exports. The simulator changes between the two checks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from payt_onboarding.gui.wizard import OnboardingWizard
from payt_onboarding.simulator.dataset import INVOICE_LINES, PAYMENT_CONDITIONS
from tests.support.changes import retype_field
from tests.support.reports import pdf_text
from tests.support.wizard import (
    PROFILE,
    TOKEN,
    MakeWizard,
    click_next,
    save_profile,
    top_items,
    wait_check,
    wait_idle,
    walk_to_summary,
)

HEADING = "Sinds de laatste validatie ("


def _recheck(qtbot: QtBot, wizards: MakeWizard) -> OnboardingWizard:
    """The saved profile opened from the welcome page and checked again, to the summary page
    (no keyring in these tests: the token is pasted again)."""
    wizard = wizards()
    welcome = wizard.welcome
    welcome.profiles.setCurrentItem(top_items(welcome.profiles)[0])
    assert welcome.selected_name() == PROFILE
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    token = wizard.token
    wait_idle(qtbot, wizard)
    QGuiApplication.clipboard().setText(TOKEN.xml())
    token.entry.setFocus()
    qtbot.keyClick(token.entry, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    click_next(qtbot, wizard)
    wait_check(qtbot, wizard)
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.summary
    return wizard


def test_the_summary_page_shows_what_changed_since_the_last_validation(
        qtbot: QtBot, simulator: Any, wizards: MakeWizard, tmp_path: Path) -> None:
    server = simulator("healthy")
    first = wizards(server)
    walk_to_summary(qtbot, first)
    assert HEADING not in first.summary.preview.toPlainText()  # a first check
    save_profile(qtbot, first)
    first.close()
    server.config.app.get_connectors.remove(INVOICE_LINES)
    retype_field(server.config, PAYMENT_CONDITIONS, "payment_condition_description", "int")

    wizard = _recheck(qtbot, wizards)
    shown = " ".join(wizard.summary.preview.toPlainText().split())
    assert HEADING in shown
    assert "Oordeel bij die validatie: Klaar, met waarschuwingen" in shown
    assert "Verkoopfactuurregels: connector Payt_Verkoopfactuurregels is er niet meer." in shown
    assert ("Betalingsvoorwaarden: veld payment_condition_description in "
            "Payt_payment_conditions is nu van type int, was string.") in shown
    assert "Nieuw (fout): GetConnector Payt_Verkoopfactuurregels" in shown

    # Saved over the profile: the page still says what changed since the validation before,
    # and so do the reports exported afterwards.
    save_profile(qtbot, wizard)
    wizard.summary.initializePage()
    assert HEADING in wizard.summary.preview.toPlainText()
    written = wizard.summary.export_to(tmp_path / "rapport.html")
    assert written is not None
    html_path, json_path, pdf_path = written
    since = json.loads(json_path.read_text(encoding="utf-8"))["since_last_validation"]
    assert {c["kind"] for c in since["changes"]} >= {"connector_removed", "field_retyped",
                                                     "finding_new"}
    assert "Verkoopfactuurregels: connector Payt_Verkoopfactuurregels is er niet meer." in \
        html_path.read_text(encoding="utf-8")
    assert HEADING in pdf_text(pdf_path)
    wizard.close()

    # The next re-check compares with the check just saved: nothing changed, in one line.
    again = _recheck(qtbot, wizards)
    lines = [line for line in again.summary.preview.toPlainText().splitlines() if line.strip()]
    at = next(i for i, line in enumerate(lines) if line.startswith(HEADING))
    assert lines[at + 1].startswith("Niets veranderd")
    assert not lines[at + 2].startswith("Oordeel bij die validatie")
