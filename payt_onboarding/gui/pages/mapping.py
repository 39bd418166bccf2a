"""Page 5: Payt's fields per connector, the gaps and a field to close each one with; the
cross-connector findings. A choice is judged at once from the rows the check already read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from payt_onboarding.gui.jobs import Jobs
from payt_onboarding.gui.pages.base import Page
from payt_onboarding.gui.state import WizardState
from payt_onboarding.gui.texts import report_labels, translate
from payt_onboarding.gui.widgets import (
    CheckBox,
    Notice,
    counts,
    heading,
    status_icon,
    status_word,
)
from payt_onboarding.report.labels import percent, sample_text
from payt_onboarding.vocabulary import SEVERITY_ORDER

if TYPE_CHECKING:  # pydantic, once there is a report to show
    from payt_onboarding.report.model import AfasField, ConnectorResult, FieldResult, Report

COLUMNS = ("payt", "mandatory", "afas", "type", "status", "fill", "samples")
GAPS = frozenset({"missing", "type_mismatch", "empty"})
UNMAP = "\x00unmap"  # the combo's "read it by its own name again" entry


class MappingPage(Page):
    def __init__(self, state: WizardState, jobs: Jobs) -> None:
        super().__init__(state, jobs)
        self.setTitle(translate("MappingPage", "Field mapping"))
        self.setSubTitle(translate("MappingPage",
                                   "Where a field is missing under the name Payt expects, "
                                   "choose the AFAS field that holds the value. The result is "
                                   "judged again at once."))
        layout = QVBoxLayout(self)
        self.verdict = Notice()
        layout.addWidget(self.verdict)

        bar = QHBoxLayout()
        self.connector = QComboBox()
        self.connector.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        connector_label = QLabel(translate("MappingPage", "&Connector:"))
        connector_label.setBuddy(self.connector)
        self.gaps_only = CheckBox(translate("MappingPage", "Show only &gaps"))
        self.gaps_only.setChecked(True)
        bar.addWidget(connector_label)
        bar.addWidget(self.connector, 1)
        bar.addWidget(self.gaps_only)
        layout.addLayout(bar)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([
            translate("MappingPage", "Payt field"), translate("MappingPage", "Mandatory"),
            translate("MappingPage", "AFAS field"), translate("MappingPage", "AFAS type"),
            translate("MappingPage", "Status"),
            translate("MappingPage", "Filled"), translate("MappingPage", "Samples")])
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.verticalHeader().setVisible(False)
        # Every row as tall as one with a combo box, so the rows line up.
        self.table.verticalHeader().setDefaultSectionSize(QComboBox().sizeHint().height() + 2)
        self.table.setWordWrap(False)  # one line per field; every sample is in the tooltip
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAccessibleName(translate("MappingPage", "Fields"))
        self.empty_note = QLabel()
        self.empty_note.setWordWrap(True)

        cross = QWidget()
        cross_layout = QVBoxLayout(cross)
        cross_layout.setContentsMargins(0, 0, 0, 0)
        cross_layout.addWidget(heading(translate("MappingPage", "Across connectors")))
        self.cross = QTreeWidget()
        self.cross.setHeaderLabels([translate("MappingPage", "Finding"),
                                    translate("MappingPage", "Count")])
        self.cross.header().setStretchLastSection(False)
        self.cross.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.cross.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.cross.setWordWrap(True)
        self.cross.setAccessibleName(translate("MappingPage", "Findings across connectors"))
        cross_layout.addWidget(self.cross)

        fields = QWidget()
        fields_layout = QVBoxLayout(fields)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        # After a full scan a new mapping is judged on the rows kept, not on every row read.
        self.sample_note = QLabel()
        self.sample_note.setWordWrap(True)
        self.sample_note.hide()
        fields_layout.addWidget(self.sample_note)
        fields_layout.addWidget(self.table, 1)
        fields_layout.addWidget(self.empty_note)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(fields)
        split.addWidget(cross)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)

        self.shown: Report | None = None  # the report on screen
        self.connector.currentIndexChanged.connect(self._fill_table)
        self.gaps_only.toggled.connect(self._fill_table)

    def initializePage(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Everything from one new report: after a check, and after each mapping."""
        session = self.state.session
        if session is None:
            return
        self.shown = report = session.report()
        self._verdict(report)
        role = self.connector.currentData()
        self.connector.blockSignals(True)
        self.connector.clear()
        for result in report.connectors:
            gaps = sum(f.status in GAPS for f in result.fields)
            label = result.title
            if not result.connector_id:
                label += translate("MappingPage", " — not tested")
            elif gaps == 1:
                label += translate("MappingPage", " — 1 field to map")
            elif gaps:
                label += translate("MappingPage", " — {gaps} fields to map").format(gaps=gaps)
            self.connector.addItem(status_icon(result.status), label, result.role)
        index = self.connector.findData(role) if role else self._first_with_gaps(report)
        self.connector.setCurrentIndex(max(index, 0))
        self.connector.blockSignals(False)
        self._fill_table()
        self._cross(report)

    def _first_with_gaps(self, report: Report) -> int:
        for index, result in enumerate(report.connectors):
            if any(f.status in GAPS for f in result.fields):
                return index
        return 0

    def _verdict(self, report: Report) -> None:
        self.verdict.show_notice(
            report.verdict,
            translate("MappingPage", "Verdict now: ") + report_labels().verdicts[report.verdict],
            counts(report))

    def _result(self) -> ConnectorResult | None:
        if self.shown is None:
            return None
        role = self.connector.currentData()
        return next((c for c in self.shown.connectors if c.role == role), None)

    def _fill_table(self) -> None:
        result = self._result()
        self.table.setRowCount(0)
        judged = result.judged_rows if result is not None else None
        self.sample_note.setVisible(judged is not None)
        if judged is not None:
            self.sample_note.setText(translate(
                "MappingPage", "All {read} rows were read, but this mapping is judged on the "
                "first {judged} only. Test again to judge it on every row.").format(
                    read=result.rows_sampled if result else 0, judged=judged))
        if result is None:
            return
        if not result.connector_id:
            self.empty_note.setText(translate("MappingPage",
                                              "This connector was not tested: the previous page "
                                              "says why."))
            self.empty_note.show()
            return
        shown = [f for f in result.fields
                 if not self.gaps_only.isChecked() or f.status in GAPS or f.status == "mapped"]
        self.empty_note.setVisible(not shown)
        self.empty_note.setText(translate("MappingPage",
                                          "All of Payt's fields are present and filled."))
        self.table.setRowCount(len(shown))
        w = report_labels()
        for row, field in enumerate(shown):
            cells = [
                field.payt_field + (f" ({field.payt_type})" if field.payt_type else ""),
                w.mandatory if field.mandatory else w.optional,
                field.afas_field or "—",
                field.afas_type or "—",
                status_word(field.status),
                percent(field.fill_rate),
                ", ".join(sample_text(w, s, field.payt_type) for s in field.samples[:3]),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, field.payt_field)
                if column == COLUMNS.index("status"):
                    # An optional field that is missing is for information, not an error.
                    optional_gap = not field.mandatory and field.status in GAPS
                    item.setIcon(status_icon("info" if optional_gap else field.status))
                if column == COLUMNS.index("samples"):
                    item.setToolTip("\n".join(sample_text(w, s, field.payt_type)
                                               for s in field.samples))
                self.table.setItem(row, column, item)
            if field.status != "ok":
                self.table.setCellWidget(row, COLUMNS.index("afas"),
                                         self._choice(result.role, field))
        widths = [combo.sizeHint().width() for row in range(len(shown))
                  if (combo := self.table.cellWidget(row, COLUMNS.index("afas"))) is not None]
        if widths:
            column = COLUMNS.index("afas")
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, max([*widths, self.table.columnWidth(column)]))

    def _choice(self, role: str, field: FieldResult) -> QComboBox:
        assert self.state.session is not None
        suggested, others = self.state.session.mapping_choices(role, field.payt_field)
        combo = QComboBox()
        combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(22)
        combo.setAccessibleName(translate("MappingPage", "AFAS field for {payt_field}")
                                .format(payt_field=field.payt_field))
        if field.afas_field:
            combo.addItem(field.afas_field, field.afas_field)
        else:
            combo.addItem(translate("MappingPage", "— choose an AFAS field —"), None)
        for afas in suggested:
            combo.addItem(_label(afas) + translate("MappingPage", "  (suggested)"), afas.id)
        if suggested and others:
            combo.insertSeparator(combo.count())
        for afas in others:
            combo.addItem(_label(afas), afas.id)
        if field.status == "mapped" or (field.afas_field and field.status != "ok"):
            combo.addItem(translate("MappingPage", "Remove the mapping ({payt_field})")
                          .format(payt_field=field.payt_field), UNMAP)
        combo.activated.connect(
            lambda index: self._chosen(role, field.payt_field, combo.itemData(index)))
        return combo

    def _chosen(self, role: str, payt_field: str, afas_id: str | None) -> None:
        if afas_id is None or self.state.session is None:
            return
        self.state.session.remap(role, payt_field, None if afas_id == UNMAP else afas_id)
        self.state.unsaved = True
        # Not from inside the combo's own signal: refreshing replaces the combo.
        QTimer.singleShot(0, lambda: self._refresh_at(payt_field))

    def _refresh_at(self, payt_field: str) -> None:
        """Refresh, and keep the keyboard where it was: on the field just mapped."""
        focused = QApplication.focusWidget()
        had_focus = focused is not None and self.table.isAncestorOf(focused)
        self.refresh()
        column = COLUMNS.index("afas")
        for row in range(self.table.rowCount()):
            item = self.table.item(row, COLUMNS.index("payt"))
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == payt_field:
                self.table.setCurrentCell(row, column)
                if had_focus:
                    target = self.table.cellWidget(row, column) or self.table
                    target.setFocus()
                break

    def _cross(self, report: Report) -> None:
        assert self.state.session is not None
        session = self.state.session
        found = sorted(session.rule_findings + session.attachment_findings,
                       key=lambda f: SEVERITY_ORDER.index(f.severity))
        self.cross.clear()
        w = report_labels()
        if not found:
            item = QTreeWidgetItem([translate("MappingPage", "No findings across connectors."), ""])
            item.setIcon(0, status_icon("ok"))
            self.cross.addTopLevelItem(item)
            return
        for finding in found:
            item = QTreeWidgetItem([f"{w.severities[finding.severity]}: {finding.message}",
                                    str(finding.count)])
            item.setIcon(0, status_icon(finding.severity))
            item.setToolTip(0, finding.hint)
            self.cross.addTopLevelItem(item)
            hint = QTreeWidgetItem([translate("MappingPage", "What to do: ") + finding.hint, ""])
            item.addChild(hint)
            if finding.examples:
                item.addChild(QTreeWidgetItem(
                    [translate("MappingPage", "Examples: ") + ", ".join(finding.examples), ""]))


def _label(afas: AfasField) -> str:
    label = f" - {afas.label}" if afas.label and afas.label != afas.id else ""
    return f"{afas.id}{label} ({afas.type})"
