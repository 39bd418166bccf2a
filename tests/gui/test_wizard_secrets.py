"""The token shows nowhere in the window but in its own masked field: not in a label, tooltip,
list, table or title, not in the copied summary and not in the exported report."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)
from pytestqt.qtbot import QtBot

from payt_onboarding.gui.wizard import OnboardingWizard
from payt_onboarding.simulator.demo import demo_credentials
from tests.support.leaks import leaked, secret_forms
from tests.support.reports import pdf_text
from tests.support.wizard import (
    CHECK_MS,
    TOKEN,
    MakeWizard,
    click_next,
    save_profile,
    tree_texts,
    wait_check,
    walk_to_token,
)

SECRETS = secret_forms(TOKEN)
# Every text a widget can show or tell a screen reader.
TEXT_METHODS = ("text", "displayText", "placeholderText", "toolTip", "statusTip", "whatsThis",
                "accessibleName", "accessibleDescription", "windowTitle", "title", "subTitle",
                "currentText", "toPlainText", "windowIconText")


def widget_texts(widget: QWidget, *, skip: tuple[str, ...] = ()) -> Iterator[tuple[str, str]]:
    """(where, text) for every text of `widget`: its own and its items'."""
    for name in TEXT_METHODS:
        method = getattr(widget, name, None)
        if name in skip or not callable(method):
            continue
        try:
            value = method()
        except TypeError:  # an overload that needs arguments
            continue
        if isinstance(value, str):
            yield name, value
    if isinstance(widget, QComboBox):
        for index in range(widget.count()):
            yield "itemText", widget.itemText(index)
            for role in (Qt.ItemDataRole.UserRole, Qt.ItemDataRole.ToolTipRole):
                data = widget.itemData(index, role)
                if isinstance(data, str):
                    yield "itemData", data
    if isinstance(widget, QTreeWidget):
        header = widget.headerItem()
        for column in range(widget.columnCount()):
            yield "header", header.text(column)
        for text in tree_texts(widget):
            yield "item", text
    if isinstance(widget, QTableWidget):
        for row in range(widget.rowCount()):
            for column in range(widget.columnCount()):
                item = widget.item(row, column)
                if item is not None:
                    yield "item", item.text()
                    yield "itemToolTip", item.toolTip()
        for column in range(widget.columnCount()):
            heading = widget.horizontalHeaderItem(column)
            if heading is not None:
                yield "header", heading.text()


def leaks(wizard: OnboardingWizard) -> list[str]:
    """Where a widget holds the token: class, object name and the method, never the text."""
    own_fields = (wizard.token.entry, wizard.token.oauth.secret)
    found = []
    widgets = [wizard, *wizard.findChildren(QWidget)]
    for widget in widgets:
        # The token and secret fields hold them: only what they show must be masked.
        skip = ("text",) if widget in own_fields else ()
        for where, text in widget_texts(widget, skip=skip):
            if leaked(text):
                found.append(f"{type(widget).__name__}({widget.objectName()!r}).{where}")
    return found


def test_the_token_shows_only_in_its_masked_field(
        qtbot: QtBot, simulator: Any, wizards: MakeWizard, tmp_path: Path) -> None:
    wizard = wizards(simulator("healthy"))
    walk_to_token(qtbot, wizard)
    token = wizard.token
    entry = token.entry
    assert entry.text() == TOKEN.xml()
    assert entry.echoMode() == QLineEdit.EchoMode.Password
    qtbot.mouseClick(token.reveal, Qt.MouseButton.LeftButton)
    assert token.reveal.isChecked() and entry.echoMode() == QLineEdit.EchoMode.Normal
    qtbot.mouseClick(token.reveal, Qt.MouseButton.LeftButton)
    assert not token.reveal.isChecked() and entry.echoMode() == QLineEdit.EchoMode.Password
    qtbot.mouseClick(token.test, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: token.notice.status == "warning", timeout=CHECK_MS)  # classic
    assert leaks(wizard) == []
    click_next(qtbot, wizard)
    wait_check(qtbot, wizard)
    for role in wizard.connectors.items.values():
        role.setExpanded(True)
    click_next(qtbot, wizard)
    wizard.mapping.gaps_only.setChecked(False)  # every field and its samples
    assert wizard.mapping.table.rowCount() > 0
    click_next(qtbot, wizard)
    summary = wizard.summary
    assert wizard.currentPage() is summary
    save_profile(qtbot, wizard)
    assert summary.notice.status == "ok"

    # Every page has been shown and filled in: no widget on any of them holds the token.
    assert entry.echoMode() == QLineEdit.EchoMode.Password
    assert entry.text() == TOKEN.xml()  # the one place it is, masked
    assert leaks(wizard) == []

    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(summary.copy, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "klaar, met waarschuwingen" in copied.casefold() and "O12345AA" in copied
    assert not [s for s in SECRETS if s in copied], "the copied summary holds the token"
    assert leaks(wizard) == []

    written = summary.export_to(tmp_path / "rapport.html")
    assert written is not None
    for path in written:
        content = pdf_text(path) if path.suffix == ".pdf" else path.read_text("utf-8")
        joined = "".join(content.split())  # a token wrapped over lines in the PDF
        assert not [s for s in SECRETS if s in content or s in joined], \
            f"{path.name} holds the token"
    # Nor any file the wizard wrote: profile, backups, window settings, reports.
    wizard.shutdown()
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert {"rapport.html", "rapport.json", "rapport.pdf", "gui.ini"} <= {p.name for p in files}
    assert any(p.parent.name == "profiles" for p in files)
    assert [p.name for p in files
            if any(s in p.read_text("utf-8", "replace") for s in SECRETS)] == []


def test_the_client_secret_shows_only_in_its_masked_field(
        qtbot: QtBot, simulator: Any, wizards: MakeWizard, tmp_path: Path) -> None:
    wizard = wizards(simulator("oauth_healthy"), credentials=demo_credentials("client_secret"))
    walk_to_token(qtbot, wizard)
    page = wizard.token
    assert page.oauth.secret.echoMode() == QLineEdit.EchoMode.Password
    qtbot.mouseClick(page.test, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.notice.status == "ok", timeout=CHECK_MS)
    assert leaks(wizard) == []
    click_next(qtbot, wizard)
    wait_check(qtbot, wizard)
    walk = [wizard.mapping, wizard.summary]
    for expected in walk:
        click_next(qtbot, wizard)
        assert wizard.currentPage() is expected
    save_profile(qtbot, wizard)
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(wizard.summary.copy, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "OAuth-client" in copied and not leaked(copied)
    assert leaks(wizard) == []
    wizard.shutdown()
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.parent.name == "profiles" for p in files)
    assert [p.name for p in files if leaked(p.read_text("utf-8", "replace"))] == []


def test_the_scan_finds_a_token_wherever_it_is_put(wizards: MakeWizard) -> None:
    """The scan above is only as good as its reach: plant each form of the token in each kind
    of place it looks, and it must be found there."""
    wizard = wizards()
    assert leaks(wizard) == []
    forms = iter(SECRETS * 2)
    label = QLabel(next(forms), wizard.summary)
    button = QPushButton("ok", wizard.welcome)
    button.setToolTip(next(forms))
    combo = QComboBox(wizard.mapping)
    combo.addItem("ok", next(forms))
    tree = wizard.connectors.tree
    parent = QTreeWidgetItem(["ok"])
    tree.addTopLevelItem(parent)
    parent.addChild(QTreeWidgetItem(["", "", "", "", "", next(forms)]))
    table = wizard.mapping.table
    table.setRowCount(1)
    table.setItem(0, 3, QTableWidgetItem(next(forms)))
    wizard.environment.uid.setAccessibleName(next(forms))
    wizard.token.entry.setText(next(forms))  # its own field: allowed, while masked
    assert sorted(leaks(wizard)) == sorted([
        "QLabel('').text", "QPushButton('').toolTip", "QComboBox('').itemData",
        "QTreeWidget('').item", "QTableWidget('').item", "QLineEdit('').accessibleName"])
    wizard.token.reveal.setChecked(True)
    assert "QLineEdit('').displayText" in leaks(wizard)
    for widget in (label, button, combo):
        widget.deleteLater()
