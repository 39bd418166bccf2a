"""Page 1: what is checked and what is needed; a new check, or a saved profile again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore  # QtCore.Qt when used: its 94 enums are made then (~20 ms)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from payt_onboarding.gui.jobs import Jobs
from payt_onboarding.gui.pages.base import Page
from payt_onboarding.gui.state import WizardState
from payt_onboarding.gui.texts import in_language, report_labels, translate
from payt_onboarding.gui.widgets import Notice, RadioButton, status_icon
from payt_onboarding.requirements.outline import connector_titles

if TYPE_CHECKING:
    from payt_onboarding.gui.check_all import CheckAllDialog
    from payt_onboarding.gui.profile_list import Listed


class WelcomePage(Page):
    def __init__(self, state: WizardState, jobs: Jobs) -> None:
        super().__init__(state, jobs)
        self.setTitle(translate("WelcomePage", "Connect AFAS Profit to Payt"))
        self.setSubTitle(translate("WelcomePage",
                                   "Check live whether an AFAS environment delivers everything "
                                   "Payt needs."))
        layout = QVBoxLayout(self)
        # The built-in file's titles without its model (pydantic), so the page paints at once.
        roles = "".join(f"<li>{_escaped(title)} ({_escaped(connector)})</li>"
                        for title, connector in connector_titles(state.language))
        intro = QLabel(translate("WelcomePage",
                                 "<b>What is checked</b><ul>{roles}</ul>Per connector: does it "
                                 "exist, does it return rows, does it hold Payt's fields and "
                                 "are they filled. Also the invoice PDFs through "
                                 "AppConnectorSubject.<br><br><b>What you need</b>: the "
                                 "client's environment number (for example 12345) and the token "
                                 "of the AppConnector for Payt.").format(roles=roles))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addSpacing(intro.fontMetrics().height() // 2)

        self.new_check = RadioButton(translate("WelcomePage", "&New check"))
        self.recheck = RadioButton(translate("WelcomePage", "Check a &saved profile again:"))
        group = QButtonGroup(self)
        group.addButton(self.new_check)
        group.addButton(self.recheck)
        self.new_check.setChecked(True)
        layout.addWidget(self.new_check)
        layout.addWidget(self.recheck)

        self.profiles = QTreeWidget()
        self.profiles.setRootIsDecorated(False)
        self.profiles.setHeaderLabels([translate("WelcomePage", "Name"),
                                       translate("WelcomePage", "Environment"),
                                       translate("WelcomePage", "Verdict"),
                                       translate("WelcomePage", "Checked"),
                                       translate("WelcomePage", "Credentials"),
                                       translate("WelcomePage", "Valid until")])
        self.profiles.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.profiles.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.profiles.setAccessibleName(translate("WelcomePage", "Saved profiles"))
        self.profiles.setVisible(False)  # until the worker has read them
        layout.addWidget(self.profiles, 4)
        self.check_all = QPushButton(translate("WelcomePage", "&Check all"))
        self.check_all.setToolTip(translate(
            "WelcomePage", "Check every saved profile again with the token or client secret "
                           "stored for it, and see where each client stands."))
        self.check_all.setVisible(False)
        self.check_all.clicked.connect(self._check_all)
        row = QHBoxLayout()
        row.addWidget(self.check_all)
        row.addStretch(1)
        layout.addLayout(row)
        self.notice = Notice()
        layout.addWidget(self.notice)
        layout.addStretch(1)  # takes the room while there are no profiles

        self.profiles.itemSelectionChanged.connect(self._picked)
        self.profiles.itemActivated.connect(lambda *_: self.wizard().next())
        self.recheck.toggled.connect(self._mode)
        self.new_check.toggled.connect(self.completeChanged)
        self.listed: list[Listed] = []
        self.check_all_dialog: CheckAllDialog | None = None

    def initializePage(self) -> None:
        self._load_list()

    def _load_list(self) -> None:
        """Read the profiles on the pool (files, pydantic): the page paints at once."""
        self.recheck.setEnabled(False)
        self.jobs.start(_read_profiles, self._show_list, self._list_failed)

    def _list_failed(self, kind: str) -> None:
        self.notice.show_notice("error", translate("WelcomePage",
                                                   "The saved profiles cannot be read."),
                                translate("WelcomePage", "{kind}. See the log file (About).")
                                .format(kind=kind))

    def _show_list(self, listed: list[Listed]) -> None:
        from payt_onboarding.gui.profile_list import expiry_cell, kind_text
        from payt_onboarding.report.labels import when

        self.listed = listed
        self.profiles.clear()
        w = report_labels()
        for line in listed:
            summary = line.summary
            item = QTreeWidgetItem([summary.name, "", "", "", "", ""])
            item.setData(0, QtCore.Qt.ItemDataRole.UserRole, summary.name)
            if summary.error:
                item.setText(1, translate("WelcomePage", "unreadable"))
                problem = in_language(summary.problem, summary.error)
                item.setToolTip(0, problem)
                item.setToolTip(1, problem)
                item.setIcon(2, status_icon("error"))
                item.setText(2, translate("WelcomePage", "cannot be opened"))
                item.setFlags(item.flags() & ~QtCore.Qt.ItemFlag.ItemIsSelectable)
            else:
                env = w.environments.get(summary.environment or "", summary.environment or "")
                item.setText(1, f"{summary.uid} ({env})")
                verdict = summary.verdict
                if verdict:
                    item.setIcon(2, status_icon(verdict))
                    item.setText(2, w.verdicts[verdict] if verdict != "not_ready"
                                 else translate("WelcomePage", "Draft (not validated)"))
                item.setText(3, when(w, summary.checked_at) if summary.checked_at else "")
                standing = line.standing
                if standing is not None:
                    item.setText(4, kind_text(standing.kind))
                    cell = expiry_cell(standing.kind, standing.expiry, standing.days_left,
                                       summary.token_expiry)
                    item.setText(5, cell.text)
                    item.setToolTip(5, cell.tooltip)
                    if cell.status:
                        item.setIcon(5, status_icon(cell.status))
            self.profiles.addTopLevelItem(item)
        has = self.profiles.topLevelItemCount() > 0
        self.recheck.setEnabled(has)
        self.profiles.setVisible(has)
        self.check_all.setVisible(has)
        self.recheck.setText(translate("WelcomePage", "Check a &saved profile again:") if has
                             else translate("WelcomePage",
                                            "Check a saved profile again (no profiles yet)"))

    def _check_all(self) -> None:
        from payt_onboarding.gui.check_all import CheckAllDialog

        if self.check_all_dialog is None or not self.check_all_dialog.running:
            if self.check_all_dialog is not None:
                self.check_all_dialog.deleteLater()  # the last run's: a new run replaces it
            self.check_all_dialog = CheckAllDialog(self.state, self.jobs, self.listed, self)
            if not self.check_all_dialog.start():
                return
        self.check_all_dialog.open()

    def _picked(self) -> None:
        if self.profiles.selectedItems():
            self.recheck.setChecked(True)
        self.completeChanged.emit()

    def _mode(self, recheck: bool) -> None:
        first = self.profiles.topLevelItem(0)
        if recheck and not self.profiles.selectedItems() and first is not None:
            self.profiles.setCurrentItem(first)
        self.completeChanged.emit()

    def selected_name(self) -> str | None:
        items = self.profiles.selectedItems()
        return items[0].data(0, QtCore.Qt.ItemDataRole.UserRole) if items else None

    def isComplete(self) -> bool:
        return self.new_check.isChecked() or self.selected_name() is not None

    def validatePage(self) -> bool:
        self.notice.clear()
        if self.new_check.isChecked():
            if self.state.profile is not None:
                self.state.profile = None
                self.state.session = None
            return True
        name = self.selected_name()
        assert name is not None
        from payt_onboarding.profile.store import ProfileError, ProfileStore

        try:
            profile = ProfileStore().load(name)
        except ProfileError as error:
            self.notice.show_notice(
                "error", translate("WelcomePage", "This profile cannot be opened."),
                error.text(self.state.language))
            return False
        if self.state.profile != profile:
            self.state.profile = profile
            self.state.session = None
        return True


def _read_profiles(progress: object, cancel: object) -> list[Listed]:
    """The saved profiles, read on the pool: the module that reads them is imported there too,
    after the first paint."""
    from payt_onboarding.gui.profile_list import read_profiles

    return read_profiles(progress, cancel)


def _escaped(text: str) -> str:
    """`text` inside rich text, as html.escape makes it (quotes need none outside attributes),
    without importing html and its entity table before the first paint."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
