"""Page 4: every connector tested live and in parallel, with progress, cancel and test again."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from payt_onboarding.gui.jobs import Jobs
from payt_onboarding.gui.pages.base import Page
from payt_onboarding.gui.state import WizardState
from payt_onboarding.gui.texts import language, report_labels, translate
from payt_onboarding.gui.widgets import (
    Notice,
    VerdictBanner,
    counts,
    status_icon,
    status_word,
)
from payt_onboarding.report.labels import counted, duration

if TYPE_CHECKING:  # pydantic and the engine load when a check runs, not at start
    from payt_onboarding.checks.progress import Cancellation, ProgressCallback, ProgressEvent
    from payt_onboarding.checks.session import CheckSession
    from payt_onboarding.report.model import Finding, Report

COLUMNS = ("title", "connector", "status", "rows", "time", "findings")
ROLE = Qt.ItemDataRole.UserRole
FINDING = Qt.ItemDataRole.UserRole + 1


class ConnectorsPage(Page):
    def __init__(self, state: WizardState, jobs: Jobs) -> None:
        super().__init__(state, jobs)
        self.setTitle(translate("ConnectorsPage", "Testing the connectors"))
        self.setSubTitle(translate("ConnectorsPage",
                                   "Every GetConnector Payt uses is queried live. Choose a row "
                                   "for its findings and what to do about them."))
        layout = QVBoxLayout(self)
        self.banner = VerdictBanner()
        layout.addWidget(self.banner)
        top = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress_label = QLabel()
        top.addWidget(self.progress, 1)
        top.addWidget(self.progress_label)
        layout.addLayout(top)

        self.tree = QTreeWidget()
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels([
            translate("ConnectorsPage", "Part"), translate("ConnectorsPage", "Connector"),
            translate("ConnectorsPage", "Status"), translate("ConnectorsPage", "Rows"),
            translate("ConnectorsPage", "Time"), translate("ConnectorsPage", "Findings")])
        header = self.tree.header()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column in range(len(COLUMNS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # No dotted box around an unselected first cell; the keyboard moves the selection,
        # which shows where it is.
        self.tree.setStyleSheet("QTreeView { outline: 0; }")
        self.tree.setAccessibleName(translate("ConnectorsPage", "Connectors"))
        self.copy_one = QAction(translate("ConnectorsPage", "&Copy finding"), self.tree)
        self.copy_one.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_one.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_all = QAction(translate("ConnectorsPage", "Copy &all findings"), self.tree)
        self.tree.addActions([self.copy_one, self.copy_all])
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        layout.addWidget(self.tree, 3)
        # Each finding in full, selectable: a tree line would cut a long hint off.
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.setAccessibleName(translate("ConnectorsPage", "Findings in full"))
        layout.addWidget(self.details, 2)
        self.notice = Notice()
        layout.addWidget(self.notice)
        # Takes the tree's room when there is no tree to show (the connection failed).
        self.filler = QWidget()
        self.filler.hide()
        layout.addWidget(self.filler, 5)

        buttons = QHBoxLayout()
        self.again = QPushButton(translate("ConnectorsPage", "Test &all again"))
        self.again_one = QPushButton(translate("ConnectorsPage", "T&est this connector again"))
        self.cancel_button = QPushButton(translate("ConnectorsPage", "&Stop"))
        self.load = QPushButton(translate("ConnectorsPage", "&Load requirements…"))
        for button in (self.again, self.again_one, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.load)
        layout.addLayout(buttons)

        self.again.clicked.connect(self.start_check)
        self.again_one.clicked.connect(self._again_one)
        self.cancel_button.clicked.connect(self.cancel_check)
        self.load.clicked.connect(self._load_requirements)
        self.tree.itemSelectionChanged.connect(self._buttons)
        self.tree.itemSelectionChanged.connect(self._detail)
        self.copy_one.triggered.connect(self.copy_selected)
        self.copy_all.triggered.connect(self.copy_everything)
        self.running: Cancellation | None = None
        self.shown: Report | None = None
        self.items: dict[str, QTreeWidgetItem] = {}

    # -- running -------------------------------------------------------------------------------

    def initializePage(self) -> None:
        if self.state.session is None or self.state.checked_for != self.state.current_key():
            self.start_check()
        else:
            self._show(self.state.session.report())

    def start_check(self) -> None:
        self._run(None)

    def _again_one(self) -> None:
        role = self._selected_role()
        if role is not None:
            self._run(role)

    def _run(self, role: str | None) -> None:
        environment, token = self.state.environment, self.state.token
        if environment is None or token is None or self.running is not None:
            return
        options = self.state.options()
        if role is not None:
            options = dataclasses.replace(options, roles=frozenset({role}))
        else:
            self._rows()
            self.shown = None  # no finding of the last check shows under the new one
        requirements = self.state.requirements
        self.notice.clear()
        self.banner.hide()
        self.details.clear()
        for widget in (self.progress, self.tree, self.details):
            widget.show()
        self.filler.hide()
        count = len(requirements.connectors) if role is None else 1
        self.progress.setRange(0, count)
        self.progress.setValue(0)
        self.progress_label.setText(translate("ConnectorsPage", "Running…"))
        for each, item in self.items.items():
            if role is None or each == role:
                self._set_status(item, "waiting")
                item.takeChildren()

        async def work(progress: ProgressCallback, cancel: Cancellation) -> CheckSession:
            from payt_onboarding.app.check import run_check_session  # the engine, when used

            return await run_check_session(environment, token, requirements, options,
                                    progress=progress, cancel=cancel)

        key = self.state.current_key()
        self.running = self.jobs.start(
            work, lambda session: self._finished(session, role, key), failed=self._failed,
            progress=self._progress)
        self._buttons()
        self.completeChanged.emit()

    def cancel_check(self) -> None:
        if self.running is not None:
            self.running.cancel()
            self.progress_label.setText(translate("ConnectorsPage", "Stopping…"))

    def _progress(self, event: ProgressEvent) -> None:
        item = self.items.get(event.role or "")
        if event.kind in ("check_started", "connector_started") and event.total:
            self.progress.setMaximum(max(event.total, 1))
        if item is None:
            return
        if event.kind == "connector_started":
            self._set_status(item, "running")
        elif event.kind == "rows_read":
            item.setText(COLUMNS.index("rows"), str(event.rows))
        elif event.kind == "connector_finished":
            self._set_status(item, event.status or "ok")
            item.setText(COLUMNS.index("rows"), str(event.rows))
            self.progress.setValue(event.done)
            self.progress_label.setText(translate("ConnectorsPage", "{done} of {total} tested")
                                        .format(done=event.done, total=event.total))

    def _finished(self, session: CheckSession, role: str | None, key: tuple[object, ...]) -> None:
        self.running = None
        if role is not None and self.state.session is not None:
            if session.info is None:  # the connection itself failed: keep the last result
                self._show(self.state.session.report())
                finding = session.report().findings[0]
                self.notice.show_notice("error", finding.message, finding.hint)
                self._buttons()
                return
            self.state.session.take_role(session, role)
            self.state.unsaved = True
        else:
            self.state.session = session
            self.state.checked_for = key
            self.state.compared_with = self.state.profile
            self.state.unsaved = not session.stop_findings  # a stopped check is no loss
        self._show(self.state.session.report())
        self._buttons()
        self.completeChanged.emit()

    def _failed(self, kind: str) -> None:
        self.running = None
        self.progress_label.setText("")
        self.notice.show_notice(
            "error", translate("ConnectorsPage", "The check failed unexpectedly."),
            translate("ConnectorsPage", "Try again. ({kind})").format(kind=kind))
        self._buttons()
        self.completeChanged.emit()

    # -- showing -------------------------------------------------------------------------------

    def _rows(self) -> None:
        self.tree.clear()
        self.items = {}
        for req in self.state.requirements.connectors:
            title = req.title_in(self.state.language)
            item = QTreeWidgetItem([title, req.connector, "", "", "", ""])
            item.setData(0, ROLE, req.role)
            self.tree.addTopLevelItem(item)
            self.items[req.role] = item
            self._set_status(item, "waiting")

    def _show(self, report: Report) -> None:
        self.shown = report  # what the tree and the details show; built once per result
        if set(self.items) != {c.role for c in report.connectors}:
            self._rows()
        w = report_labels()
        for result in report.connectors:
            item = self.items[result.role]
            item.setText(COLUMNS.index("connector"), result.connector_id or
                         result.expected_connector)
            self._set_status(item, result.status)
            item.setText(COLUMNS.index("rows"), str(result.rows_sampled)
                         if result.connector_id else "")
            item.setText(COLUMNS.index("time"), duration(w, result.duration_ms)
                         if result.connector_id and result.duration_ms else "")
            own = [f for f in report.findings if f.role == result.role]
            severities: list[str] = [f.severity for f in own]
            # Errors and warnings; notes only when there is nothing worse (the column is narrow).
            worse = [k for k in ("error", "warning") if k in severities]
            shown = worse if worse else [k for k in ("info",) if k in severities]
            item.setText(COLUMNS.index("findings"), ", ".join(
                counted(w, kind, severities.count(kind)) for kind in shown))
            item.takeChildren()
            for finding in own:
                child = _finding_item(finding)
                item.addChild(child)
                child.setFirstColumnSpanned(True)
            # What failed is open at once; the rest is a click away.
            item.setExpanded(result.status in ("error", "missing"))
        general = [f for f in report.findings if f.role is None]
        # AFAS refused the connection itself: nothing was tested, so no full bar and no rows
        # of "skipped" that look like a result; say so, and what Next still does.
        connected = report.target.envid is not None
        for widget in (self.progress, self.tree, self.details):
            widget.setVisible(connected)
        self.filler.setVisible(not connected)
        if general:
            worst = general[0]
            hint = translate("ConnectorsPage", "What to do: ") + worst.hint
            if not connected:
                hint += "\n" + translate(
                    "ConnectorsPage", "Nothing was tested. Go Back to change the environment "
                    "or the token; Next only saves this environment as a draft.")
            self.notice.show_notice(worst.severity, worst.message, hint)
        else:
            self.notice.clear()
        self.progress.setValue(self.progress.maximum())
        self.progress_label.setText(translate("ConnectorsPage", "Stopped")
                                    if report.cancelled else "")
        self.banner.show_verdict("cancelled" if report.cancelled else report.verdict,
                                 w.verdicts[report.verdict], counts(report))
        self._detail()

    def _set_status(self, item: QTreeWidgetItem, status: str) -> None:
        column = COLUMNS.index("status")
        item.setIcon(column, status_icon(status))
        item.setText(column, status_word(status))

    def _selected_findings(self) -> list[Finding]:
        """The selected finding, or every finding of the selected connector."""
        items = self.tree.selectedItems()
        if not items:
            return []
        from payt_onboarding.report.model import Finding

        finding = items[0].data(0, FINDING)
        if isinstance(finding, Finding):
            return [finding]
        role = self._selected_role()
        return [f for f in self._report_findings() if f.role == role]

    def _report_findings(self) -> list[Finding]:
        return list(self.shown.findings) if self.shown is not None else []

    def _detail(self) -> None:
        """The selected connector's findings (or the selected one) in full, hint and examples
        included; with nothing selected, the findings of the failed connectors."""
        findings = self._selected_findings()
        if not self.tree.selectedItems():
            failed = {role for role, item in self.items.items() if item.isExpanded()}
            findings = [f for f in self._report_findings() if f.role in failed]
        from payt_onboarding.gui.report_view import finding_html

        shown = self.shown
        self.details.setHtml("".join(finding_html(f, shown) for f in findings)
                             if shown is not None else "")

    def copy_selected(self) -> None:
        self._copy(self._selected_findings() or self._report_findings())

    def copy_everything(self) -> None:
        self._copy(self._report_findings())

    def _copy(self, findings: list[Finding]) -> None:
        if not findings or self.shown is None:
            return
        from payt_onboarding.report.render_text import finding_lines

        titles = {c.role: c.title for c in self.shown.connectors if c.title}
        text = "\n\n".join("\n".join(line.strip() for line in
                                      finding_lines(f, report_labels(), titles, width=10_000))
                            for f in findings)
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(text)

    def _selected_role(self) -> str | None:
        items = self.tree.selectedItems()
        if not items:
            return None
        item = items[0]
        while (parent := item.parent()) is not None:
            item = parent
        role = item.data(0, ROLE)
        return role if isinstance(role, str) else None

    def _buttons(self) -> None:
        busy = self.running is not None
        self.again.setEnabled(not busy)
        self.again_one.setEnabled(not busy and self._selected_role() is not None
                                  and self.state.session is not None)
        self.cancel_button.setEnabled(busy)
        self.load.setEnabled(not busy)

    def _load_requirements(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("ConnectorsPage", "Load Payt requirements"), "",
            translate("ConnectorsPage", "Payt requirements (*.toml);;All files (*)"))
        if path:
            self.load_requirements(path)

    def load_requirements(self, path: str) -> None:
        from payt_onboarding.requirements.load import RequirementsError, load_requirements

        try:
            self.state.requirements = load_requirements(path)
        except RequirementsError as error:
            self.notice.show_notice("error", translate("ConnectorsPage",
                                                       "This requirements file cannot be used."),
                                    error.text(language()))
            return
        self.state.session = None
        self.start_check()

    def isComplete(self) -> bool:
        return self.running is None and self.state.session is not None


def _finding_item(finding: Finding) -> QTreeWidgetItem:
    word = report_labels().severities[finding.severity].capitalize()
    child = QTreeWidgetItem([f"{word}: {finding.message}"])
    child.setIcon(0, status_icon(finding.severity))
    child.setData(0, FINDING, finding)
    return child

