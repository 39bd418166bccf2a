"""Small shared widgets: status as icon and word (never colour alone), and a notice line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore  # QtCore.Qt when used: its 94 enums are made then (~20 ms)
from PySide6.QtCore import QEvent
from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from payt_onboarding.gui.texts import report_labels, translate

if TYPE_CHECKING:  # pydantic, off the first paint
    from payt_onboarding.report.model import Report


# Status -> the QStyle.StandardPixmap it shows, by name: PySide makes a Qt class's enums (Python
# enums, slow to make) when the class is first imported, and the first page shows no icon.
_ICONS = {
    "ok": "SP_DialogApplyButton",
    "mapped": "SP_DialogApplyButton",
    "ready": "SP_DialogApplyButton",
    "warning": "SP_MessageBoxWarning",
    "ready_with_warnings": "SP_MessageBoxWarning",
    "empty": "SP_MessageBoxWarning",
    "error": "SP_MessageBoxCritical",
    "not_ready": "SP_MessageBoxCritical",
    "missing": "SP_MessageBoxCritical",
    "type_mismatch": "SP_MessageBoxCritical",
    "info": "SP_MessageBoxInformation",
    "skipped": "SP_MessageBoxInformation",
    "running": "SP_BrowserReload",
    "waiting": "SP_FileDialogDetailedView",
}


def status_icon(status: str) -> QIcon:
    from PySide6.QtWidgets import QStyle

    pixmap = getattr(QStyle.StandardPixmap, _ICONS.get(status, "SP_MessageBoxQuestion"))
    return QApplication.style().standardIcon(pixmap)


def status_word(status: str) -> str:
    extra = {
        "running": translate("Widgets", "running…"),
        "waiting": translate("Widgets", "waiting"),
        "missing": translate("Widgets", "missing"),
        "info": report_labels().severities["info"],
    }
    w = report_labels()
    return w.statuses.get(status) or w.verdicts.get(status) or extra.get(status, status)


class Notice(QWidget):
    """An icon and a wrapped text: what went wrong and what to do, or that all is well."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        self.icon = QLabel()
        self.text = QLabel()
        self.text.setWordWrap(True)
        layout.addWidget(self.icon)
        layout.addWidget(self.text, 1)
        self.status = ""
        self._set_up = False
        self.hide()

    def _set_up_labels(self) -> None:
        """On the first notice, not when built: a hidden notice on the first page needs none
        of the Qt namespace's enums."""
        if not self._set_up:
            self._set_up = True
            self.icon.setAlignment(QtCore.Qt.AlignmentFlag.AlignTop)
            self.text.setTextFormat(QtCore.Qt.TextFormat.RichText)
            self.text.setTextInteractionFlags(
                QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)

    def show_notice(self, status: str, title: str, detail: str = "") -> None:
        self._set_up_labels()
        self.status = status
        size = self.fontMetrics().height() + 4
        self.icon.setPixmap(status_icon(status).pixmap(size, size))
        import html  # with the first notice: its entity table is not needed at start

        body = f"<b>{html.escape(title)}</b>"
        if detail:
            body += "<br>" + html.escape(detail).replace("\n", "<br>")
        self.text.setText(body)
        self.show()

    def clear(self) -> None:
        self.status = ""
        self.text.clear()
        self.hide()


def _keep_indicator_visible(button: QAbstractButton) -> None:
    """Fusion fills a check box's box and a radio button's circle with Base and edges them a
    shade darker than Window; on a dark palette both are near-black, so an unchecked one all
    but disappears. There it gets a Base lighter than the window."""
    app_palette = QApplication.palette()
    window = app_palette.color(QPalette.ColorRole.Window)
    palette = button.palette()
    dark = window.lightness() < 128
    palette.setColor(QPalette.ColorRole.Base, window.lighter(200) if dark
                     else app_palette.color(QPalette.ColorRole.Base))
    button.setPalette(palette)


class CheckBox(QCheckBox):
    """A check box that stays visible on a dark palette (_keep_indicator_visible)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        _keep_indicator_visible(self)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            _keep_indicator_visible(self)


class RadioButton(QRadioButton):
    """A radio button that stays visible on a dark palette (_keep_indicator_visible)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        _keep_indicator_visible(self)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            _keep_indicator_visible(self)


# The HTML report's verdict colours (resources/report.html.j2): text and border, background.
# Explicit on both, so the banner reads the same in a light and a dark palette.
_TONES = {
    "ready": ("#1b6332", "#e6f3ea"),
    "ready_with_warnings": ("#7a4800", "#fff2d4"),
    "not_ready": ("#a3151a", "#fce8e8"),
    "cancelled": ("#4a5059", "#eef0f2"),
}


class VerdictBanner(QFrame):
    """The verdict as the first thing one sees, as in the HTML report: the word large, in its
    colour with a thick left border, the counts under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdict")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(2)
        self.word = QLabel()
        font = self.word.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.word.setFont(font)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        layout.addWidget(self.word)
        layout.addWidget(self.detail)
        self.verdict = ""
        self.hide()

    def show_verdict(self, verdict: str, word: str, detail: str) -> None:
        ink, background = _TONES.get(verdict, _TONES["cancelled"])
        self.verdict = verdict
        self.setStyleSheet(
            f"QFrame#verdict {{ background: {background}; border: 2px solid {ink}; "
            f"border-left-width: 12px; border-radius: 4px; }} "
            f"QFrame#verdict QLabel {{ color: {ink}; background: transparent; border: none; }}")
        self.word.setText(word)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.show()


def counts(report: Report) -> str:
    """"2 fouten, 1 waarschuwing": the line under a verdict."""
    from payt_onboarding.report.labels import counted

    w = report_labels()
    severities = [f.severity for f in report.findings]
    return ", ".join(counted(w, kind, severities.count(kind)) for kind in ("error", "warning"))


def heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def with_help(field: QWidget, text: str) -> QWidget:
    """A form field with its explanation under it (a form row of its own leaves a gap)."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(field)
    note = QLabel(text)
    note.setWordWrap(True)
    note.setTextFormat(QtCore.Qt.TextFormat.PlainText)
    layout.addWidget(note)
    return box
