"""The whole wizard against the simulator's healthy environment, by mouse and keyboard: every
page, the saved profile and the exported report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from payt_onboarding.afas.environment import Environment, EnvironmentInputError
from payt_onboarding.gui.pages.connectors import COLUMNS
from payt_onboarding.profile.store import ProfileStore
from payt_onboarding.simulator.config import DEMO_UID
from payt_onboarding.simulator.scenarios import build_config
from tests.support.reports import pdf_text
from tests.support.wizard import (
    CHECK_MS,
    PROFILE,
    TOKEN,
    MakeWizard,
    click_next,
    current_report,
    next_button,
    notice_has,
    save_profile,
    saved_verdict,
    top_items,
    wait_check,
    wait_idle,
)

STATUS = COLUMNS.index("status")


def uid_error(text: str) -> str:
    try:
        Environment.parse(text)
    except EnvironmentInputError as error:
        return error.text("nl")
    raise AssertionError(f"{text!r} is a valid environment number")


def type_uid(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def test_the_healthy_environment_end_to_end(
        qtbot: QtBot, simulator: Any, wizards: MakeWizard, tmp_path: Path) -> None:
    server = simulator("healthy")
    app = build_config("healthy").app
    wizard = wizards(server)
    nxt = next_button(wizard)

    # Welcome: a new check.
    assert wizard.currentPage() is wizard.welcome
    assert wizard.welcome.new_check.isChecked()
    click_next(qtbot, wizard)

    # Environment: prefilled with the simulator; typed over by keyboard.
    page = wizard.environment
    assert wizard.currentPage() is page
    assert page.uid.text() == DEMO_UID
    assert page.advanced.isChecked() and page.base_url.text() == server.url
    assert page.url.text() == Environment.parse(DEMO_UID, base_url=server.url).base_url
    assert nxt.isEnabled()

    type_uid(qtbot, page.uid, "12a")
    assert page.uid.text() == "12a"
    assert not nxt.isEnabled()
    assert notice_has(page.notice, uid_error("12a"))
    assert page.url.text() == ""

    type_uid(qtbot, page.uid, DEMO_UID)
    assert nxt.isEnabled()
    assert not page.notice.isVisible()

    page.advanced.setChecked(False)  # the override off: the address AFAS Online derives
    assert page.url.text() == f"https://{DEMO_UID}.rest.afas.online/ProfitRestServices"
    assert nxt.isEnabled()
    page.advanced.setChecked(True)
    assert page.url.text() == Environment.parse(DEMO_UID, base_url=server.url).base_url
    click_next(qtbot, wizard)

    # Token: prefilled and masked; the connection test shows what AFAS says about the token.
    token = wizard.token
    assert wizard.currentPage() is token
    assert token.entry.echoMode() == QLineEdit.EchoMode.Password
    assert token.token == TOKEN
    assert nxt.isEnabled()
    wait_idle(qtbot, wizard)
    assert token.test.isEnabled()
    qtbot.mouseClick(token.test, Qt.MouseButton.LeftButton)
    # Accepted, with the warning every classic token now gets: classic tokens end in 2027.
    qtbot.waitUntil(lambda: token.notice.status == "warning", timeout=CHECK_MS)
    assert notice_has(token.notice, "klassiek token")
    assert token.facts.isVisible()
    facts = {key: label.text() for key, label in token.fact_labels.items()}
    assert facts["envid"] == app.envid == f"O{DEMO_UID}AA"
    assert facts["app_name"] == app.name
    assert facts["user_group"] == app.group
    assert facts["token_expiry"]
    click_next(qtbot, wizard)

    # Connectors: the check starts by itself; every connector is in order.
    connectors = wizard.connectors
    assert wizard.currentPage() is connectors
    assert connectors.running is not None or wizard.state.session is not None
    wait_check(qtbot, wizard)
    tree = connectors.tree
    report = current_report(wizard)
    assert tree.topLevelItemCount() == len(report.connectors) >= 1
    statuses = [item.text(STATUS) for item in top_items(tree)]
    assert statuses == ["in orde"] * len(statuses)
    assert connectors.banner.isVisible()
    assert connectors.banner.word.text() == "Klaar, met waarschuwingen"  # a classic token
    assert nxt.isEnabled()
    click_next(qtbot, wizard)

    # Mapping: nothing to map.
    assert wizard.currentPage() is wizard.mapping
    assert notice_has(wizard.mapping.verdict, "Klaar, met waarschuwingen")
    click_next(qtbot, wizard)

    # Summary: ready but for the classic token's end; save the profile and export the report.
    summary = wizard.summary
    assert wizard.currentPage() is summary
    assert summary.verdict.word.text() == "Klaar, met waarschuwingen"
    assert summary.name.text() == PROFILE
    assert "concept" not in summary.save.text()
    save_profile(qtbot, wizard)
    assert summary.notice.status == "ok"
    assert summary.saved is not None and not summary.saved.draft
    assert summary.saved.token == "memory"  # no usable keyring: kept for this session only

    saved = ProfileStore().list()
    assert [(s.name, s.uid, s.verdict, s.error) for s in saved] == \
        [(PROFILE, DEMO_UID, "ready_with_warnings", None)]
    assert saved[0].path.is_file()
    assert saved_verdict(PROFILE) == "ready_with_warnings"

    written = summary.export_to(tmp_path / "rapport.html")
    assert written == (tmp_path / "rapport.html", tmp_path / "rapport.json",
                       tmp_path / "rapport.pdf")
    assert (tmp_path / "rapport.html").is_file()
    assert "Klaar, met waarschuwingen" in pdf_text(tmp_path / "rapport.pdf")
    assert json.loads((tmp_path / "rapport.json").read_text("utf-8"))["verdict"] == \
        "ready_with_warnings"
    assert summary.notice.status == "ok"
