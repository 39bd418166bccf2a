"""The report as a PDF, for the e-mail to the client's AFAS consultant: the same content as the
HTML report, printed by Qt (QTextDocument on a QPdfWriter), so no new dependency.

Used by the wizard's export and by `check --format pdf`, which has no window: then an offscreen
QGuiApplication is made for the fonts.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from payt_onboarding.gui.report_view import report_html
from payt_onboarding.report.labels import labels_for
from payt_onboarding.report.model import Report


def render_pdf(report: Report) -> bytes:
    if QGuiApplication.instance() is None:
        # The command line: no screen needed, and no window shown.
        QGuiApplication(["payt-onboarding", "-platform", "offscreen"])
    labels = labels_for(report.language)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setTitle(f"{labels.title}: {report.target.uid}")
    writer.setCreator(f"payt-onboarding {report.tool.version}")
    document = QTextDocument()
    # Laid out on the writer's own page (else Qt adds 2 cm margins of its own), in its units.
    document.documentLayout().setPaintDevice(writer)
    document.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size().toSizeF())
    document.setDocumentMargin(0)
    font = document.defaultFont()
    font.setPointSizeF(9)
    document.setDefaultFont(font)
    document.setHtml(report_html(report, dark=False, whole=True))
    document.print_(writer)
    del writer  # finishes the file
    buffer.close()
    return bytes(data.data())
