"""Check all: every saved profile checked again with the credentials stored for it (app.batch on
the thread pool), a row per client filled in as its result comes, and each client's report a
double-click away.

Never a credential prompt: a profile without a stored token or secret is listed "not checked".
The one question is the wizard's usual one, asked once for all: may stored secrets go to
addresses that are not AFAS's own (a simulator, a proxy)?
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from payt_onboarding.gui.jobs import Jobs
from payt_onboarding.gui.profile_list import Listed, expiry_cell, kind_text
from payt_onboarding.gui.state import WizardState
from payt_onboarding.gui.texts import report_labels, translate
from payt_onboarding.gui.widgets import Notice, status_icon, status_word

if TYPE_CHECKING:
    from payt_onboarding.app.batch import ClientRow
    from payt_onboarding.checks.progress import Cancellation

PROFILE, VERDICT, CREDENTIALS, EXPIRY, DEADLINE, CHANGES = range(6)


class CheckAllDialog(QDialog):
    def __init__(self, state: WizardState, jobs: Jobs, listed: list[Listed],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state, self.jobs, self.listed = state, jobs, listed
        self.setWindowTitle(translate("CheckAll", "Check all saved profiles"))
        self.resize(1120, 520)
        layout = QVBoxLayout(self)
        intro = QLabel(translate(
            "CheckAll", "Every saved profile is checked again with the token or client secret "
                        "stored for it. Double-click a client to open its report."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.progress = QProgressBar()
        self.progress.setRange(0, max(1, len(listed)))
        self.progress.setValue(0)
        self.progress.setFormat(translate("CheckAll", "%v of %m"))
        layout.addWidget(self.progress)

        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels([translate("CheckAll", "Profile"),
                                    translate("CheckAll", "Verdict"),
                                    translate("CheckAll", "Credentials"),
                                    translate("CheckAll", "Valid until"),
                                    translate("CheckAll", "Deadline"),
                                    translate("CheckAll", "Changes")])
        self.table.headerItem().setToolTip(CHANGES, translate(
            "CheckAll", "Changes since the last validation: connectors, fields, findings, fill "
                        "rates, expiry. The report lists them."))
        self.table.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAccessibleName(translate("CheckAll", "Results per client"))
        layout.addWidget(self.table, 1)
        self.notice = Notice()
        layout.addWidget(self.notice)

        buttons = QDialogButtonBox()
        self.open_report = QPushButton(translate("CheckAll", "&Open report"))
        self.open_report.setEnabled(False)
        self.stop = QPushButton(translate("CheckAll", "&Stop"))
        self.close_button = QPushButton(translate("CheckAll", "&Close"))
        buttons.addButton(self.open_report, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.stop, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(buttons)

        self.items: dict[str, QTreeWidgetItem] = {}
        self.rows: dict[str, ClientRow] = {}
        for line in listed:
            self._item(line.summary.name)
        self.running = False
        self.cancel: Cancellation | None = None
        self.table.itemSelectionChanged.connect(self._picked)
        self.table.itemActivated.connect(lambda item, _: self.show_report(item))
        self.open_report.clicked.connect(lambda: self.show_report(self.table.currentItem()))
        self.stop.clicked.connect(self.stop_checks)
        self.close_button.clicked.connect(self.reject)

    def _item(self, name: str) -> QTreeWidgetItem:
        item = self.items.get(name)
        if item is None:
            item = QTreeWidgetItem([name, status_word("waiting"), "", "", "", ""])
            item.setIcon(VERDICT, status_icon("waiting"))
            item.setData(PROFILE, Qt.ItemDataRole.UserRole, name)
            self.table.addTopLevelItem(item)
            self.items[name] = item
        return item

    # --- running -------------------------------------------------------------------------

    def start(self, trust: bool | None = None) -> bool:
        """Ask about foreign addresses (once; `trust` answers it beforehand), then check on the
        pool. False: nothing to do."""
        if not self.listed:
            return False
        if trust is None:
            trust = self._trust_foreign_addresses()
        state = self.state

        def work(progress: Any, cancel: Cancellation) -> list[ClientRow]:
            from payt_onboarding.app.batch import check_profiles
            from payt_onboarding.checks.session import CheckOptions

            return check_profiles(
                requirements=state.requirements, options=CheckOptions(language=state.language),
                trust_base_url=trust, cancel=cancel,
                on_row=lambda row: progress(("row", row)),
                on_start=lambda name: progress(("start", name)))

        self.running = True
        self.stop.setEnabled(True)
        self.notice.clear()
        self.cancel = self.jobs.start(work, self._done, self._failed, self._progress)
        return True

    def _trust_foreign_addresses(self) -> bool:
        foreign = sorted({line.foreign_address for line in self.listed if line.foreign_address})
        if not foreign:
            return False
        answer = QMessageBox.question(
            self, translate("CheckAll", "Send stored tokens and secrets to these addresses?"),
            translate("CheckAll",
                      "These profiles send their token or client secret to an address that is "
                      "not AFAS's own:\n\n{addresses}\n\nOnly answer Yes if you trust these "
                      "addresses, for example your own simulator. With No, those profiles are "
                      "listed as not checked.").format(addresses=_some(foreign)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _progress(self, event: object) -> None:
        if not isinstance(event, tuple):
            return
        kind, value = event
        if kind == "start":
            item = self._item(value)
            item.setIcon(VERDICT, status_icon("running"))
            item.setText(VERDICT, status_word("running"))
        elif kind == "row":
            self._show_row(value)

    def _show_row(self, row: ClientRow) -> None:
        self.rows[row.profile] = row
        item = self._item(row.profile)
        w = report_labels()
        if row.status == "checked" and row.verdict is not None:
            item.setIcon(VERDICT, status_icon(row.verdict))
            verdict = w.verdicts[row.verdict]
            if row.cancelled:
                verdict = translate("CheckAll", "{verdict} (stopped early)").format(
                    verdict=verdict)
            item.setText(VERDICT, verdict)
            item.setToolTip(VERDICT, translate("CheckAll", "Double-click to open the report."))
        else:
            item.setIcon(VERDICT, status_icon("error" if row.status == "failed" else "skipped"))
            reason = _reason(row)
            item.setText(VERDICT, (translate("CheckAll", "not checked: {reason}")
                                   if row.status == "not_checked"
                                   else translate("CheckAll", "failed: {reason}"))
                         .format(reason=reason))
            item.setToolTip(VERDICT, reason)
        item.setText(CREDENTIALS, kind_text(row.credential))
        cell = expiry_cell(row.credential, row.expiry, row.days_left)
        item.setText(EXPIRY, cell.text)
        item.setToolTip(EXPIRY, cell.tooltip)
        item.setIcon(EXPIRY, status_icon(cell.status) if cell.status else QIcon())
        if row.deadline is not None:
            item.setText(DEADLINE, _deadline_text(row.deadline))
            item.setIcon(DEADLINE, status_icon(row.deadline_severity or "warning"))
        if row.status == "checked":
            item.setText(CHANGES, _changes_text(row.changes))
            if row.changes is None:
                item.setToolTip(CHANGES, translate(
                    "CheckAll", "This profile was saved before this version kept what it "
                                "validated: there is nothing to compare with yet."))
        self.progress.setMaximum(max(self.progress.maximum(), len(self.items)))  # one added since
        self.progress.setValue(len(self.rows))
        self._picked()

    def _done(self, rows: list[ClientRow]) -> None:
        for row in rows:  # rows the progress events have not shown yet
            if row.profile not in self.rows:
                self._show_row(row)
        self.running = False
        self.stop.setEnabled(False)
        checked = sum(r.status == "checked" for r in rows)
        not_checked = len(rows) - checked
        summary = translate("CheckAll", "{checked} of {total} checked, {not_checked} not "
                                        "checked.").format(checked=checked, total=len(rows),
                                                           not_checked=not_checked)
        stopped = self.cancel is not None and self.cancel.cancelled
        self.notice.show_notice("warning" if stopped or not_checked else "ok",
                                translate("CheckAll", "Stopped.") if stopped
                                else translate("CheckAll", "Done."), summary)

    def _failed(self, error: str) -> None:
        self.running = False
        self.stop.setEnabled(False)
        self.notice.show_notice("error", translate("CheckAll", "Check all stopped on an "
                                                               "unexpected error."),
                                translate("CheckAll", "{error}. See the log file (About).")
                                .format(error=error))

    def stop_checks(self) -> None:
        if self.cancel is not None and self.running:
            self.cancel.cancel()
            self.stop.setEnabled(False)
            self.notice.show_notice("info", translate("CheckAll", "Stopping…"))

    # --- the reports ---------------------------------------------------------------------

    def _picked(self) -> None:
        self.open_report.setEnabled(self._report_of(self.table.currentItem()) is not None)

    def _report_of(self, item: QTreeWidgetItem | None) -> ClientRow | None:
        if item is None:
            return None
        row = self.rows.get(item.data(PROFILE, Qt.ItemDataRole.UserRole))
        return row if row is not None and row.report is not None else None

    def show_report(self, item: QTreeWidgetItem | None) -> QDialog | None:
        row = self._report_of(item)
        if row is None or row.report is None:
            return None
        from payt_onboarding.gui.report_dialog import ReportDialog

        dialog = ReportDialog(row.profile, row.report, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # --- closing -------------------------------------------------------------------------

    def reject(self) -> None:
        self.stop_checks()  # closing stops what runs; the rows so far stay for a reopen
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop_checks()
        super().closeEvent(event)


def _reason(row: ClientRow) -> str:
    if row.reason_code == "untrusted_address":  # the CLI's words name --trust-base-url
        return translate("CheckAll", "you chose not to send its stored secret to an address "
                                     "that is not AFAS's own")
    if row.reason_code == "cancelled":
        return translate("CheckAll", "stopped before its turn")
    return row.reason


def _deadline_text(code: str) -> str:
    return {
        "token.expires_soon": translate("CheckAll", "token expires soon"),
        "token.classic_phase_out": translate("CheckAll", "classic tokens end"),
    }.get(code, code)


def _changes_text(changes: int | None) -> str:
    if changes is None:
        return "—"
    if changes == 0:
        return translate("CheckAll", "none")
    return str(changes)


def _some(addresses: list[str], shown: int = 8) -> str:
    """The addresses one per line; past `shown`, how many more (a fleet of 50 fits no box)."""
    lines = addresses[:shown]
    if len(addresses) > shown:
        lines.append(translate("CheckAll", "… and {count} more").format(
            count=len(addresses) - shown))
    return "\n".join(lines)
