"""Page 2: the environment number and type, the REST address they give, an address override."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from payt_onboarding.afas.environment import (
    Environment,
    EnvironmentInputError,
    EnvironmentKind,
    parse_uid,
)
from payt_onboarding.gui.jobs import Jobs
from payt_onboarding.gui.pages.base import Page
from payt_onboarding.gui.state import WizardState
from payt_onboarding.gui.texts import language, report_labels, translate
from payt_onboarding.gui.widgets import Notice, with_help


class EnvironmentPage(Page):
    def __init__(self, state: WizardState, jobs: Jobs) -> None:
        super().__init__(state, jobs)
        self.setTitle(translate("EnvironmentPage", "AFAS environment"))
        self.setSubTitle(translate("EnvironmentPage",
                                   "Which of the client's environments is connected?"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.uid = QLineEdit()
        self.uid.setPlaceholderText("12345")
        self.uid.setMaxLength(40)
        uid_label = QLabel(translate("EnvironmentPage", "Environment n&umber:"))
        uid_label.setBuddy(self.uid)
        form.addRow(uid_label, with_help(self.uid, translate("EnvironmentPage",
                                                             "5 digits, or the code such as "
                                                             "O12345AA. The number is in every "
                                                             "AFAS Online username "
                                                             "(12345.jansen) and in the AFAS "
                                                             "Online address "
                                                             "(https://12345.afasonline.com).")))

        self.kind = QComboBox()
        for kind in EnvironmentKind:
            self.kind.addItem(report_labels().environments[kind.value].capitalize(), kind.value)
        kind_label = QLabel(translate("EnvironmentPage", "Environment &type:"))
        kind_label.setBuddy(self.kind)
        form.addRow(kind_label, self.kind)

        # Derived, not typed: a label (selectable, to copy) rather than an input box that
        # looks editable and takes a mnemonic.
        self.url = QLabel()
        self.url.setTextFormat(Qt.TextFormat.PlainText)
        self.url.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                         | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.url.setAccessibleName(translate("EnvironmentPage", "REST address"))
        form.addRow(translate("EnvironmentPage", "REST address:"), self.url)
        layout.addLayout(form)

        self.advanced = QGroupBox(translate("EnvironmentPage", "&Advanced: use another address"))
        self.advanced.setCheckable(True)
        self.advanced.setChecked(False)
        adv = QFormLayout(self.advanced)
        self.base_url = QLineEdit()
        self.base_url.setPlaceholderText("https://12345.rest.afas.online/ProfitRestServices")
        base_label = QLabel(translate("EnvironmentPage", "Bas&e URL:"))
        base_label.setBuddy(self.base_url)
        adv.addRow(base_label, with_help(self.base_url, translate("EnvironmentPage",
                                                                  "Only for an on-premises "
                                                                  "server or the simulator; "
                                                                  "otherwise leave empty.")))
        layout.addWidget(self.advanced)
        self.notice = Notice()
        layout.addWidget(self.notice)
        layout.addStretch(1)

        self.environment: Environment | None = None
        self.uid.textChanged.connect(self._uid_changed)
        self.kind.currentIndexChanged.connect(self._validate)
        self.base_url.textChanged.connect(self._validate)
        self.advanced.toggled.connect(self._validate)
        self._filled_for: object = None

    def initializePage(self) -> None:
        profile, prefill = self.state.profile, self.state.prefill
        # Filled once per profile picked: what the user typed since stays when going back.
        if self._filled_for == (profile, prefill):
            return
        self._filled_for = (profile, prefill)
        if profile is not None:
            self._fill(profile.uid, profile.environment, profile.base_url)
        elif prefill is not None:
            self._fill(prefill.uid, None, prefill.base_url)
        self._validate()

    def _fill(self, uid: str, kind: str | None, base_url: str | None) -> None:
        self.uid.setText(uid)
        if kind:
            self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.advanced.setChecked(bool(base_url))
        self.base_url.setText(base_url or "")

    def _uid_changed(self) -> None:
        # A code such as T12345AA names its type: show it rather than report a conflict.
        try:
            _, code_kind = parse_uid(self.uid.text())
        except EnvironmentInputError:
            code_kind = None
        if code_kind is not None:
            self.kind.setCurrentIndex(self.kind.findData(code_kind.value))
        self._validate()

    def _validate(self) -> None:
        base = self.base_url.text() if self.advanced.isChecked() else None
        try:
            self.environment = Environment.parse(self.uid.text(), self.kind.currentData(), base)
        except EnvironmentInputError as error:
            self.environment = None
            self.url.clear()
            self.notice.show_notice("error" if self.uid.text().strip() else "info",
                                    translate("EnvironmentPage", "Not complete yet"),
                                    error.text(language()))
        else:
            self.url.setText(self.environment.base_url)
            self.notice.clear()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.environment is not None

    def validatePage(self) -> bool:
        if self.environment != self.state.environment:
            self.state.environment = self.environment
        return self.environment is not None
