"""Connector page: one connector tested again on its own, and a requirements file that cannot
be used."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from payt_onboarding.gui.pages.connectors import COLUMNS, ROLE
from payt_onboarding.messages import Localized
from tests.support.texts import said, says
from tests.support.wizard import (
    MakeWizard,
    Questions,
    current_report,
    wait_check,
    walk_to_connectors,
)


def test_one_connector_is_tested_again_and_only_it(
        qtbot: QtBot, simulator: Any, wizards: MakeWizard) -> None:
    server = simulator("healthy")
    wizard = wizards(server)
    walk_to_connectors(qtbot, wizard)
    page, session = wizard.connectors, wizard.state.session
    assert session is not None
    before = dict(session.outcomes)
    role = "payment_conditions"
    item = next(page.items[r] for r in page.items if page.items[r].data(0, ROLE) == role)
    page.tree.setCurrentItem(item)
    assert page.again_one.isEnabled()
    seen = len(server.paths())

    qtbot.mouseClick(page.again_one, Qt.MouseButton.LeftButton)
    wait_check(qtbot, wizard)

    asked = server.paths()[seen:]
    assert any("payt_payment_conditions" in p for p in asked)
    assert not any("payt_sales_entries" in p for p in asked), asked
    assert wizard.state.session is session  # merged into the same result
    assert session.outcomes[role] is not before[role]
    assert all(session.outcomes[r] is before[r] for r in before if r != role)
    assert item.text(COLUMNS.index("status")) == "in orde"
    assert session.report().verdict == "ready_with_warnings"


def test_a_requirements_file_that_cannot_be_used_says_so_and_keeps_the_result(
        qtbot: QtBot, simulator: Any, wizards: MakeWizard, tmp_path: Path) -> None:
    wizard = wizards(simulator("healthy"))
    walk_to_connectors(qtbot, wizard)
    session = wizard.state.session
    broken = tmp_path / "eisen.toml"
    broken.write_text("[[connectors]\nrole = ", encoding="utf-8")

    wizard.connectors.load_requirements(str(broken))

    notice = wizard.connectors.notice
    assert notice.isVisible() and notice.status == "error"
    assert "eisen.toml" in notice.text.text()
    assert says(notice.text.text(), "requirements.not_toml")  # in the wizard's Dutch
    assert wizard.state.session is session
    assert wizard.connectors.isComplete()


def test_a_mistake_in_a_requirements_file_is_told_in_dutch(
        qtbot: QtBot, simulator: Any, wizards: MakeWizard, tmp_path: Path) -> None:
    """The whole message in the wizard's language, line and key included, no English."""
    from payt_onboarding.requirements.load import DEFAULT_REQUIREMENTS

    wizard = wizards(simulator("healthy"))
    walk_to_connectors(qtbot, wizard)
    lines = DEFAULT_REQUIREMENTS.read_text(encoding="utf-8").splitlines()
    line = lines.index("required = true")  # the first connector's
    lines[line] = 'required = "soms"'
    broken = tmp_path / "eisen.toml"
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")

    wizard.connectors.load_requirements(str(broken))

    problem = Localized("requirements.found", {"problem": Localized("requirements.not_bool"),
                                               "value": "'soms'"})
    expected = said("requirements.mistakes", "nl", origin=str(broken), count=1, problems=Localized(
        "requirements.line.key", {"line": line + 1, "key": "connectors[0].required",
                                  "problem": problem}))
    shown = wizard.connectors.notice.text.text()
    assert html.escape(expected).replace("\n", "<br>") in shown, shown
    assert not says(shown, "requirements.mistakes", "en"), shown


def test_closing_with_an_unsaved_result_asks_first(
        qtbot: QtBot, simulator: Any, wizards: MakeWizard,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    wizard = wizards(simulator("healthy"))
    walk_to_connectors(qtbot, wizard)
    questions = Questions(monkeypatch, QMessageBox.StandardButton.Cancel)
    wizard.close()
    assert [title for title, _ in questions.asked] == ["Sluiten zonder opslaan?"]
    assert wizard.isVisible() and not wizard.jobs.closing  # still open, still working

    questions.answer = QMessageBox.StandardButton.Close
    wizard.reject()  # Escape or Annuleren
    assert len(questions.asked) == 2
    assert not wizard.isVisible() and wizard.jobs.closing


def test_another_requirements_file_is_checked_at_once(
        qtbot: QtBot, simulator: Any, wizards: MakeWizard, tmp_path: Path) -> None:
    from payt_onboarding.requirements.load import DEFAULT_REQUIREMENTS

    wizard = wizards(simulator("healthy"))
    walk_to_connectors(qtbot, wizard)
    page = wizard.connectors
    assert "verstrekking" in page.items
    # Payt's file without the optional Verstrekking connector.
    text = DEFAULT_REQUIREMENTS.read_text(encoding="utf-8")
    start = text.index('[[connectors]]\nrole = "verstrekking"')
    end = text.index("[rules]")
    smaller = tmp_path / "payt_zonder_verstrekking.toml"
    smaller.write_text((text[:start] + text[end:]).replace(
        'also_in = ["distribution_methods", "verstrekking"]',
        'also_in = ["distribution_methods"]'), encoding="utf-8")

    page.load_requirements(str(smaller))
    wait_check(qtbot, wizard)

    assert "verstrekking" not in page.items
    assert page.tree.topLevelItemCount() == len(wizard.state.requirements.connectors)
    report = current_report(wizard)
    assert report.requirements == str(smaller)
    assert "verstrekking" not in {c.role for c in report.connectors}
