"""Environments with errors: the finding shows where the user looks, the profile can only be
saved as a draft, and a missing field is mapped on the mapping page."""

from __future__ import annotations

import html
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from payt_onboarding.gui.pages import connectors as connectors_page
from payt_onboarding.gui.pages import mapping as mapping_page
from payt_onboarding.gui.wizard import OnboardingWizard
from payt_onboarding.profile.store import ProfileStore
from tests.support.wizard import (
    CHECK_MS,
    PROFILE,
    MakeWizard,
    cell_text,
    child_texts,
    click_next,
    current_report,
    next_button,
    notice_has,
    save_profile,
    top_items,
    wait_check,
    walk_to_connectors,
    walk_to_token,
)

STATUS = connectors_page.COLUMNS.index("status")
SALES = "sales_entries"

# scenario: (the finding's code, the Dutch status word of each connector row it is about)
FAILING = {
    "token_rejected": ("token.rejected", {}),
    "connector_missing": ("connector.missing", {"invoice_lines": "ontbreekt"}),
    "fields_missing": ("field.missing", {"administrations": "fout", SALES: "fout"}),
}


def row(wizard: OnboardingWizard, role: str) -> Any:
    return wizard.connectors.items[role]


@pytest.mark.parametrize("scenario", list(FAILING))
def test_a_failing_environment_says_why_and_saves_a_draft(
        qtbot: QtBot, simulator: Any, wizards: MakeWizard, scenario: str) -> None:
    code, rows = FAILING[scenario]
    wizard = wizards(simulator(scenario))
    walk_to_token(qtbot, wizard)
    token = wizard.token
    qtbot.mouseClick(token.test, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: token.notice.status not in ("", "running"), timeout=CHECK_MS)
    tested = token.notice.status
    assert token.notice.isVisible()
    said = token.notice.text.text()
    if scenario == "token_rejected":
        # Refused by AFAS: Next waits for other credentials, and says so.
        assert not next_button(wizard).isEnabled()
        assert notice_has(token.notice, "Volgende kan pas als AFAS de inloggegevens accepteert")
        # Not tested first, Next goes on, and the connectors page says plainly what that does.
        wizard = wizards(simulator(scenario))
        walk_to_token(qtbot, wizard)
    click_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.connectors
    wait_check(qtbot, wizard)

    report = current_report(wizard)
    assert report.verdict == "not_ready"
    found = [f for f in report.findings if f.code == code]
    assert found and all(f.severity == "error" for f in found)
    page = wizard.connectors
    for finding in found:
        if finding.role is None:  # about the whole environment: the page's notice
            assert notice_has(page.notice, finding.message), finding.code
        else:  # about one connector: its row, opened up
            assert any(finding.message in text
                       for text in child_texts(row(wizard, finding.role))), finding.code
    for role, word in rows.items():
        assert row(wizard, role).text(STATUS) == word
    if scenario == "token_rejected":
        # The connection test on the token page already said so, in the same words.
        assert tested == "error"
        # Nothing was tested: no full progress bar over rows of "skipped", but why, and what
        # Next still does.
        assert not page.tree.isVisible() and not page.progress.isVisible()
        assert notice_has(page.notice, "Er is niets getest")
        assert notice_has(page.notice, "alleen als concept")
        assert html.escape(found[0].message) in said
        tree = page.tree
        words = {item.text(STATUS) for item in top_items(tree)}
        assert words == {"overgeslagen"}
    else:
        assert tested == "warning"  # accepted; classic tokens end in 2027

    click_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.mapping
    click_next(qtbot, wizard)
    summary = wizard.summary
    assert wizard.currentPage() is summary
    assert summary.verdict.word.text() == "Niet klaar"
    assert "concept" in summary.save.text()
    save_profile(qtbot, wizard)
    assert summary.notice.status == "warning"
    assert summary.saved is not None and summary.saved.draft
    if scenario == "token_rejected":
        assert summary.saved.token == "rejected"  # a refused token is never kept
    saved = ProfileStore().load(PROFILE)
    assert saved.validation is not None and saved.validation.verdict == "not_ready"
    assert [(s.name, s.verdict) for s in ProfileStore().list()] == [(PROFILE, "not_ready")]


def field_row(wizard: OnboardingWizard, payt_field: str) -> int:
    table = wizard.mapping.table
    payt = mapping_page.COLUMNS.index("payt")
    rows = [r for r in range(table.rowCount())
            if cell_text(table, r, payt).split(" ")[0] == payt_field]
    assert len(rows) == 1, f"{payt_field} is not shown once"
    return rows[0]


def field_status(wizard: OnboardingWizard, payt_field: str) -> str:
    table = wizard.mapping.table
    return cell_text(table, field_row(wizard, payt_field), mapping_page.COLUMNS.index("status"))


def field_combo(wizard: OnboardingWizard, payt_field: str) -> QComboBox:
    combo = wizard.mapping.table.cellWidget(field_row(wizard, payt_field),
                                            mapping_page.COLUMNS.index("afas"))
    assert isinstance(combo, QComboBox)
    return combo


def errors(wizard: OnboardingWizard) -> set[tuple[str, str | None, str | None]]:
    report = current_report(wizard)
    return {(f.code, f.role, f.field) for f in report.findings if f.severity == "error"}


def test_mapping_the_renamed_fields_closes_their_gaps(
        qtbot: QtBot, simulator: Any, wizards: MakeWizard) -> None:
    wizard = wizards(simulator("fields_missing"))
    walk_to_connectors(qtbot, wizard)
    click_next(qtbot, wizard)
    page = wizard.mapping
    assert wizard.currentPage() is page
    assert errors(wizard) == {
        ("field.missing", "administrations", "administration_origin_id"),
        ("field.missing", SALES, "invoice_due_date"),
        ("field.missing", SALES, "debtor_post_country_code"),
    }
    assert notice_has(page.verdict, "Niet klaar") and notice_has(page.verdict, "3 fouten")

    page.connector.setCurrentIndex(page.connector.findData(SALES))
    assert page.connector.currentData() == SALES
    assert field_status(wizard, "invoice_due_date") == "ontbreekt"
    assert field_status(wizard, "debtor_post_country_code") == "ontbreekt"

    # By keyboard: the first choice below "choose a field" is the suggestion, VervalDatum.
    combo = field_combo(wizard, "invoice_due_date")
    assert combo.currentData() is None and combo.itemData(1) == "VervalDatum"
    combo.setFocus()
    before = page.verdict.text.text()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: field_status(wizard, "invoice_due_date") == "gekoppeld", timeout=2000)
    # The keyboard stays on the field just mapped (its combo box is a new one).
    assert QApplication.focusWidget() is field_combo(wizard, "invoice_due_date") is not combo
    assert page.verdict.text.text() != before
    assert notice_has(page.verdict, "2 fouten")
    table = page.table
    afas = table.cellWidget(field_row(wizard, "invoice_due_date"),
                            mapping_page.COLUMNS.index("afas"))
    assert isinstance(afas, QComboBox) and afas.currentData() == "VervalDatum"

    # As with the mouse: pick LandCode from the list.
    combo = field_combo(wizard, "debtor_post_country_code")
    index = combo.findData("LandCode")
    assert index > 0
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    qtbot.waitUntil(lambda: field_status(wizard, "debtor_post_country_code") == "gekoppeld",
                    timeout=2000)
    assert notice_has(page.verdict, "1 fout,")
    assert notice_has(page.verdict, "Niet klaar")

    # Only the field AFAS does not have at all is left.
    assert errors(wizard) == {("field.missing", "administrations", "administration_origin_id")}
    report = current_report(wizard)
    assert report.verdict == "not_ready"
    session = wizard.state.session
    assert session is not None and session.options.mappings == {
        SALES: {"invoice_due_date": "VervalDatum", "debtor_post_country_code": "LandCode"}}
    sales = next(c for c in report.connectors if c.role == SALES)
    assert sales.status == "ok"
    assert page.connector.currentData() == SALES


def test_every_finding_reads_in_full_and_copies(qtbot: QtBot, simulator: Any,
                                                wizards: MakeWizard) -> None:
    """A long hint is not cut off: the details under the tree hold it whole and selectable;
    Ctrl+C on a finding puts its message, hint and examples on the clipboard."""
    wizard = wizards(simulator("fields_missing"))
    walk_to_connectors(qtbot, wizard)
    wait_check(qtbot, wizard)
    page = wizard.connectors
    assert page.banner.isVisible() and page.banner.word.text() == "Niet klaar"
    findings = [f for f in current_report(wizard).findings if f.role == SALES]
    longest = max(findings, key=lambda f: len(f.hint))
    assert len(longest.hint) > 200  # longer than any tree line shows

    sales = row(wizard, SALES)
    page.tree.setCurrentItem(sales)
    details = page.details.toPlainText()
    for finding in findings:
        assert finding.message in details and finding.hint in details
    assert page.details.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse

    child = next(sales.child(i) for i in range(sales.childCount())
                 if sales.child(i).data(0, connectors_page.FINDING) == longest)
    page.tree.setCurrentItem(child)
    assert page.details.toPlainText().count("Wat te doen:") == 1
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = " ".join(QApplication.clipboard().text().split())
    assert longest.message in copied and " ".join(longest.hint.split()) in copied
    assert "FOUT" in copied and longest.code in copied

    page.copy_all.trigger()
    everything = QApplication.clipboard().text()
    assert everything.count("field.missing") == len(
        [f for f in current_report(wizard).findings if f.code == "field.missing"])


def test_rows_with_a_field_choice_are_as_tall_as_the_others(
        qtbot: QtBot, simulator: Any, wizards: MakeWizard) -> None:
    """Issue 14: rows with a combo box stood taller than the rest, so the table did not line up."""
    wizard = wizards(simulator("fields_missing"))
    walk_to_connectors(qtbot, wizard)
    click_next(qtbot, wizard)
    page = wizard.mapping
    page.gaps_only.setChecked(False)
    page.connector.setCurrentIndex(page.connector.findData(SALES))
    table = page.table
    column = mapping_page.COLUMNS.index("afas")
    with_choice = [r for r in range(table.rowCount()) if table.cellWidget(r, column) is not None]
    assert with_choice and len(with_choice) < table.rowCount()
    heights = {table.rowHeight(r) for r in range(table.rowCount())}
    assert heights == {table.rowHeight(with_choice[0])}
    combo = table.cellWidget(with_choice[0], column)
    assert combo.sizeHint().height() <= table.rowHeight(with_choice[0])
