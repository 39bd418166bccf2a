"""Page 6: the verdict, the counts and the profile name; save, export the report, copy a
summary for an e-mail to the client's AFAS consultant."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
)

from payt_onboarding.gui.jobs import Jobs
from payt_onboarding.gui.pages.base import Page
from payt_onboarding.gui.state import WizardState
from payt_onboarding.gui.texts import in_language, keyring_name, report_labels, translate
from payt_onboarding.gui.widgets import Notice, VerdictBanner, counts, heading

if TYPE_CHECKING:  # pydantic, the keyring and the renderers load when this page is used
    from payt_onboarding.app.saving import SavedProfile
    from payt_onboarding.report.model import Report


class SummaryPage(Page):
    def __init__(self, state: WizardState, jobs: Jobs) -> None:
        super().__init__(state, jobs)
        self.setTitle(translate("SummaryPage", "Summary and save"))
        self.setSubTitle(translate("SummaryPage", "Keep the checked configuration as a profile."))
        layout = QVBoxLayout(self)
        self.verdict = VerdictBanner()
        layout.addWidget(self.verdict)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setMaxLength(120)
        name_label = QLabel(translate("SummaryPage", "&Profile name:"))
        name_label.setBuddy(self.name)
        form.addRow(name_label, self.name)
        self.token_note = QLabel()
        self.token_note.setWordWrap(True)
        self.token_label = QLabel(translate("SummaryPage", "Token:"))
        form.addRow(self.token_label, self.token_note)
        layout.addLayout(form)

        buttons = QHBoxLayout()
        self.save = QPushButton()
        self.export = QPushButton(translate("SummaryPage", "&Export report…"))
        self.copy = QPushButton(translate("SummaryPage", "&Copy summary"))
        buttons.addWidget(self.save)
        buttons.addWidget(self.export)
        buttons.addWidget(self.copy)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.notice = Notice()
        layout.addWidget(self.notice)
        preview_label = heading(translate("SummaryPage", "The &report"))
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        preview_label.setBuddy(self.preview)
        layout.addWidget(preview_label)
        layout.addWidget(self.preview, 1)

        self.save.clicked.connect(self.save_profile)
        self.export.clicked.connect(self._export)
        self.copy.clicked.connect(self.copy_summary)
        self.name.textChanged.connect(lambda _: self.notice.clear())
        self.saved: SavedProfile | None = None
        self.saving = False

    def report(self) -> Report:
        return self.state.report()

    def initializePage(self) -> None:
        from payt_onboarding.gui.report_view import report_html

        report = self.report()
        w = report_labels()
        detail = counts(report)
        if report.verdict == "not_ready":
            detail += translate("SummaryPage",
                                ". Fix the errors and test again; until then the profile can "
                                "only be saved as a draft (not validated).")
        self.verdict.show_verdict(report.verdict, w.verdicts[report.verdict], detail)
        self.preview.setHtml(report_html(report))
        self.save.setText(translate("SummaryPage", "Save as &draft (not validated)")
                          if report.verdict == "not_ready"
                          else translate("SummaryPage", "&Save profile"))
        if not self.name.text().strip():
            profile, prefill = self.state.profile, self.state.prefill
            env = self.state.environment
            self.name.setText(profile.name if profile else prefill.profile_name if prefill
                              and prefill.profile_name else f"AFAS {env.uid}" if env else "")
        vault = self.state.vault
        kind = report.target.auth
        self.token_label.setText(
            translate("SummaryPage", "Private key:") if kind == "oauth_private_key_jwt"
            else translate("SummaryPage", "Client secret:") if kind == "oauth_client_secret"
            else translate("SummaryPage", "Token:"))
        if kind == "oauth_private_key_jwt":
            self.token_note.setText(translate("SummaryPage", "stays in its own file; the "
                                                             "profile keeps its path."))
        elif not self.state.remember_token:
            self.token_note.setText(translate("SummaryPage",
                                              "not kept (as chosen on the token page)."))
        elif vault is not None and vault.usable:
            self.token_note.setText(
                translate("SummaryPage", "kept in {name}.").format(name=keyring_name(vault.name)))
        else:
            self.token_note.setText(translate("SummaryPage",
                                              "for this session only: there is no usable "
                                              "keyring."))
        self.notice.clear()

    def save_profile(self) -> None:
        from payt_onboarding.profile.model import checked_name
        from payt_onboarding.profile.store import ProfileError
        from payt_onboarding.report.render_json import render_json

        try:
            name = checked_name(self.name.text())
        except ValueError as error:
            detail = in_language(getattr(error, "localized", None), str(error)) \
                if self.name.text().strip() else translate(
                "SummaryPage", "The name is empty: for example the client's company name.")
            self.notice.show_notice(
                "error", translate("SummaryPage", "Choose another profile name."), detail)
            self.name.setFocus()
            return
        if not self._may_replace(name):
            self.name.setFocus()
            return
        environment, token, session = self.state.environment, self.state.token, self.state.session
        if environment is None or token is None or session is None or self.saving:
            return
        report = self.state.report()
        options, requirements = session.options, self.state.requirements
        remember = self.state.remember_token
        language = self.state.language
        self.saving = True
        self.save.setEnabled(False)
        self.notice.show_notice("running", translate("SummaryPage", "Saving…"))

        def work(progress: object, cancel: object) -> SavedProfile | str:
            from payt_onboarding.app.saving import save_checked_profile  # the keyring, when used

            try:
                return save_checked_profile(name, environment, token, options, requirements, report,
                                    render_json(report), remember_token=remember)
            except ProfileError as error:
                return error.text(language)

        self.jobs.start(work, self._saved, failed=self._saved)

    def _may_replace(self, name: str) -> bool:
        """Another profile by this name (not the one being checked again): ask first."""
        from payt_onboarding.profile.store import ProfileError, ProfileStore

        try:
            other = ProfileStore().load(name)
        except ProfileError:
            return True  # none, or one that cannot be read: saving keeps it as .bak
        if self.state.profile is not None and self.state.profile.name == other.name:
            return True
        answer = QMessageBox.question(
            self, translate("SummaryPage", "Replace the profile?"),
            translate("SummaryPage", "A profile named '{name}' already exists (environment "
                                     "{uid}). Replace it with this check?").format(
                name=other.name, uid=other.uid),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _saved(self, result: SavedProfile | str) -> None:
        self.saving = False
        self.save.setEnabled(True)
        if isinstance(result, str):
            self.notice.show_notice(
                "error", translate("SummaryPage", "The profile was not saved."), result)
            return
        self.saved = result
        self.state.unsaved = False
        self.state.profile = result.profile
        token = _where_kept(result)
        title = (translate("SummaryPage", "Draft '{name}' saved (not validated).") if result.draft
                 else translate("SummaryPage", "Profile '{name}' saved.")).format(
                     name=result.profile.name)
        self.notice.show_notice("warning" if result.draft else "ok", title,
                                f"{result.path}\n{token}")

    def _export(self) -> None:
        report = self.report()
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        suggested = Path(folder) / f"payt-afas-{report.target.uid}-{date.today():%Y-%m-%d}.html"
        path, _ = QFileDialog.getSaveFileName(
            self, translate("SummaryPage", "Export report"), str(suggested),
            translate("SummaryPage", "HTML report (*.html)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> tuple[Path, Path, Path] | None:
        """The HTML report at `path`, the JSON and the PDF report beside it."""
        report = self.report()
        html_path = path if path.suffix.lower() in (".html", ".htm") else \
            path.with_suffix(".html")
        json_path = html_path.with_suffix(".json")
        pdf_path = html_path.with_suffix(".pdf")
        from payt_onboarding.gui.report_pdf import render_pdf
        from payt_onboarding.profile.files import atomic_write
        from payt_onboarding.report.render_html import render_html  # jinja2, when used
        from payt_onboarding.report.render_json import render_json

        try:
            atomic_write(html_path, render_html(report).encode("utf-8"))
            atomic_write(json_path, render_json(report).encode("utf-8"))
            atomic_write(pdf_path, render_pdf(report))
        except OSError as error:
            self.notice.show_notice(
                "error", translate("SummaryPage", "The report was not written."),
                translate("SummaryPage", "{strerror}. Choose another folder.").format(
                    strerror=error.strerror or error))
            return None
        self.notice.show_notice("ok", translate("SummaryPage", "Report exported."),
                                f"{html_path}\n{json_path}\n{pdf_path}")
        return html_path, json_path, pdf_path

    def copy_summary(self) -> None:
        from payt_onboarding.report.render_text import render_text

        QGuiApplication.clipboard().setText(render_text(self.report(), width=120))
        self.notice.show_notice("ok", translate("SummaryPage",
                                                "Summary copied: paste it into an e-mail."))


def _where_kept(result: SavedProfile) -> str:
    """Where the token or client secret went; a private key stays in its own file."""
    if result.secret == "private_key":
        return translate("SummaryPage", "The private key stays in its own file.")
    if result.secret == "client_secret":
        return {
            "keyring": translate("SummaryPage", "The client secret is in {store_name}.").format(
                store_name=keyring_name(result.store_name)),
            "memory": translate("SummaryPage",
                                "The client secret is kept for this session only (no keyring)."),
            "rejected": translate("SummaryPage",
                                  "The client secret was NOT kept: AFAS did not accept it."),
            "failed": translate("SummaryPage", "The client secret was NOT kept: {problem}").format(
                problem=result.problem),
            "not_asked": translate("SummaryPage", "The client secret was not kept (as chosen)."),
        }[result.token]
    return {
        "keyring": translate("SummaryPage", "The token is in {store_name}.").format(
            store_name=keyring_name(result.store_name)),
        "memory": translate("SummaryPage",
                            "The token is kept for this session only (no keyring)."),
        "rejected": translate("SummaryPage", "The token was NOT kept: AFAS did not accept it."),
        "failed": translate("SummaryPage", "The token was NOT kept: {problem}").format(
            problem=result.problem),
        "not_asked": translate("SummaryPage", "The token was not kept (as chosen)."),
    }[result.token]
