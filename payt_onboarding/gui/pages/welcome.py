"""Page 1: what is checked and what is needed; a new check, or a saved profile again."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6 import QtCore  # QtCore.Qt when used: its 94 enums are made then (~20 ms)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from payt_onboarding.checks.expiry import EXPIRY_WARNING_DAYS
from payt_onboarding.gui.jobs import Jobs
from payt_onboarding.gui.pages.base import Page
from payt_onboarding.gui.state import WizardState
from payt_onboarding.gui.texts import report_labels, translate
from payt_onboarding.gui.widgets import Notice, status_icon
from payt_onboarding.report.labels import days_left, expiry, when
from payt_onboarding.requirements.outline import connector_titles

if TYPE_CHECKING:  # pydantic: loaded by the worker that reads the profiles
    from payt_onboarding.profile.store import ProfileSummary


class WelcomePage(Page):
    def __init__(self, state: WizardState, jobs: Jobs) -> None:
        super().__init__(state, jobs)
        self.setTitle(translate("WelcomePage", "Connect AFAS Profit to Payt"))
        self.setSubTitle(translate("WelcomePage",
                                   "Check live whether an AFAS environment delivers everything "
                                   "Payt needs."))
        layout = QVBoxLayout(self)
        # The built-in file's titles without its model (pydantic), so the page paints at once.
        roles = "".join(f"<li>{html.escape(title)} ({html.escape(connector)})</li>"
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

        self.new_check = QRadioButton(translate("WelcomePage", "&New check"))
        self.recheck = QRadioButton(translate("WelcomePage", "Check a &saved profile again:"))
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
                                       translate("WelcomePage", "Token")])
        self.profiles.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.profiles.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.profiles.setAccessibleName(translate("WelcomePage", "Saved profiles"))
        self.profiles.setVisible(False)  # until the worker has read them
        layout.addWidget(self.profiles, 4)
        self.notice = Notice()
        layout.addWidget(self.notice)
        layout.addStretch(1)  # takes the room while there are no profiles

        self.profiles.itemSelectionChanged.connect(self._picked)
        self.profiles.itemActivated.connect(lambda *_: self.wizard().next())
        self.recheck.toggled.connect(self._mode)
        self.new_check.toggled.connect(self.completeChanged)

    def initializePage(self) -> None:
        self._load_list()

    def _load_list(self) -> None:
        """Read the profiles on the pool (files, pydantic): the page paints at once."""
        self.recheck.setEnabled(False)

        def work(progress: object, cancel: object) -> list[ProfileSummary]:
            from payt_onboarding.profile.store import ProfileStore

            return ProfileStore().list()

        self.jobs.start(work, self._show_list)

    def _show_list(self, summaries: list[ProfileSummary]) -> None:
        self.profiles.clear()
        w = report_labels()
        for summary in summaries:
            item = QTreeWidgetItem([summary.name, "", "", "", ""])
            item.setData(0, QtCore.Qt.ItemDataRole.UserRole, summary.name)
            if summary.error:
                item.setText(1, translate("WelcomePage", "unreadable"))
                item.setToolTip(0, summary.error)
                item.setToolTip(1, summary.error)
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
                _token_cell(item, summary.token_expiry)
            self.profiles.addTopLevelItem(item)
        has = self.profiles.topLevelItemCount() > 0
        self.recheck.setEnabled(has)
        if not has:
            self.profiles.setVisible(False)
            self.recheck.setText(translate("WelcomePage",
                                           "Check a saved profile again (no profiles yet)"))
        else:
            self.profiles.setVisible(True)

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
                "error", translate("WelcomePage", "This profile cannot be opened."), str(error))
            return False
        if self.state.profile != profile:
            self.state.profile = profile
            self.state.session = None
        return True



def _token_cell(item: QTreeWidgetItem, raw: str | None) -> None:
    """Until when the token AFAS showed at the last check is valid; a warning from 30 days
    before (as the check's token.expires_soon), so it is renewed before Payt stops."""
    left = days_left(raw)
    if left is None:
        return
    until = expiry(report_labels(), raw)
    if left > EXPIRY_WARNING_DAYS:
        item.setText(4, until)
        return
    if left < 0:
        text = translate("WelcomePage", "expired")
    elif left == 0:
        text = translate("WelcomePage", "expires today")
    elif left == 1:
        text = translate("WelcomePage", "expires tomorrow")
    else:
        text = translate("WelcomePage", "expires in {days} days").format(days=left)
    item.setIcon(4, status_icon("error" if left < 0 else "warning"))
    item.setText(4, text)
    item.setToolTip(4, translate("WelcomePage", "Valid until {date}, as AFAS said at the last "
                                 "check. Check the profile again with a new token.")
                    .format(date=until))
