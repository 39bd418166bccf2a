"""Going back and forth: what the user typed stays, and a changed environment is checked anew."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.support.wizard import (
    MakeWizard,
    click_next,
    current_report,
    saved_verdict,
    wait_check,
    walk_to_connectors,
)


def test_edits_survive_going_back_and_a_new_address_is_checked_again(
        qtbot: QtBot, simulator: Any, wizards: MakeWizard) -> None:
    first, second = simulator("healthy"), simulator("connector_missing")
    wizard = wizards(first)
    walk_to_connectors(qtbot, wizard)
    assert wizard.state.session is not None
    assert current_report(wizard).verdict == "ready_with_warnings"

    for _ in range(3):  # back to the welcome page
        wizard.back()
    assert wizard.currentPage() is wizard.welcome
    click_next(qtbot, wizard)
    env = wizard.environment
    assert env.base_url.text() == first.url  # not filled in again: nothing changed
    env.base_url.setText(second.url)
    wizard.back()
    click_next(qtbot, wizard)
    assert env.base_url.text() == second.url  # the edit stayed

    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.connectors
    wait_check(qtbot, wizard)
    report = current_report(wizard)
    assert report.target.base_url == second.url  # checked again, against the new address
    assert "connector.missing" in report.codes()


def test_saving_over_another_profile_asks_and_an_empty_name_says_what_to_enter(
        qtbot: QtBot, simulator: Any, wizards: MakeWizard,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from tests.support.wizard import PROFILE, Questions, notice_has, save_profile, walk_to_summary

    first = wizards(simulator("healthy"))
    walk_to_summary(qtbot, first)
    save_profile(qtbot, first)
    assert saved_verdict(PROFILE) == "ready_with_warnings"

    second = wizards(simulator("fields_missing"))  # a new check, offered the same name
    walk_to_summary(qtbot, second)
    page = second.summary
    page.name.setText("   ")
    page.save.click()
    assert notice_has(page.notice, "De naam is leeg")
    page.name.setText(PROFILE)

    questions = Questions(monkeypatch, QMessageBox.StandardButton.No)
    page.save.click()
    assert len(questions.asked) == 1
    _, text = questions.asked[0]
    assert PROFILE in text and "12345" in text
    assert page.saved is None and not second.jobs.busy
    assert saved_verdict(PROFILE) == "ready_with_warnings"  # untouched

    questions.answer = QMessageBox.StandardButton.Yes
    save_profile(qtbot, second)
    assert page.saved is not None and page.saved.draft
    assert saved_verdict(PROFILE) == "not_ready"

    # Checked again as that profile, saving it is no question.
    page.save.click()
    qtbot.waitUntil(lambda: not second.jobs.busy, timeout=5000)
    assert len(questions.asked) == 2
