"""One client's report from Check all: the verdict banner and the report as the summary page
shows it (gui/report_view.py), with the export to HTML, JSON and PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from payt_onboarding.gui.report_view import report_html
from payt_onboarding.gui.texts import report_labels, translate
from payt_onboarding.gui.widgets import Notice, VerdictBanner, counts
from payt_onboarding.report.model import Report


class ReportDialog(QDialog):
    def __init__(self, profile: str, report: Report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(translate("ReportDialog", "Report: {profile}").format(
            profile=profile))
        self.resize(860, 640)
        layout = QVBoxLayout(self)
        self.verdict = VerdictBanner()
        self.verdict.show_verdict(report.verdict, report_labels().verdicts[report.verdict],
                                  counts(report))
        layout.addWidget(self.verdict)
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        self.view.setHtml(report_html(report))
        layout.addWidget(self.view, 1)
        self.notice = Notice()
        layout.addWidget(self.notice)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export = QPushButton(translate("ReportDialog", "&Export report…"))
        buttons.addButton(self.export, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.export.clicked.connect(self._export)
        layout.addWidget(buttons)

    def _export(self) -> None:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        uid = self.report.target.uid
        suggested = Path(folder) / f"payt-afas-{uid}-{date.today():%Y-%m-%d}.html"
        path, _ = QFileDialog.getSaveFileName(
            self, translate("ReportDialog", "Export report"), str(suggested),
            translate("ReportDialog", "HTML report (*.html)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> tuple[Path, Path, Path] | None:
        """The HTML report at `path`, the JSON and the PDF report beside it."""
        from payt_onboarding.gui.report_pdf import render_pdf
        from payt_onboarding.profile.files import atomic_write
        from payt_onboarding.report.render_html import render_html
        from payt_onboarding.report.render_json import render_json

        html_path = path if path.suffix.lower() in (".html", ".htm") else \
            path.with_suffix(".html")
        json_path, pdf_path = html_path.with_suffix(".json"), html_path.with_suffix(".pdf")
        try:
            atomic_write(html_path, render_html(self.report).encode("utf-8"))
            atomic_write(json_path, render_json(self.report).encode("utf-8"))
            atomic_write(pdf_path, render_pdf(self.report))
        except OSError as error:
            self.notice.show_notice(
                "error", translate("ReportDialog", "The report was not written."),
                translate("ReportDialog", "{strerror}. Choose another folder.").format(
                    strerror=error.strerror or error))
            return None
        self.notice.show_notice("ok", translate("ReportDialog", "Report exported."),
                                f"{html_path}\n{json_path}\n{pdf_path}")
        return html_path, json_path, pdf_path
